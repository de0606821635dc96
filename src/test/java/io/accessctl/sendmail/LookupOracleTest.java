package io.accessctl.sendmail;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.catalog.Tag;
import io.accessctl.cf.CfFile;
import io.accessctl.cf.CfVariants;
import io.accessctl.cf.Feature;
import io.accessctl.mapfile.MapReader;
import io.accessctl.testutil.AccessGen;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomized differential test: for every generated case, accessctl's simulation must hand the
 * access map exactly the keys the real {@code sendmail -bt -d38.20} hands it, in the same order,
 * and reach the same result. The map is compiled by the real makemap, so both read one file; all
 * cases of a run go through one sendmail process. {@code -Daccessctl.seed=N} replays a run.
 */
@org.junit.jupiter.api.Tag("oracle")
class LookupOracleTest {
  private static final int CASES = 1100;
  private static final java.util.regex.Pattern REJECTED_BEFORE_SPAM =
      java.util.regex.Pattern.compile("(?m)^checkrcpt\\s+returns: \\$#");

  @TempDir
  Path dir;

  @Test
  void everyTagAgreesWithSendmailOnDebiansCf() throws IOException {
    Oracle.require(Oracle.SENDMAIL, Oracle.MAKEMAP, Oracle.STOCK_CF);
    long seed = AccessGen.seed();
    Path db = compile(seed, false);
    Path cf = Oracle.testCf(dir, "hash", db.toString().replaceAll("\\.db$", ""));
    differential(seed, cf, db, false);
  }

  @Test
  void lookupdotdomainAndBlocklistRecipientsFromAnM4BuiltCfAreFollowed() throws IOException {
    Oracle.require(Oracle.SENDMAIL, Oracle.MAKEMAP, CfVariants.M4, CfVariants.CF_M4);
    long seed = AccessGen.seed();
    Path db = compile(seed, true);
    Path generated = CfVariants.generate(dir, "ldd", CfVariants.add("FEATURE(`lookupdotdomain')"),
        CfVariants.add("FEATURE(`blocklist_recipients')"));
    Path cf = pointAt(generated, db);
    Rules rules = Rules.of(CfFile.read(cf));
    assertThat(rules.has(Feature.LOOKUPDOTDOMAIN)).as("the cf is read").isTrue();
    assertThat(rules.has(Feature.BLOCKLIST_RECIPIENTS)).isTrue();
    differential(seed, cf, db, true);
  }

  @Test
  void nulTerminatedKeysAreFoundAdaptivelyLikeSendmail() throws IOException {
    Oracle.require(Oracle.SENDMAIL, Oracle.MAKEMAP, Oracle.STOCK_CF);
    long seed = AccessGen.seed();
    Path db = compile(seed, false, List.of("-N"));
    Path cf = Oracle.testCf(dir, "hash", db.toString().replaceAll("\\.db$", ""));
    differential(seed, cf, db, false, 300);
  }

  /** A copy of an m4-built cf whose access map is {@code db}, with the MkBar helper. */
  private Path pointAt(Path cf, Path db) throws IOException {
    String text = Files.readString(cf, StandardCharsets.ISO_8859_1)
        .replaceAll("(?m)^Kaccess .*$", Matcher.quoteReplacement("Kaccess hash -T<TMPF> "
            + db.toString().replaceAll("\\.db$", "")));
    Path out = dir.resolve("ldd-test.cf");
    Files.writeString(out, text + "\nSMkBar\nR$* = $*\t\t$: $1 $| $2\n",
        StandardCharsets.ISO_8859_1);
    return out;
  }

  private Path compile(long seed, boolean dotDomain) {
    return compile(seed, dotDomain, List.of());
  }

  private Path compile(long seed, boolean dotDomain, List<String> flags) {
    Map<String, String> map = new LookupGen(seed, dotDomain).map(700);
    Oracle.Result r = Oracle.makemap(dir, flags, "hash", "access",
        LookupGen.source(map).getBytes(StandardCharsets.ISO_8859_1));
    assertThat(r.exit()).as("makemap: %s", r.stderr()).isZero();
    return dir.resolve("access.db");
  }

  private void differential(long seed, Path cf, Path db, boolean dotDomain) throws IOException {
    differential(seed, cf, db, dotDomain, CASES);
  }

  private void differential(long seed, Path cf, Path db, boolean dotDomain, int count)
      throws IOException {
    LookupGen g = new LookupGen(AccessGen.caseSeed(seed, 1), dotDomain);
    List<SendmailBt.Case> cases = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Tag tag = SendmailBt.tag(LookupGen.TAGS[i % LookupGen.TAGS.length]);
      cases.add(SendmailBt.newCase(tag, g.nameFor(tag), g.addrFor(tag), g));
    }
    long start = System.nanoTime();
    List<SendmailBt.Observed> seen = SendmailBt.run(cf, cases);
    long sendmailMs = (System.nanoTime() - start) / 1_000_000;
    Rules rules = Rules.of(CfFile.read(cf));
    Map<String, Integer> perTag = new LinkedHashMap<>();
    int notReached = 0;
    List<String> failures = new ArrayList<>();
    try (MapReader reader = MapReader.open(db)) {
      Simulator sim = new Simulator(rules, rules.accessMap(key -> reader
          .get(key.getBytes(StandardCharsets.ISO_8859_1))
          .map(v -> new String(v, StandardCharsets.ISO_8859_1))));
      for (int i = 0; i < cases.size(); i++) {
        SendmailBt.Case c = cases.get(i);
        Answer a = sim.lookup(c.query());
        List<String> keys = a.probes().stream().map(Probe::key).toList();
        String tag = c.tag().name();
        if (tag.equals("Spam") && REJECTED_BEFORE_SPAM.matcher(seen.get(i).raw()).find()) {
          // check_rcpt consults Spam: only for recipients its own checks (To: with
          // blocklist_recipients) let through; a single-tag lookup does not model that.
          notReached++;
          continue;
        }
        String want = Verdicts.observed(tag, seen.get(i).returns());
        String got = Verdicts.expected(a, c, rules);
        perTag.merge(tag, 1, Integer::sum);
        if (!keys.equals(seen.get(i).keys()) || !want.equals(got)) {
          failures.add("case " + i + " " + tag + " name=\"" + c.query().name() + "\" addr=\""
              + c.query().addr().orElse("") + "\" macros=" + c.macros() + "\n  sendmail keys: "
              + seen.get(i).keys() + "\n  accessctl keys: " + keys + "\n  sendmail result: "
              + want + " (" + seen.get(i).returns() + ")\n  accessctl result: " + got
              + (a.result().isPresent() ? " (value " + a.result().get() + ")" : ""));
        }
      }
    }
    System.out.printf("lookup differential (%s): %d cases compared %s (%d Spam cases rejected by"
        + " To: first), sendmail %d ms, %s%n", cf.getFileName(), cases.size() - notReached,
        perTag, notReached, sendmailMs, AccessGen.replayHint(seed));
    assertThat(failures).as("%d of %d cases differ (%s); first ones", failures.size(),
        cases.size(), AccessGen.replayHint(seed)).isEmpty();
  }
}
