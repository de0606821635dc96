package io.accessctl.report;

import static io.accessctl.report.ReportFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReporterTest {
  static final RuleInfo RULE = new RuleInfo("AC305", "inline-comment-in-value", Severity.ERROR,
      "s", "e");

  /** The text output for one finding on {@code source} at byte {@code column}. */
  static List<String> lines(String source, int column) {
    return ReportFixtures.render(OutputFormat.TEXT,
        ReportFixtures.of(at("access", 12, column, Severity.ERROR, RULE, "m", source)))
        .lines().toList();
  }

  /** The source line and caret line, tabs expanded to 8-column stops as a terminal does. */
  static void assertCaretUnder(String source, int column, char marker) {
    List<String> out = lines(source, column);
    String shown = expandTabs(out.get(1));
    String caret = expandTabs(out.get(2));
    assertThat(shown).startsWith(" 12 | ");
    assertThat(caret).startsWith("    | ").endsWith("^");
    assertThat(caret.indexOf('^')).as("caret under %s in%n%s%n%s", marker, shown, caret)
        .isEqualTo(shown.indexOf(marker));
  }

  static String expandTabs(String s) {
    StringBuilder sb = new StringBuilder();
    for (int cp : s.codePoints().toArray()) {
      if (cp == '\t') {
        do {
          sb.append(' ');
        } while (sb.length() % 8 != 0);
      } else if (cp >= 0x1100 && Visible.width(cp) == 2) {
        sb.append("##");
      } else {
        sb.appendCodePoint(cp);
      }
    }
    return sb.toString();
  }

  @Test
  void headlineIsFileLineColumnSeverityMessageAndRule() {
    assertThat(lines("Try_TLS:x NO", 11).get(0))
        .isEqualTo("access:12:11: error: m [AC305 inline-comment-in-value]");
  }

  @Test
  void caretSitsUnderTheColumnWithTabsKeptInThePadding() {
    String source = "Try_TLS:a\tNO\t\t# X";
    assertCaretUnder(source, source.indexOf('X') + 1, 'X');
    assertThat(lines(source, source.indexOf('X') + 1).get(2))
        .isEqualTo("    | " + " ".repeat(9) + "\t" + "  " + "\t\t" + "  ^");
  }

  @Test
  void caretAccountsForEscapesThatDisplayIntroduces() {
    String source = "a\rb\u0000c\u001bX\r";
    assertThat(lines(source, 7).get(1)).isEqualTo(" 12 | a\\rb\\0c\\x1bX\\r");
    assertCaretUnder(source, 7, 'X');
  }

  @Test
  void caretAccountsForMultiByteInvalidAndWideCharacters() {
    // ä (2 bytes, 1 column), 日 (3 bytes, 2 columns), an invalid byte (1 column as U+FFFD)
    String source = "\u00c3\u00a4\u00e6\u0097\u00a5\u00e9\tX";
    assertThat(lines(source, 8).get(1)).isEqualTo(" 12 | \u00e4\u65e5\ufffd\tX");
    assertCaretUnder(source, 8, 'X');
  }

  @Test
  void caretUnderAMultiByteCharacterPointsAtItsFirstByteEvenFromAContinuationByte() {
    String source = "ab\u00c3\u00a4X";
    assertThat(lines(source, 4).get(2)).isEqualTo("    |   ^");
  }

  @Test
  void columnPastTheEndPutsTheCaretAfterTheLastCharacter() {
    assertThat(lines("abc", 4).get(2)).isEqualTo("    |    ^");
    assertThat(lines("abc", 99).get(2)).isEqualTo("    |    ^");
  }

  @Test
  void terminalControlsAndBidiOverridesInTheSourceLineAreShownEscaped() {
    String source = "x\u001b[2J\u00e2\u0080\u00aeX\u00c2\u0085";
    String shown = lines(source, 9).get(1);
    assertThat(shown).isEqualTo(" 12 | x\\x1b[2J\\u202eX\\u0085");
    assertCaretUnder(source, 9, 'X');
  }

  @Test
  void longLineIsCutAroundTheColumnWithEllipses() {
    int column = 1_000_001;
    String source = "k".repeat(column - 1) + "X" + "v".repeat(1_000_000);
    List<String> out = lines(source, column);
    String shown = out.get(1).substring(" 12 | ".length());
    assertThat(shown).startsWith("…").endsWith("…").doesNotContain("\t");
    assertThat(shown.length()).isLessThanOrEqualTo(Snippet.MAX_WIDTH);
    assertThat(shown.indexOf('X')).isEqualTo(Snippet.LEFT_CONTEXT + 1);
    assertCaretUnder(source, column, 'X');
  }

  @Test
  void lineSomewhatTooLongIsCutOnlyOnTheRightWhenTheColumnIsNearItsStart() {
    String source = "Connect:X " + "y".repeat(300);
    String shown = lines(source, 9).get(1).substring(" 12 | ".length());
    assertThat(shown).startsWith("Connect:X ").endsWith("y…").hasSize(Snippet.MAX_WIDTH);
    assertCaretUnder(source, 9, 'X');
  }

  @Test
  void columnZeroShowsTheLineWithoutACaretAndLineZeroShowsNoLine() {
    assertThat(lines("Connect:a RELAY", 0)).containsExactly(
        "access:12: error: m [AC305 inline-comment-in-value]",
        " 12 | Connect:a RELAY",
        "",
        "1 problem (1 error, 0 warnings, 0 info) in 1 file");
    String out = ReportFixtures.render(OutputFormat.TEXT,
        ReportFixtures.of(at("access", 0, 0, Severity.INFO, RULE, "m", "ignored")));
    assertThat(out).isEqualTo("access: info: m [AC305 inline-comment-in-value]\n\n"
        + "1 problem (0 errors, 0 warnings, 1 info) in 1 file\n");
  }

  @Test
  void cleanRunSaysNoProblemsFound() {
    assertThat(ReportFixtures.render(OutputFormat.TEXT,
        new LintReport(List.of("access"), List.of()))).isEqualTo("no problems found in 1 file\n");
    assertThat(ReportFixtures.render(OutputFormat.TEXT,
        new LintReport(List.of("a", "b"), List.of()))).isEqualTo("no problems found in 2 files\n");
  }

  @Test
  void summaryCountsSeveritiesFilesAndFixes() {
    assertThat(TextReporter.summary(ReportFixtures.report())).isEqualTo(
        "7 problems (2 errors, 4 warnings, 1 info) in 1 of 2 files, 2 fixable with --fix");
  }

  @Test
  void messagesCannotInjectTerminalControlsOrBreakTheLine() {
    Diagnostic d = at("acc\u001bess", 1, 0, Severity.ERROR, RULE,
        "a\u001b[31mb\r\nc\u202ed\ud800", null);
    assertThat(ReportFixtures.render(OutputFormat.TEXT, ReportFixtures.of(d)).lines().findFirst())
        .contains("acc\\x1bess:1: error: a\\x1b[31mb\\r\\nc\\u202ed\ufffd"
            + " [AC305 inline-comment-in-value]");
  }

  @Test
  void noAnsiEscapesWithoutColour() {
    assertThat(ReportFixtures.render(OutputFormat.TEXT, false, ReportFixtures.report()))
        .doesNotContain("\u001b");
  }

  @Test
  void colourMarksLocationSeverityAndCaret() {
    String out = ReportFixtures.render(OutputFormat.TEXT, true,
        ReportFixtures.of(at("access", 3, 2, Severity.WARNING, RULE, "m", "ab")));
    assertThat(out).startsWith("\u001b[1maccess:3:2:\u001b[0m \u001b[1;33mwarning:\u001b[0m m"
        + " [AC305 inline-comment-in-value]\n")
        .contains("   | \u0020\u001b[1;33m^\u001b[0m\n");
  }
}
