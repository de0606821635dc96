package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.catalog.Catalog;
import io.accessctl.catalog.TlsRequirement;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Linter;
import io.accessctl.lint.Severity;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Entry;
import io.accessctl.source.ParseOptions;
import io.accessctl.testutil.AccessGen;
import io.accessctl.testutil.Oracle;
import io.accessctl.tokens.MapValue;
import io.accessctl.tokens.Prescan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomized differential tests of the AC3xx value model against the real {@code sendmail -bt} on
 * Debian's sendmail.cf, its access map built by the real makemap. Each test generates a few hundred
 * values from a seed ({@code -Daccessctl.seed=N} replays a run), stores each under its own key,
 * runs all cases through one sendmail process and compares what sendmail did with what accessctl
 * says.
 */
@Tag("oracle")
class ValueRulesOracleTest {
  private static final int CASES = 300;
  @TempDir Path dir;

  /** One value under its own key, and what sendmail's ruleset returned for it. */
  record Case(int index, String key, String value, Entry entry, String returned) {}

  /**
   * Stores {@code values[i]} under {@code key.apply(i)}, runs {@code command.apply(i)} for each,
   * and returns the value as parsed (what makemap stored) with the result line of {@code ruleset}.
   */
  private List<Case> run(List<String> values, Function<Integer, String> key,
      Function<Integer, String> command, String ruleset) throws IOException {
    Oracle.require(Oracle.SENDMAIL, Oracle.MAKEMAP, Oracle.STOCK_CF);
    StringBuilder map = new StringBuilder();
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      map.append(key.apply(i)).append('\t').append(values.get(i)).append('\n');
      in.append(command.apply(i)).append("\n/map access marker-").append(i).append('\n');
    }
    byte[] text = map.toString().getBytes(StandardCharsets.ISO_8859_1);
    Oracle.Result made = Oracle.makemap(dir, List.of(), "hash", "access", text);
    assertThat(made.exit()).as("makemap: %s", made.stderr()).isZero();
    Path cf = Oracle.testCf(dir, "hash", dir.resolve("access").toString());
    Oracle.Result r = Oracle.sendmailBt(cf, in.toString());
    String[] parts = r.stdout().split("map_lookup: access \\(marker-\\d+\\)[^\n]*");
    assertThat(parts).as("sendmail: %s", r.stderr()).hasSize(values.size() + 1);
    AccessSource src = parse(text);
    assertThat(src.entries()).hasSize(values.size());
    Pattern result = Pattern.compile("(?m)^" + Pattern.quote(ruleset.substring(0,
        Math.min(16, ruleset.length()))) + " +returns: (.*)$");
    List<Case> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Matcher m = result.matcher(parts[i]);
      assertThat(m.find()).as("no result for case %d: %s", i, parts[i]).isTrue();
      Entry e = src.entries().get(i);
      out.add(new Case(i, e.key(), e.value(), e, m.group(1).strip()));
    }
    return out;
  }

  private static AccessSource parse(byte[] text) {
    return new AccessParser(ParseOptions.defaults()).parse("access", text);
  }

  private static List<Diagnostic> lint(AccessSource src, String... rules) {
    return new Linter(Set.of(rules), Set.of())
        .lint(new LintContext(src, Catalog.stock(), Optional.empty()));
  }

  /** Random values glued from fragments; never empty, never starting with a blank. */
  private static List<String> values(long seed, String[] fragments, int maxParts) {
    Random rnd = new Random(seed);
    List<String> out = new ArrayList<>();
    while (out.size() < CASES) {
      StringBuilder sb = new StringBuilder();
      int parts = 1 + rnd.nextInt(maxParts);
      for (int p = 0; p < parts; p++) {
        sb.append(fragments[rnd.nextInt(fragments.length)]);
      }
      String v = sb.toString().stripLeading();
      if (!v.isBlank() && !v.equalsIgnoreCase("SKIP")) {
        out.add(v);
      }
    }
    return out;
  }

  @Test
  void ac301FiresExactlyWhenSendmailStillUsesStartTls() throws IOException {
    long seed = AccessGen.seed();
    String[] fragments = {"NO", "NO", "no", "No", "YES", "OFF", "N", "O", "\"", " ", "\t", "  ",
        "#", " # x", "(c)", "(", ")", "<", ">", ",", ".", ":", "+", "\\", "x", "0", "\r"};
    List<String> values = values(seed, fragments, 4);
    values.set(0, "NO");
    values.set(1, "YES");
    List<Case> cases = run(values, i -> "Try_TLS:h" + i + ".example",
        i -> (i == 0 ? ".D{server_addr}192.0.2.1\n" : "") + ".D{server_name}h" + i + ".example"
            + "\ntry_tls x", "try_tls");
    List<Diagnostic> found = lint(parse(mapText(cases)), "AC301", "AC108", "AC318");
    List<String> wrong = new ArrayList<>();
    for (Case c : cases) {
      boolean disabled = c.returned().contains("$# error $@ 5 . 7 . 1");
      int line = c.entry().lineNumber();
      // a value sendmail reads as no token at all is AC318's ("STARTTLS is used")
      boolean ac301 = found.stream().anyMatch(d -> d.line() == line
          && (d.ruleId().equals("AC301") || d.ruleId().equals("AC318")));
      boolean ac108 = found.stream().anyMatch(d -> d.line() == line && d.ruleId().equals("AC108"));
      boolean comment = Values.inlineComment(Values.withoutCr(c.value())) >= 0;
      // Without an inline comment AC301 alone decides; with one, AC108 speaks for the value and
      // AC301 for the part before it: together they must never be silent while TLS stays on.
      boolean ok = comment ? (disabled || ac301 || ac108) : (disabled != ac301);
      if (!ok) {
        wrong.add(AccessGen.escape(c.value().getBytes(StandardCharsets.ISO_8859_1))
            + " -> sendmail " + (disabled ? "disables" : "keeps") + " STARTTLS, AC301 "
            + (ac301 ? "fires" : "is silent") + ", AC108 " + (ac108 ? "fires" : "is silent"));
      }
    }
    assertThat(wrong).as(AccessGen.replayHint(seed)).isEmpty();
    assertThat(cases.get(0).returned()).contains("$# error $@ 5 . 7 . 1");
    assertThat(cases.get(1).returned()).doesNotContain("$# error");
  }

  private static byte[] mapText(List<Case> cases) {
    StringBuilder sb = new StringBuilder();
    for (Case c : cases) {
      sb.append(c.key()).append('\t').append(c.value()).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void srvFeaturesGetsExactlyTheTokensPrescanPredicts() throws IOException {
    long seed = AccessGen.seed();
    String[] fragments = {"A", "P", "S", "a", "temp", " ", " ", "\t", ",", ";", ".", ":", "%",
        "@", "!", "^", "/", "[", "]", "+", "\"x y\"", "\"", "(c)", "(", ")", "<", ">", "AP",
        "nodsn", "-", "=", "*", "\\q", "\r", "0"};
    List<String> values = values(seed, fragments, 6);
    List<Case> cases = run(values, i -> "Srv_Features:c" + i + ".example",
        i -> ".D{client_name}c" + i + ".example\nsrv_features x", "srv_features");
    List<String> wrong = new ArrayList<>();
    List<Diagnostic> ac317 = lint(parse(mapText(cases)), "AC317");
    for (Case c : cases) {
      if (PercentDigit.danglingPercent(c.value()) >= 0) {
        // map_rewrite() reads past such a value: what follows depends on the map file's bytes
        // (seen: a trailing ":"), so only AC317's report of it is checked
        if (ac317.stream().noneMatch(d -> d.line() == c.entry().lineNumber()
            && d.message().contains("ends in a single %"))) {
          wrong.add(AccessGen.escape(c.value().getBytes(StandardCharsets.ISO_8859_1))
              + " ends in a single % and AC317 is silent");
        }
        continue;
      }
      String subject = c.key().substring(c.key().indexOf(':') + 1);
      List<Prescan.Token> tokens = Prescan.upToFirstClose(
          Prescan.tokens(MapValue.rewrite(c.value(), c.key())));
      // A value without any token leaves the looked-up name in its place (AC318).
      List<String> texts = Prescan.texts(tokens.isEmpty() ? Prescan.tokens(subject) : tokens);
      String expected = printed("$# " + String.join(" ", texts));
      if (!printed(c.returned()).equals(expected)) {
        wrong.add(AccessGen.escape(c.value().getBytes(StandardCharsets.ISO_8859_1))
            + " -> sendmail [" + c.returned() + "], accessctl [" + expected + "]");
      }
    }
    assertThat(wrong).as(AccessGen.replayHint(seed)).isEmpty();
  }

  /** Control characters as sendmail -bt prints them. */
  private static String printed(String s) {
    return s.replace("\t", "\\t").replace("\r", "\\r");
  }

  @Test
  void rateLimitsAreReadAsAc308Says() throws IOException {
    long seed = AccessGen.seed();
    String[] fragments = {"0", "0", "1", "5", "8", "9", "x", "X", "a", "s", "-", "+", " ", ".",
        "\"", "e", "10", "00"};
    List<String> values = values(seed, fragments, 4);
    long[] rates = {1, 5, 9, 16, 100};
    List<String> all = new ArrayList<>();
    for (String v : values.subList(0, CASES / rates.length)) {
      for (int r = 0; r < rates.length; r++) {
        all.add(v);
      }
    }
    List<Case> cases = run(all, i -> "ClientRate:10." + i / 250 + "." + i % 250 + ".1",
        i -> ".D{client_addr}10." + i / 250 + "." + i % 250 + ".1\n.D{client_rate}"
            + rates[i % rates.length] + "\nRateControl x", "RateControl");
    List<Diagnostic> found = lint(parse(mapText(cases)), "AC308");
    List<String> wrong = new ArrayList<>();
    for (Case c : cases) {
      long rate = rates[c.index() % rates.length];
      boolean rejected = c.returned().contains("Connection rate limit exceeded");
      ValueRule.Value v = ValueRule.meant(c.entry(), Catalog.stock()).orElseThrow();
      boolean unlimited = v.tokens().size() == 1 && v.tokens().get(0).text().equals("0");
      long limit = RateNotInteger.limit(v);
      boolean predicted = !unlimited && limit < rate;
      boolean flagged = found.stream().anyMatch(d -> d.line() == c.entry().lineNumber());
      boolean plain = !flagged && !unlimited && Long.parseLong(v.text()) < rate;
      if (rejected != predicted || (!flagged && !unlimited && rejected != plain)) {
        wrong.add(Values.quote(c.value()) + " at rate " + rate + " -> sendmail "
            + (rejected ? "rejects" : "accepts") + ", accessctl reads limit " + limit
            + (flagged ? " (AC308)" : ""));
      }
    }
    assertThat(wrong).as(AccessGen.replayHint(seed)).isEmpty();
  }

  @Test
  void tlsRequirementsAreEnforcedExactlyWhenTlsRequirementParsesThem() throws IOException {
    long seed = AccessGen.seed();
    String[] fragments = {"VERIFY", "ENCR", "verify", "PERM", "TEMP", "+", "+", "++", ":", "128",
        "0", "0x10", "abc", "CN", "CS:x", "CI:y", "CITag:T", "CX", " ", "REQUIRE", "NO", "\"",
        ".", "x", "<", ">"};
    List<String> values = values(seed, fragments, 6);
    List<String> both = new ArrayList<>();
    for (String v : values.subList(0, CASES / 2)) {
      both.add(v);
      both.add(v);
    }
    // {verify} NONE: any VERIFY fails, ENCR:n fails for n > 0 (no cipher bits are set).
    // {verify} OK: VERIFY:n and ENCR:n fail for n > 0; else the first extension decides: a
    // known one fails (no certificate macros are set), an unknown one is ignored.
    List<Case> cases = run(both, i -> "TLS_Srv:s" + i + ".example",
        i -> (i == 0 ? ".D{server_addr}192.0.2.1\n" : "") + ".D{server_name}s" + i + ".example"
            + "\ntls_server " + (i % 2 == 0 ? "NONE" : "OK"), "tls_server");
    List<String> wrong = new ArrayList<>();
    for (Case c : cases) {
      boolean verified = c.index() % 2 == 1;
      TlsRequirement r = TlsRequirement.parse(Prescan.tokens(Values.withoutCr(c.value())));
      boolean predicted;
      if (!r.isRequirement()) {
        predicted = false;
      } else if (!verified) {
        predicted = r.level().equals("VERIFY") || r.bitsValue() > 0;
      } else {
        predicted = r.bitsValue() > 0 || (!r.extensions().isEmpty() && r.unknownExtension() != 0);
      }
      boolean failed = c.returned().startsWith("$# error");
      if (failed != predicted) {
        wrong.add(Values.quote(c.value()) + " with {verify}=" + (verified ? "OK" : "NONE")
            + " -> sendmail [" + c.returned() + "], accessctl predicts "
            + (predicted ? "an error" : "OK"));
      }
    }
    assertThat(wrong).as(AccessGen.replayHint(seed)).isEmpty();
  }

  @Test
  void connectValuesDoWhatActionValueSays() throws IOException {
    long seed = AccessGen.seed();
    String[] fragments = {"OK", "ok", "RELAY", "REJECT", "DISCARD", "ERROR", "QUARANTINE",
        "ACCEPT", "YES", ":", ":", "550", "4", ".", "7", "1", " ", "\"", "go", "away", ",",
        "(c)", "<", ">", "x"};
    List<String> values = values(seed, fragments, 5);
    List<Case> cases = run(values, i -> "Connect:h" + i + ".example",
        i -> "MkBar,Basic_check_relay h" + i + ".example = 192.0.2.1", "Basic_check_relay");
    List<Diagnostic> found = lint(parse(mapText(cases)), "AC313");
    List<String> wrong = new ArrayList<>();
    for (Case c : cases) {
      ActionValue a = ActionValue.parse(Prescan.tokens(Values.withoutCr(c.value())));
      String r = c.returned();
      boolean matches = switch (a.kind()) {
        case ACCEPT -> r.equalsIgnoreCase("OK") || r.equalsIgnoreCase("RELAY");
        case REJECT -> r.contains("550 Access denied");
        case DISCARD -> r.startsWith("$# discard");
        case SKIP -> r.equals("OK");
        case QUARANTINE -> r.startsWith("$# error $@ quarantine");
        case ERROR -> a.dsn().isEmpty() ? r.startsWith("$# error $:")
            : r.startsWith("$# error $@ " + String.join(" ", Prescan.texts(a.dsn())) + " $:");
        case TEXT -> r.startsWith("$# error $:");
      };
      boolean ac313 = found.stream().anyMatch(d -> d.line() == c.entry().lineNumber()
          && d.severity() == Severity.ERROR);
      if (!matches || (ac313 && !r.startsWith("$# error $:"))) {
        wrong.add(Values.quote(c.value()) + " -> sendmail [" + r + "], accessctl " + a.kind()
            + (ac313 ? " (AC313: rejects)" : ""));
      }
    }
    assertThat(wrong).as(AccessGen.replayHint(seed)).isEmpty();
  }
}
