package io.accessctl.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputFormatTest {

  @Test
  void parseIgnoresCaseAndSurroundingBlanks() {
    assertThat(OutputFormat.parse("sarif")).isEqualTo(OutputFormat.SARIF);
    assertThat(OutputFormat.parse(" GitHub ")).isEqualTo(OutputFormat.GITHUB);
    assertThat(OutputFormat.parse("CheckStyle")).isEqualTo(OutputFormat.CHECKSTYLE);
  }

  @Test
  void parseRejectsAnUnknownNameAndListsTheValidOnes() {
    assertThatThrownBy(() -> OutputFormat.parse("xml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown output format \"xml\"; valid formats: text, gcc, json, sarif, github,"
            + " checkstyle");
    assertThatThrownBy(() -> OutputFormat.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wordIsTheCommandLineName() {
    assertThat(OutputFormat.CHECKSTYLE.word()).isEqualTo("checkstyle");
  }

  @Test
  void everyFormatHasItsOwnReporter() {
    ReportOptions o = new ReportOptions(false, "1");
    assertThat(OutputFormat.TEXT.reporter(o)).isInstanceOf(TextReporter.class);
    assertThat(OutputFormat.GCC.reporter(o)).isInstanceOf(GccReporter.class);
    assertThat(OutputFormat.JSON.reporter(o)).isInstanceOf(JsonReporter.class);
    assertThat(OutputFormat.SARIF.reporter(o)).isInstanceOf(SarifReporter.class);
    assertThat(OutputFormat.GITHUB.reporter(o)).isInstanceOf(GithubReporter.class);
    assertThat(OutputFormat.CHECKSTYLE.reporter(o)).isInstanceOf(CheckstyleReporter.class);
  }
}
