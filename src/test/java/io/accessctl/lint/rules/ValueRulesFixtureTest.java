package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Linter;
import io.accessctl.lint.Severity;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.ParseOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixtures under {@code src/test/resources/lint/ac3xx/}: one access file per AC3xx rule, named
 * after it ({@code ac301-try-tls-not-no.access}), and the checker the rule tests use.
 *
 * <p>In a fixture, a comment {@code # expect SEVERITY COLUMN: words; words} states one finding of
 * the rule on the next entry; every word (any case) must be in its message. Entries without such a
 * comment must draw nothing: the fixtures end with the correct forms and the near misses. A line
 * {@code # cf: version=8.17.1.9 features=SKIP,QUEUEGROUP queuegroups=slow} lints the file as if
 * {@code --cf} named a sendmail.cf with those facts (the line may appear more than once in a file
 * for different rules; the first one counts). A line {@code # makemap: -e} parses the file as
 * {@code makemap -e} does, keeping keys without a value.
 */
class ValueRulesFixtureTest {
  static final Path DIR = Path.of("src/test/resources/lint/ac3xx");
  private static final Pattern EXPECT =
      Pattern.compile("^# expect (error|warning|info) (\\d+): (.*)$");
  private static final Pattern CF = Pattern.compile("^# cf:(.*)$");

  /** One finding a fixture asks for. */
  record Expected(int line, Severity severity, int column, List<String> words) {
    boolean matches(Diagnostic d) {
      String m = d.message().toLowerCase(Locale.ROOT);
      return d.line() == line && d.column() == column && d.severity() == severity
          && words.stream().allMatch(w -> m.contains(w.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
      return line + ":" + column + " " + severity.word() + " " + words;
    }
  }

  static String text(String fixture) {
    return new String(LintFixture.resource("ac3xx/" + fixture), StandardCharsets.UTF_8);
  }

  /**
   * Lints a fixture with one rule and demands exactly the findings its comments state.
   *
   * @return the findings, for further checks
   */
  static List<Diagnostic> assertFixture(String ruleId, String fixture) {
    String text = text(fixture);
    List<Expected> expected = expectations(text);
    assertThat(expected).as("%s states no expectation", fixture).isNotEmpty();
    List<Diagnostic> found = lint(ruleId, text);
    List<Expected> unmet = new ArrayList<>(expected);
    List<String> unexpected = new ArrayList<>();
    for (Diagnostic d : found) {
      Expected e = unmet.stream().filter(x -> x.matches(d)).findFirst().orElse(null);
      if (e == null) {
        unexpected.add(d.line() + ":" + d.column() + " " + d.severity().word() + " "
            + d.ruleId() + ": " + d.message());
      } else {
        unmet.remove(e);
      }
    }
    assertThat(unexpected).as("%s: findings no comment asks for", fixture).isEmpty();
    assertThat(unmet).as("%s: expected but not found (found: %s)", fixture,
        found.stream().map(d -> d.line() + ":" + d.column() + " " + d.message()).toList())
        .isEmpty();
    return found;
  }

  /**
   * One rule over a fixture, with the fixture's cf and parse options ({@code # makemap: -e} for a
   * map built with empty values).
   */
  static List<Diagnostic> lint(String ruleId, String text) {
    ParseOptions options = ParseOptions.defaults()
        .withAllowEmptyValues(text.contains("\n# makemap: -e\n"));
    AccessSource src = new AccessParser(options)
        .parse("access", text.getBytes(StandardCharsets.UTF_8));
    return new Linter(Set.of(ruleId), Set.of())
        .lint(new LintContext(src, Catalog.stock(), Optional.ofNullable(cf(text))));
  }

  static List<Expected> expectations(String text) {
    String[] lines = text.split("\n", -1);
    List<Expected> out = new ArrayList<>();
    List<Matcher> pending = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      Matcher m = EXPECT.matcher(lines[i]);
      if (m.matches()) {
        pending.add(m);
      } else if (!lines[i].startsWith("#") && !lines[i].isEmpty()) {
        for (Matcher p : pending) {
          out.add(new Expected(i + 1, Severity.parse(p.group(1)), Integer.parseInt(p.group(2)),
              Arrays.stream(p.group(3).split(";")).map(String::strip)
                  .filter(w -> !w.isEmpty()).toList()));
        }
        pending.clear();
      }
    }
    return out;
  }

  /** The cf a fixture asks for with {@code # cf: …}, or null. */
  static CfFile cf(String text) {
    for (String line : text.split("\n")) {
      Matcher m = CF.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String version = "8.17.1.9";
      Set<Feature> features = EnumSet.noneOf(Feature.class);
      Set<String> groups = Set.of();
      for (String kv : m.group(1).trim().split("\\s+")) {
        String[] p = kv.split("=", 2);
        String value = p.length > 1 ? p[1] : "";
        switch (p[0]) {
          case "version" -> version = value;
          case "features" -> Arrays.stream(value.split(",")).filter(f -> !f.isEmpty())
              .forEach(f -> features.add(Feature.valueOf(f)));
          case "queuegroups" -> groups = Set.of(value.split(","));
          default -> throw new IllegalArgumentException("unknown cf fact " + kv);
        }
      }
      return CfFile.of(Path.of("/etc/mail/sendmail.cf"), version, null, features, groups);
    }
    return null;
  }

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".access")).sorted()
          .toList().stream();
    }
  }

  /** Every fixture names its rule, and that rule (alone) finds exactly what it states. */
  @ParameterizedTest
  @MethodSource("fixtures")
  void everyFixtureDrawsExactlyTheFindingsItStates(String fixture) {
    String id = "AC" + fixture.substring(2, 5);
    assertThat(text(fixture)).startsWith("# " + id + " ");
    assertFixture(id, fixture);
  }
}
