package io.accessctl.report;

import static io.accessctl.report.ReportFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GccReporterTest {

  @Test
  void writesOneLinePerFindingAndNothingElse() {
    LintReport r = ReportFixtures.report();
    String out = ReportFixtures.render(OutputFormat.GCC, r);
    assertThat(out).endsWith("\n");
    assertThat(out.lines()).hasSize(r.diagnostics().size())
        .allMatch(l -> l.matches(
            "mail/access(:\\d+){0,2}: (error|warning|info): .* \\[AC\\d+ [a-z-]+]"));
  }

  @Test
  void writesNothingForACleanRun() {
    assertThat(ReportFixtures.render(OutputFormat.GCC, new LintReport(List.of("a"), List.of())))
        .isEmpty();
  }

  @Test
  void leavesOutColumnZeroAndLineZero() {
    LintReport r = ReportFixtures.of(
        at("access", 0, 0, Severity.WARNING, ReportFixtures.STALE_DB, "stale", null),
        at("access", 4, 0, Severity.ERROR, ReportFixtures.DUPLICATE_KEY, "dup", null),
        at("access", 4, 9, Severity.INFO, ReportFixtures.NON_ASCII_KEY, "key", null));
    assertThat(ReportFixtures.render(OutputFormat.GCC, r)).isEqualTo("""
        access: warning: stale [AC601 stale-database]
        access:4: error: dup [AC103 duplicate-key]
        access:4:9: info: key [AC110 non-ascii-key]
        """);
  }

  @Test
  void lineBreaksInMessagesAreEscapedSoEachFindingStaysOnOneLine() {
    LintReport r = ReportFixtures.of(
        at("access", 1, 1, Severity.ERROR, ReportFixtures.CRLF, "a\r\nb\nc", null));
    assertThat(ReportFixtures.render(OutputFormat.GCC, r))
        .isEqualTo("access:1:1: error: a\\r\\nb\\nc [AC106 crlf]\n");
  }

  @Test
  void aReportLargeEnoughToBeFormattedOnTwoThreadsKeepsItsOrder() {
    List<Diagnostic> many = new ArrayList<>();
    for (int line = 1; line <= 3 * Chunks.PARALLEL_FROM; line++) {
      many.add(at("access", line, 1, Severity.WARNING, ReportFixtures.CRLF, "finding " + line
          + " " + "x".repeat(line % 97), null));
    }
    StringBuilder expected = new StringBuilder();
    for (Diagnostic d : many) {
      expected.append("access:").append(d.line()).append(":1: warning: ").append(d.message())
          .append(" [AC106 crlf]\n");
    }
    assertThat(ReportFixtures.render(OutputFormat.GCC, ReportFixtures.of(
        many.toArray(new Diagnostic[0])))).isEqualTo(expected.toString());
  }
}
