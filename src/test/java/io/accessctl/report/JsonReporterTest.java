package io.accessctl.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReporterTest {

  static Map<String, Object> parse(LintReport r) {
    String out = ReportFixtures.render(OutputFormat.JSON, r);
    assertThat(out).endsWith("\n").doesNotContain("\r");
    assertThat(out.strip()).doesNotContain("\n");
    assertThat(out.chars()).allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f));
    return MiniJson.object(MiniJson.parse(out));
  }

  @Test
  void writesOneLineOfValidAsciiJsonWithVersionOne() {
    Map<String, Object> doc = parse(ReportFixtures.report());
    assertThat(doc).containsOnlyKeys("version", "diagnostics", "summary");
    assertThat(doc.get("version")).isEqualTo(BigDecimal.ONE);
  }

  @Test
  void diagnosticsHaveTheDesignShapeAndRoundTripExactly() {
    LintReport r = ReportFixtures.report();
    List<Object> ds = MiniJson.array(parse(r).get("diagnostics"));
    assertThat(ds).hasSameSizeAs(r.diagnostics());
    for (int i = 0; i < ds.size(); i++) {
      Map<String, Object> j = MiniJson.object(ds.get(i));
      Diagnostic d = r.diagnostics().get(i);
      assertThat(j.keySet()).containsExactly(
          "file", "line", "column", "severity", "rule", "name", "message", "fixable");
      assertThat(j).containsEntry("file", d.file())
          .containsEntry("line", BigDecimal.valueOf(d.line()))
          .containsEntry("column", BigDecimal.valueOf(d.column()))
          .containsEntry("severity", d.severity().word())
          .containsEntry("rule", d.ruleId())
          .containsEntry("name", d.ruleName())
          .containsEntry("message", d.message())
          .containsEntry("fixable", d.fixable());
    }
  }

  @Test
  void summaryCountsFilesSeveritiesAndFixes() {
    assertThat(MiniJson.object(parse(ReportFixtures.report()).get("summary"))).containsExactly(
        Map.entry("files", BigDecimal.valueOf(2)),
        Map.entry("filesWithFindings", BigDecimal.valueOf(1)),
        Map.entry("diagnostics", BigDecimal.valueOf(7)),
        Map.entry("errors", BigDecimal.valueOf(2)),
        Map.entry("warnings", BigDecimal.valueOf(4)),
        Map.entry("infos", BigDecimal.valueOf(1)),
        Map.entry("fixable", BigDecimal.valueOf(2)));
  }

  @Test
  void cleanRunHasAnEmptyDiagnosticsArray() {
    Map<String, Object> doc = parse(new LintReport(List.of("access"), List.of()));
    assertThat(MiniJson.array(doc.get("diagnostics"))).isEmpty();
    assertThat(MiniJson.object(doc.get("summary"))).containsEntry("files", BigDecimal.ONE)
        .containsEntry("diagnostics", BigDecimal.ZERO);
  }
}
