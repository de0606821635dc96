package io.accessctl.report;

import static io.accessctl.report.ReportFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SarifReporterTest {

  static Map<String, Object> parse(LintReport r) {
    return MiniJson.object(MiniJson.parse(ReportFixtures.render(OutputFormat.SARIF, r)));
  }

  static Map<String, Object> run(Map<String, Object> log) {
    List<Object> runs = MiniJson.array(log.get("runs"));
    assertThat(runs).hasSize(1);
    return MiniJson.object(runs.get(0));
  }

  static Map<String, Object> path(Object o, String... names) {
    Map<String, Object> m = MiniJson.object(o);
    for (String n : names) {
      assertThat(m).containsKey(n);
      m = MiniJson.object(m.get(n));
    }
    return m;
  }

  @Test
  void hasTheRequiredTopLevelRunAndDriverProperties() {
    Map<String, Object> log = parse(ReportFixtures.report());
    assertThat(log).containsEntry("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        .containsEntry("version", "2.1.0");
    Map<String, Object> driver = path(run(log), "tool", "driver");
    assertThat(driver).containsEntry("name", "accessctl").containsEntry("version", "0.1.0");
    assertThat(MiniJson.array(run(log).get("results"))).hasSize(7);
  }

  @Test
  void rulesAreThoseThatFoundSomethingAndRuleIndexPointsAtThem() {
    Map<String, Object> run = run(parse(ReportFixtures.report()));
    List<Object> rules = MiniJson.array(path(run, "tool", "driver").get("rules"));
    assertThat(rules).extracting(r -> MiniJson.object(r).get("id"))
        .containsExactly("AC103", "AC104", "AC106", "AC108", "AC110", "AC305", "AC601");
    for (Object o : rules) {
      Map<String, Object> rule = MiniJson.object(o);
      assertThat(rule).containsKeys("name");
      assertThat(path(rule, "shortDescription")).containsKey("text");
      assertThat(path(rule, "fullDescription")).containsKey("text");
      assertThat(path(rule, "help")).containsKey("text");
      assertThat(path(rule, "defaultConfiguration").get("level"))
          .isIn("error", "warning", "note");
    }
    for (Object o : MiniJson.array(run.get("results"))) {
      Map<String, Object> result = MiniJson.object(o);
      int index = ((BigDecimal) result.get("ruleIndex")).intValueExact();
      assertThat(MiniJson.object(rules.get(index)).get("id")).isEqualTo(result.get("ruleId"));
      assertThat(result.get("level")).isIn("error", "warning", "note");
      assertThat(path(result, "message")).containsKey("text");
      assertThat(MiniJson.array(result.get("locations"))).hasSize(1);
    }
  }

  @Test
  void infoBecomesNoteAndMessagesRoundTrip() {
    LintReport r = ReportFixtures.of(ReportFixtures.NON_ASCII);
    Map<String, Object> result = MiniJson.object(
        MiniJson.array(run(parse(r)).get("results")).get(0));
    assertThat(result).containsEntry("level", "note");
    assertThat(path(result, "message")).containsEntry("text", ReportFixtures.NON_ASCII.message());
  }

  @Test
  void wholeFileFindingsHaveNoRegionAndColumnlessOnesNoStartColumn() {
    LintReport r = ReportFixtures.of(ReportFixtures.STALE, ReportFixtures.DUPLICATE);
    List<Object> results = MiniJson.array(run(parse(r)).get("results"));
    Map<String, Object> stale = location(results.get(0));
    assertThat(stale).containsOnlyKeys("artifactLocation");
    assertThat(path(stale, "artifactLocation")).containsEntry("uri", "mail/access");
    assertThat(path(location(results.get(1)), "region"))
        .containsExactly(Map.entry("startLine", BigDecimal.valueOf(6)));
  }

  @Test
  void columnsAreCountedInUtf16CodeUnits() {
    // ä is 2 bytes and 1 UTF-16 unit, 📧 4 bytes and 2 units, the invalid byte 1 and 1
    String line = "a\u00c3\u00a4\u00f0\u009f\u0093\u00a7\u00e9X";
    LintReport r = ReportFixtures.of(
        at("f", 1, line.indexOf('X') + 1, Severity.ERROR, ReportFixtures.CRLF, "m", line));
    Map<String, Object> log = parse(r);
    assertThat(run(log)).containsEntry("columnKind", "utf16CodeUnits");
    Map<String, Object> region = path(location(MiniJson.array(run(log).get("results")).get(0)),
        "region");
    assertThat(region).containsEntry("startColumn", BigDecimal.valueOf(1 + 1 + 2 + 1 + 1));
  }

  @Test
  void urisUseForwardSlashesAndPercentEncoding() {
    assertThat(SarifReporter.uri("mail/access")).isEqualTo("mail/access");
    assertThat(SarifReporter.uri("my dir/access #2")).isEqualTo("my%20dir/access%20%232");
    assertThat(SarifReporter.uri("a:b/100%")).isEqualTo("a%3Ab/100%25");
    assertThat(SarifReporter.uri("\u00fc")).isEqualTo("%C3%BC");
    assertThat(SarifReporter.uri("/etc/mail/access")).isEqualTo("file:///etc/mail/access");
  }

  @Test
  void cleanRunStillHasOneRunWithEmptyRulesAndResults() {
    Map<String, Object> run = run(parse(new LintReport(List.of("access"), List.of())));
    assertThat(MiniJson.array(run.get("results"))).isEmpty();
    assertThat(MiniJson.array(path(run, "tool", "driver").get("rules"))).isEmpty();
  }

  @Test
  void toolVersionIsLeftOutWhenUnknown() {
    StringWriter sw = new StringWriter();
    OutputFormat.SARIF.reporter(new ReportOptions(false, null))
        .write(ReportFixtures.report(), new PrintWriter(sw));
    Map<String, Object> driver = path(run(MiniJson.object(MiniJson.parse(sw.toString()))),
        "tool", "driver");
    assertThat(driver).containsEntry("name", "accessctl").doesNotContainKey("version");
  }

  private static Map<String, Object> location(Object result) {
    return path(MiniJson.array(MiniJson.object(result).get("locations")).get(0),
        "physicalLocation");
  }
}
