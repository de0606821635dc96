package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.AccessMapSpec;
import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Rule;
import io.accessctl.lint.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fixtures under {@code src/test/resources/lint/ac2xx/}, one per AC2xx rule, and the checker
 * the rule tests run them with.
 *
 * <p>A fixture is an access file whose comment lines state what the rule must report on the next
 * entry: {@code # expect SEVERITY COLUMN: word; word; …} — every word (case-insensitive) must
 * occur in the message. An entry without such a line must draw nothing from the rule: the
 * fixtures list the correct forms and the near misses beside the mistakes.
 */
class KeyRulesFixtureTest {
  static final Path DIR = Path.of("src/test/resources/lint/ac2xx");
  private static final Pattern EXPECT =
      Pattern.compile("# expect (error|warning|info) (\\d+): (.*)");

  record Expectation(int line, Severity severity, int column, List<String> words) {
    boolean matches(Diagnostic d) {
      String msg = d.message().toLowerCase(Locale.ROOT);
      return d.line() == line && d.severity() == severity && d.column() == column
          && words.stream().allMatch(w -> msg.contains(w.toLowerCase(Locale.ROOT)));
    }
  }

  /** Lints the fixture with this rule alone and checks every finding against its expectations. */
  static List<Diagnostic> assertFixture(String ruleId, String fixture, CfFile cf) {
    String text = new String(LintFixture.resource("ac2xx/" + fixture), StandardCharsets.UTF_8);
    List<Expectation> expected = expectations(text);
    assertThat(expected).as("fixture %s states no expectation", fixture).isNotEmpty();
    List<Diagnostic> found = LintFixture.only(ruleId, text, cf);
    List<String> problems = new ArrayList<>();
    List<Expectation> unmet = new ArrayList<>(expected);
    for (Diagnostic d : found) {
      assertThat(d.ruleId()).isEqualTo(ruleId);
      Expectation e = unmet.stream().filter(x -> x.matches(d)).findFirst().orElse(null);
      if (e == null) {
        problems.add("unexpected " + d.line() + ":" + d.column() + " " + d.severity().word()
            + ": " + d.message());
      } else {
        unmet.remove(e);
      }
    }
    for (Expectation e : unmet) {
      problems.add("missing " + e.line() + ":" + e.column() + " " + e.severity().word() + " "
          + e.words() + "; found on that line: " + found.stream()
              .filter(d -> d.line() == e.line()).map(d -> d.column() + " " + d.severity().word()
                  + ": " + d.message()).toList());
    }
    assertThat(problems).as("%s with %s (cf: %s)", fixture, ruleId, cf == null ? "none" : "given")
        .isEmpty();
    return found;
  }

  static List<Expectation> expectations(String text) {
    List<Expectation> out = new ArrayList<>();
    List<Matcher> pending = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = EXPECT.matcher(lines[i]);
      if (m.matches()) {
        pending.add(m);
      } else if (!lines[i].isEmpty() && !lines[i].startsWith("#")) {
        for (Matcher p : pending) {
          out.add(new Expectation(i + 1, Severity.parse(p.group(1)), Integer.parseInt(p.group(2)),
              Stream.of(p.group(3).split(";")).map(String::strip).filter(w -> !w.isEmpty())
                  .toList()));
        }
        pending.clear();
      }
    }
    return out;
  }

  /** The fixture text (for tests that lint it under other conditions). */
  static String text(String fixture) {
    return new String(LintFixture.resource("ac2xx/" + fixture), StandardCharsets.UTF_8);
  }

  /** A cf with these features, for the given sendmail version. */
  static CfFile cf(String version, Feature... features) {
    return CfFile.of(Path.of("/etc/mail/sendmail.cf"), version,
        new AccessMapSpec("hash", "/etc/mail/access", false, false, false, false),
        Set.of(features), Set.of());
  }

  /** Debian 12's cf as far as the AC2xx rules care: access_db with skip, no optional features. */
  static CfFile debianCf() {
    return cf("8.17.1.9", Feature.ACCESS_DB, Feature.SKIP, Feature.GREET_PAUSE,
        Feature.DELAY_CHECKS_FRIEND, Feature.RATECONTROL, Feature.CONNCONTROL);
  }

  @Test
  void everyKeyRuleHasItsOwnFixture() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      for (Rule r : KeyRules.all()) {
        String prefix = r.info().id().toLowerCase(Locale.ROOT) + "-" + r.info().name();
        assertThat(names).as("fixture for %s", r.info().id()).anyMatch(n -> n.startsWith(prefix));
      }
    }
  }

  @Test
  void expectationLinesApplyToTheNextEntry() {
    List<Expectation> e = expectations("""
        # expect error 9: a; b
        # a plain comment
        # expect info 1: c
        Try_TLS: x NO

        Try_TLS:y NO
        """);
    assertThat(e).containsExactly(
        new Expectation(4, Severity.ERROR, 9, List.of("a", "b")),
        new Expectation(4, Severity.INFO, 1, List.of("c")));
  }
}
