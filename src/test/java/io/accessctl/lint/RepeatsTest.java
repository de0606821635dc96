package io.accessctl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.ParseOptions;
import io.accessctl.testutil.AccessGen;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RepeatsTest {
  private static final RuleInfo RULE =
      new RuleInfo("AC999", "test-rule", Severity.INFO, "a test rule", "");

  private static AccessSource source(String text) {
    return new AccessParser(ParseOptions.defaults())
        .parse("access", text.getBytes(StandardCharsets.UTF_8));
  }

  private static Diagnostic at(int line, String message, String advice) {
    return new Diagnostic("access", line, 1, Severity.INFO, RULE, message, "x", false, advice);
  }

  @Test
  void threeFindingsOfOneAdviceStayOneByOne() {
    AccessSource src = source("a OK\nb OK\nc OK\n");
    List<Diagnostic> found = List.of(at(1, "a", "same"), at(2, "b", "same"), at(3, "c", "same"));
    assertThat(Repeats.fold(found, src)).isEqualTo(found);
  }

  @Test
  void moreAreReportedOnceWithTheirCountAndLinesAsRangesOverComments() {
    AccessSource src = source("a OK\n# note\nb OK\nc OK\nd RELAY\ne OK\n\nf OK\n");
    List<Diagnostic> found = List.of(at(1, "a", "same"), at(3, "b", "same"), at(4, "c", "same"),
        at(5, "d", null), at(6, "e", "same"), at(8, "f", "same"));
    List<Diagnostic> folded = Repeats.fold(found, src);
    assertThat(folded).extracting(Diagnostic::line).containsExactly(1, 5);
    assertThat(folded.get(0).message()).isEqualTo("5 times (lines 1-4, 6-8): same");
    assertThat(folded.get(1).message()).isEqualTo("d");
  }

  @Test
  void identicalMessagesWithoutAdviceAreFoldedToo() {
    AccessSource src = source("a OK\nb OK\nc OK\nd OK\n");
    List<Diagnostic> found = List.of(at(1, "m", null), at(2, "m", null), at(3, "m", null),
        at(4, "m", null));
    assertThat(Repeats.fold(found, src)).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("4 times (lines 1-4): m"));
  }

  @Test
  void foldsAsAPlainGroupingDoesOnRandomFindings() {
    long seed = AccessGen.seed();
    System.err.println("RepeatsTest: " + AccessGen.replayHint(seed));
    List<RuleInfo> rules = List.of(RULE,
        new RuleInfo("AC998", "other-rule", Severity.WARNING, "another test rule", ""));
    String[] texts = {"same", "other", "same words", "a", "b", "c"};
    for (int c = 0; c < 60; c++) {
      Random rnd = new Random(AccessGen.caseSeed(seed, c));
      int lines = 1 + rnd.nextInt(300);
      AccessSource src = source("k OK\n".repeat(lines));
      // a few cases large enough for the second hashing thread
      int n = c % 12 == 11 ? 5000 + rnd.nextInt(3000) : rnd.nextInt(60);
      List<Diagnostic> found = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int line = 1 + rnd.nextInt(lines);
        String message = texts[rnd.nextInt(texts.length)] + (rnd.nextInt(3) == 0 ? line : "");
        String advice = rnd.nextBoolean() ? null : texts[rnd.nextInt(3)];
        found.add(new Diagnostic("access", line, 1 + rnd.nextInt(3),
            Severity.values()[rnd.nextInt(2)], rules.get(rnd.nextInt(2)), message, "x", false,
            advice));
      }
      Findings.sortInReportOrder(found);
      List<Diagnostic> folded = Repeats.fold(found, src);
      // the reference: findings grouped by rule, severity and what they say, in a plain map
      Map<List<Object>, List<Diagnostic>> groups = new HashMap<>();
      for (Diagnostic d : found) {
        groups.computeIfAbsent(key(d), k -> new ArrayList<>()).add(d);
      }
      List<String> expected = new ArrayList<>();
      for (Diagnostic d : found) {
        List<Diagnostic> g = groups.get(key(d));
        if (g.size() <= Repeats.MOST) {
          expected.add(d.line() + ":" + d.column() + " " + d.message());
        } else if (g.get(0) == d) {
          expected.add(d.line() + ":" + d.column() + " " + g.size() + " times (lines …): "
              + key(d).get(2));
        }
      }
      assertThat(folded).as("case " + c + ", " + AccessGen.replayHint(seed))
          .extracting(d -> d.line() + ":" + d.column() + " "
              + d.message().replaceFirst("^(\\d+ times \\(lines )[-0-9, ]+(\\): )", "$1…$2"))
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void findingsAboutEntriesFoldAsFindingsOnTheirLinesDo() {
    long seed = AccessGen.seed();
    System.err.println("RepeatsTest: " + AccessGen.replayHint(seed));
    String[] kinds = {"k%d OK\n", "k%d OK\n", "k%d OK\n", "# note %d\n", "\n", " indented%d OK\n"};
    String[] texts = {"same", "other", "third"};
    for (int c = 0; c < 80; c++) {
      Random rnd = new Random(AccessGen.caseSeed(seed, c));
      StringBuilder text = new StringBuilder();
      int lines = 1 + rnd.nextInt(200);
      for (int i = 0; i < lines; i++) {
        text.append(String.format(kinds[rnd.nextInt(kinds.length)], i));
      }
      AccessSource src = source(text.toString());
      Findings byEntry = new Findings("access");
      Findings byLine = new Findings("access");
      for (io.accessctl.source.Entry e : src.entries()) {
        for (int k = rnd.nextInt(3); k > 0; k--) {
          String message = texts[rnd.nextInt(texts.length)];
          String advice = rnd.nextBoolean() ? null : texts[rnd.nextInt(2)];
          int column = 1 + rnd.nextInt(2);
          byEntry.addRepeatable(RULE, Severity.INFO, e, column, message, advice, false);
          // now and then a finding on the same line made without its entry, in both
          if (rnd.nextInt(10) == 0) {
            byEntry.addRepeatable(RULE, Severity.INFO, e.line(), column, message, advice, false);
            byLine.addRepeatable(RULE, Severity.INFO, e.line(), column, message, advice, false);
          }
          byLine.addRepeatable(RULE, Severity.INFO, e.line(), column, message, advice, false);
        }
      }
      List<Diagnostic> entries = new ArrayList<>(byEntry.diagnostics());
      List<Diagnostic> lineOnly = new ArrayList<>(byLine.diagnostics());
      Findings.sortInReportOrder(entries);
      Findings.sortInReportOrder(lineOnly);
      assertThat(Repeats.fold(entries, src))
          .as("case " + c + ", " + AccessGen.replayHint(seed))
          .extracting(d -> d.line() + ":" + d.column() + " " + d.message())
          .containsExactlyElementsOf(Repeats.fold(lineOnly, src).stream()
              .map(d -> d.line() + ":" + d.column() + " " + d.message()).toList());
    }
  }

  @Test
  void messagesKeptAsPartsFoldAsTheirTextsDo() {
    AccessSource src = source("a OK\nb OK\nc OK\nd OK\ne OK\n");
    List<Diagnostic> found = new ArrayList<>();
    String[][] cuts = {{"letter 'D' is ", "ignored"}, {"letter 'D' is ignored"},
        {"letter ", "'D'", " is ignored"}, {"letter 'D' is ignored", ""},
        {"letter 'X' is ignored"}};
    for (int i = 0; i < cuts.length; i++) {
      found.add(new Diagnostic("access", i + 1, 1, Severity.INFO, RULE, Message.of(cuts[i]), "x",
          false, null));
    }
    assertThat(Repeats.fold(found, src)).extracting(Diagnostic::message).containsExactly(
        "4 times (lines 1-4): letter 'D' is ignored", "letter 'X' is ignored");
  }

  private static List<Object> key(Diagnostic d) {
    return List.of(d.ruleId(), d.severity(), d.advice() != null ? d.advice() : d.message());
  }
}
