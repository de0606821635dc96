package io.accessctl.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every format's whole output for {@link ReportFixtures#report()} against its golden file in
 * {@code src/test/resources/report/} ({@code text.txt}, {@code gcc.txt}, {@code json.json}, …).
 *
 * <p>To regenerate the goldens after an intended change of output:
 *
 * <pre>mvn -B -q test -Dtest='io.accessctl.report.**' -Daccessctl.updateGolden=true</pre>
 *
 * <p>then review {@code git diff src/test/resources/report} (see {@link Golden}).
 */
class GoldenReportTest {

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void everyFormatMatchesItsGoldenFile(OutputFormat format) {
    Golden.assertMatches(goldenName(format),
        ReportFixtures.render(format, ReportFixtures.report()));
  }

  @Test
  void colouredTextMatchesItsGoldenFile() {
    Golden.assertMatches("text-color.txt",
        ReportFixtures.render(OutputFormat.TEXT, true, ReportFixtures.report()));
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void outputDoesNotDependOnTheOrderFindingsArriveIn(OutputFormat format) {
    LintReport given = ReportFixtures.report();
    List<Diagnostic> backwards = new ArrayList<>(given.diagnostics());
    Collections.reverse(backwards);
    LintReport reversed = new LintReport(given.files(), backwards);
    assertThat(ReportFixtures.render(format, reversed))
        .isEqualTo(ReportFixtures.render(format, given));
  }

  static String goldenName(OutputFormat format) {
    String ext = switch (format) {
      case JSON, SARIF -> ".json";
      case CHECKSTYLE -> ".xml";
      default -> ".txt";
    };
    return format.word() + ext;
  }
}
