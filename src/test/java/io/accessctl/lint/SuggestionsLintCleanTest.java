package io.accessctl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.CfFile;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Entry;
import io.accessctl.source.ParseOptions;
import io.accessctl.testutil.AccessGen;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every replacement a finding suggests lints clean itself: put in place of the line it was made
 * for, in the same file and with the same cf, it draws no finding from the rule that suggested it
 * and no error the line did not have. Suggestions are read from the messages the way a user reads
 * them ("write KEY", "write VALUE", "quote it: VALUE", "e.g. KEY"), over seeded generated maps
 * (DispatchEquivalenceTest's), the rule fixtures, the examples and the corpus.
 */
class SuggestionsLintCleanTest {
  private static final int FILES = 150;
  /** "write X", "quote it: X", "e.g. X": a quoted reply whole, else up to a blank or , ; ( ). */
  private static final Pattern SUGGESTION = Pattern.compile(
      "(?:\\bwrite(?: e\\.g\\.)?|quote it:|start it with a code:|\\(e\\.g\\.|did you mean \\S+\\?"
      + " write) ((?:[A-Za-z_]+:)?\"[^\"]*\"|[^\\s;,()]+)(?: ([A-Z]+)(?=$|[;,]))?");
  /** Words after "write" that begin prose, not an entry ("write the 3 keys", "write one letter"). */
  private static final Pattern PROSE = Pattern.compile(
      "the|a|an|one|it|them|each|this|that|real|%%.*|[a-z]+|\\d+\\.\\d+\\.\\d+|[0-9]+");

  private static final String KEYWORD_CASE = "AC322";
  /** Rules whose suggestion changes a key's tag alone, leaving the subject as it was. */
  private static final Set<String> TAG_ONLY = Set.of("AC202");

  /** One suggestion: the text a rule proposes for one line, in place of its key or its value. */
  record Suggestion(Diagnostic finding, Entry entry, String replacementLine, boolean key) {}

  @Test
  void everySuggestionInGeneratedMapsLintsClean() {
    long runSeed = AccessGen.seed();
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (int i = 0; i < FILES; i++) {
      long seed = AccessGen.caseSeed(runSeed, i);
      byte[] data = DispatchEquivalenceTest.map(seed);
      CfFile cf = DispatchEquivalenceTest.randomCf(new Random(seed ^ 0x5eed));
      checked += check("generated file " + i + " (cf " + DispatchEquivalenceTest.describe(cf)
          + "; " + AccessGen.replayHint(runSeed) + ")", data, cf, problems);
    }
    assertThat(checked).as("suggestions checked").isGreaterThan(FILES);
    assertThat(problems).isEmpty();
  }

  @Test
  void everySuggestionInTheFixturesExamplesAndCorpusLintsClean() throws IOException {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path file : files()) {
      checked += check(file.toString(), Files.readAllBytes(file), null, problems);
    }
    assertThat(checked).as("suggestions checked").isGreaterThan(50);
    assertThat(problems).isEmpty();
  }

  @Test
  void theFixersRepairsLeaveNothingFixableAndNoNewError() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files()) {
      byte[] data = Files.readAllBytes(file);
      AccessSource src = parse(data);
      List<Diagnostic> before = Linter.all().lint(new LintContext(src, Catalog.stock(),
          Optional.empty()));
      List<Diagnostic> after = Linter.all().lint(new LintContext(parse(Fixer.fix(src, data)),
          Catalog.stock(), Optional.empty()));
      long errorsBefore = before.stream().filter(d -> d.severity() == Severity.ERROR).count();
      long errorsAfter = after.stream().filter(d -> d.severity() == Severity.ERROR).count();
      after.stream().filter(Diagnostic::fixable)
          .forEach(d -> problems.add(file + ": still fixable after --fix: " + d.message()));
      if (errorsAfter > errorsBefore) {
        problems.add(file + ": --fix added errors: " + after);
      }
    }
    assertThat(problems).isEmpty();
  }

  static List<Path> files() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String dir : List.of("src/test/resources/lint", "examples", "src/test/resources/corpus")) {
      if (!Files.isDirectory(Path.of(dir))) {
        continue;
      }
      try (Stream<Path> s = Files.walk(Path.of(dir))) {
        s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".expect")).sorted()
            .forEach(out::add);
      }
    }
    return out;
  }

  /** Checks every suggestion of one file; returns how many there were. */
  static int check(String name, byte[] data, CfFile cf, List<String> problems) {
    AccessSource src = parse(data);
    LintContext ctx = new LintContext(src, Catalog.stock(), Optional.ofNullable(cf));
    List<Diagnostic> before = Linter.all().lint(ctx);
    int n = 0;
    for (Suggestion s : suggestions(src, before)) {
      n++;
      Diagnostic d = s.finding();
      byte[] changed = replaceLine(data, d.line(), s.replacementLine());
      List<Diagnostic> after = Linter.all().lint(new LintContext(parse(changed), Catalog.stock(),
          Optional.ofNullable(cf)));
      boolean hadError = before.stream()
          .anyMatch(b -> b.line() == d.line() && b.severity() == Severity.ERROR);
      for (Diagnostic a : after) {
        boolean sameRule = a.ruleId().equals(d.ruleId()) && !anotherWord(d, a);
        // an error about the part the suggestion replaced; the other part may have had its own
        // defect all along, unseen while the key was misspelt
        boolean newError = a.severity() == Severity.ERROR && !hadError
            && a.ruleId().startsWith(s.key() ? "AC2" : "AC3") && !TAG_ONLY.contains(d.ruleId());
        if (a.line() == d.line() && (sameRule || newError)) {
          problems.add(name + ":" + d.line() + ": " + d.ruleId() + " suggested "
              + s.replacementLine() + " for " + d.sourceText() + ", which draws " + a.ruleId()
              + " " + a.severity().word() + ": " + a.message());
        }
      }
    }
    return n;
  }

  /** AC322 names one word per file (and counts the others): another word is another finding. */
  private static boolean anotherWord(Diagnostic before, Diagnostic after) {
    String m = before.message();
    return before.ruleId().equals(KEYWORD_CASE)
        && !after.message().startsWith(m.substring(0, m.indexOf(" is not")));
  }

  /** The suggestions of the findings on entries: the first proposed key or value of each. */
  static List<Suggestion> suggestions(AccessSource src, List<Diagnostic> found) {
    List<Suggestion> out = new ArrayList<>();
    for (Diagnostic d : found) {
      Entry e = src.entries().stream().filter(x -> x.lineNumber() == d.line()).findFirst()
          .orElse(null);
      if (e == null || d.message().contains(" times (lines ")) {
        continue;
      }
      Matcher m = SUGGESTION.matcher(d.message());
      if (!m.find() || PROSE.matcher(m.group(1)).matches()) {
        continue;
      }
      String text = m.group(1);
      if (text.contains("user@domain")) {
        continue; // a placeholder in an explanation, not a replacement
      }
      boolean key = proposesKey(d, text, e);
      if (!key && d.ruleId().equals(KEYWORD_CASE)) {
        // a keyword in upper case, in place of the same word in the value
        text = e.value().replaceFirst("(?i)" + Pattern.quote(text), text);
      }
      String value = m.group(2) != null ? m.group(2) : e.value();
      String line = key ? text + "\t" + value : e.key() + "\t" + text;
      out.add(new Suggestion(d, e, line, key));
    }
    return out;
  }

  /**
   * Key rules (AC2xx) propose keys, value rules (AC3xx) values; elsewhere a suggestion that starts
   * with a tag sendmail knows is a key.
   */
  private static boolean proposesKey(Diagnostic d, String text, Entry e) {
    if (d.ruleId().startsWith("AC2") || d.ruleId().startsWith("AC3")) {
      return d.ruleId().startsWith("AC2");
    }
    int colon = text.indexOf(':');
    return colon > 0 && Catalog.stock().find(text.substring(0, colon)).isPresent();
  }

  private static AccessSource parse(byte[] data) {
    return new AccessParser(ParseOptions.defaults()).parse("access", data);
  }

  private static byte[] replaceLine(byte[] data, int number, String line) {
    String[] lines = new String(data, StandardCharsets.ISO_8859_1).split("\n", -1);
    lines[number - 1] = line;
    return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
  }
}
