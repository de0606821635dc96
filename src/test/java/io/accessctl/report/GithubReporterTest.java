package io.accessctl.report;

import static io.accessctl.report.ReportFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Severity;
import org.junit.jupiter.api.Test;

class GithubReporterTest {

  @Test
  void writesOneWorkflowCommandPerFindingNamedAfterTheSeverity() {
    String out = ReportFixtures.render(OutputFormat.GITHUB, ReportFixtures.report());
    assertThat(out.lines()).hasSize(7).allMatch(l -> l.matches("::(error|warning|notice) .*"));
    assertThat(out.lines().filter(l -> l.startsWith("::notice "))).hasSize(1);
    assertThat(out.lines().filter(l -> l.startsWith("::error "))).hasSize(2);
  }

  @Test
  void escapesPercentCrAndLfInTheMessage() {
    LintReport r = ReportFixtures.of(
        at("access", 2, 3, Severity.ERROR, ReportFixtures.CRLF, "100% a\r\nb::c,d", null));
    assertThat(ReportFixtures.render(OutputFormat.GITHUB, r)).isEqualTo(
        "::error file=access,line=2,col=3,title=AC106 crlf::100%25 a%0D%0Ab::c,d\n");
  }

  @Test
  void escapesColonAndCommaAlsoInPropertyValues() {
    assertThat(GithubReporter.escapeProperty("dir,1/a:b%\r\n")).isEqualTo("dir%2C1/a%3Ab%25%0D%0A");
    LintReport r = ReportFixtures.of(
        at("x,y:z", 0, 0, Severity.WARNING, ReportFixtures.STALE_DB, "m", null));
    assertThat(ReportFixtures.render(OutputFormat.GITHUB, r))
        .isEqualTo("::warning file=x%2Cy%3Az,title=AC601 stale-database::m\n");
  }

  @Test
  void leavesOutColWithoutAColumnAndLineForTheWholeFile() {
    LintReport r = ReportFixtures.of(ReportFixtures.DUPLICATE);
    assertThat(ReportFixtures.render(OutputFormat.GITHUB, r))
        .startsWith("::error file=mail/access,line=6,title=AC103 duplicate-key::");
  }

  @Test
  void countsColumnsInUtf16CodeUnits() {
    LintReport r = ReportFixtures.of(ReportFixtures.QUOTED);
    // the invalid byte before the column is one character, so the byte column stays 23
    assertThat(ReportFixtures.render(OutputFormat.GITHUB, r)).contains(",col=23,");
    LintReport wide = ReportFixtures.of(at("f", 1, 4, Severity.INFO, ReportFixtures.CRLF, "m",
        "\u00e6\u0097\u00a5X"));
    assertThat(ReportFixtures.render(OutputFormat.GITHUB, wide)).contains(",col=2,");
  }
}
