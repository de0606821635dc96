package io.accessctl.sendmail;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.app.MapLookup;
import io.accessctl.catalog.Tag;
import io.accessctl.cf.CfFile;
import io.accessctl.rules.Settings;
import io.accessctl.source.ParseOptions;
import io.accessctl.testutil.AccessGen;
import io.accessctl.testutil.Oracle;
import io.accessctl.testutil.RealCfs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of {@code lookup TAG NAME} (through {@link MapLookup}, as the command and the
 * shell answer) against {@code sendmail -bt -d38.20} on the real cfs of {@link RealCfs}: for
 * seeded random questions about Try_TLS, Srv_Features, Clt_Features, Connect, GreetPause, From,
 * To and Spam, the keys lookup says it tried are the keys sendmail hands to the access map when it
 * runs the same rulesets on the same arguments and macros, in order, and each ruleset returns
 * what sendmail's returns. {@code -Daccessctl.seed=N} replays a run.
 */
@org.junit.jupiter.api.Tag("oracle")
class LookupRulesOracleTest {
  private static final int QUESTIONS = 120;
  private static final String[] TAGS = {"Try_TLS", "Srv_Features", "Clt_Features", "Connect",
      "GreetPause", "From", "To", "Spam"};
  private static final Pattern LOOKUP = Pattern.compile("db_map_lookup\\(access, (.*)\\)$");
  private static final Pattern RETURNS = Pattern.compile("^(?:> )*(\\S+)\\s+returns: ?(.*)$");

  @TempDir
  Path dir;

  @Test
  void lookupTriesTheKeysSendmailTriesAndDecidesAlike() throws Exception {
    RealCfs.require();
    long seed = AccessGen.seed();
    LookupGen gen = new LookupGen(seed, true);
    Map<String, String> entries = new LinkedHashMap<>(gen.map(600));
    for (int i = 0; i < 30; i++) {
      entries.putIfAbsent("Site:" + gen.host().toLowerCase(java.util.Locale.ROOT),
          gen.pick("REJECT", "OK"));
    }
    Oracle.Result mm = Oracle.makemap(dir, List.of(), "hash", "access",
        LookupGen.source(entries).getBytes(StandardCharsets.ISO_8859_1));
    assertThat(mm.exit()).as(mm.stderr()).isZero();
    Map<String, Path> cfs = RealCfs.build(dir, dir.resolve("access"));
    Settings names = RealCfs.sendmailNames();
    int index = 0;
    int asked = 0;
    for (Map.Entry<String, Path> cf : cfs.entrySet()) {
      LookupGen g = new LookupGen(AccessGen.caseSeed(seed, ++index), true);
      asked += compare(cf.getKey(), cf.getValue(), names, g, seed);
    }
    System.out.println("LookupRulesOracleTest: " + asked + " questions on " + cfs.size()
        + " cfs agreed with sendmail -bt, " + AccessGen.replayHint(seed));
  }

  private int compare(String what, Path cf, Settings names, LookupGen g, long seed)
      throws Exception {
    List<Query> questions = new ArrayList<>();
    List<Answer> answers = new ArrayList<>();
    StringBuilder bt = new StringBuilder();
    try (MapLookup lookup = MapLookup.open(Optional.of(CfFile.read(cf)), dir.resolve("access.db"),
        ParseOptions.defaults(), names)) {
      for (int i = 0; i < QUESTIONS; i++) {
        Query q = question(Maps.tag(TAGS[i % TAGS.length]), g);
        Answer a = lookup.answer(q);
        questions.add(q);
        answers.add(a);
        for (int s = 0; s < a.steps().size(); s++) {
          Answer.Step step = a.steps().get(s);
          step.macros().forEach((k, v) -> bt.append(".D").append(k).append(v).append('\n'));
          bt.append(step.arguments().size() > 1 ? "MkBar," : "").append(step.ruleset())
              .append(' ').append(String.join(" = ", step.arguments())).append('\n');
          bt.append("/map access marker-").append(i).append('-').append(s).append('\n');
        }
      }
    }
    String out = Oracle.sendmailBt(cf, bt.toString(), "-d38.20").stdout();
    List<String> failures = new ArrayList<>();
    int part = 0;
    String[] parts = out.split("map_lookup: access \\(marker-\\d+-\\d+\\)", -1);
    for (int i = 0; i < answers.size(); i++) {
      Answer a = answers.get(i);
      List<String> keys = new ArrayList<>();
      List<String> mine = new ArrayList<>();
      List<String> theirs = new ArrayList<>();
      for (Answer.Step step : a.steps()) {
        String p = part < parts.length ? parts[part++] : "";
        String returns = null;
        for (String line : p.split("\n")) {
          Matcher m = LOOKUP.matcher(line);
          // lookup leaves the walk of an address the question does not give out of its trace
          if (m.find() && !m.group(1).startsWith("marker-")
              && !m.group(1).contains(Checks.NO_ADDRESS)) {
            keys.add(m.group(1));
          }
          Matcher r = RETURNS.matcher(line);
          if (r.find() && r.group(1).equals(prefix(step.ruleset()))) {
            returns = r.group(2).strip();
          }
        }
        mine.add(step.ruleset() + " " + step.returns());
        theirs.add(step.ruleset() + " " + returns);
      }
      List<String> tried = a.probes().stream().map(Probe::key).toList();
      if (!tried.equals(keys) || !mine.equals(theirs)) {
        failures.add(what + ", question " + i + ": " + describe(questions.get(i))
            + "\n  sendmail keys:  " + keys + "\n  accessctl keys: " + tried
            + "\n  sendmail:  " + theirs + "\n  accessctl: " + mine);
      }
    }
    assertThat(failures).as("%s (%s): %d of %d questions differ (%s)", what, cf,
        failures.size(), answers.size(), AccessGen.replayHint(seed)).isEmpty();
    return answers.size();
  }

  private static String prefix(String ruleset) {
    return ruleset.length() > 16 ? ruleset.substring(0, 16) : ruleset;
  }

  private static Query question(Tag tag, LookupGen g) {
    String name = g.nameFor(tag);
    while (name.isEmpty() || name.equals(".")) {
      name = g.nameFor(tag);
    }
    String addr = g.addrFor(tag);
    Query q = Query.of(tag, name, addr.isEmpty() ? Optional.empty() : Optional.of(addr));
    if (g.nextInt(2) == 0) {
      q = q.withInbound(g.nextInt(3) == 0 ? "" : g.host(), g.address());
    }
    if (g.nextInt(3) == 0) {
      q = q.withRcpt(g.mail());
    }
    return q;
  }

  private static String describe(Query q) {
    return q.tag().name() + " \"" + q.name() + "\" [" + q.addr().orElse("") + "] client \""
        + q.inboundName() + "\" [" + q.inboundAddr() + "] rcpt " + q.rcpt().orElse("-");
  }
}
