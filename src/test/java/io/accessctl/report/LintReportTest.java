package io.accessctl.report;

import static io.accessctl.report.ReportFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class LintReportTest {
  static final RuleInfo A = new RuleInfo("AC200", "a", Severity.ERROR, "a", "a");
  static final RuleInfo B = new RuleInfo("AC100", "b", Severity.INFO, "b", "b");

  @Test
  void ordersFindingsByFileAsGivenThenLineColumnAndRuleId() {
    Diagnostic z3 = at("z", 3, 1, Severity.ERROR, A, "m", null);
    Diagnostic a1 = at("a", 1, 5, Severity.ERROR, A, "m", null);
    Diagnostic z1c5a = at("z", 1, 5, Severity.ERROR, A, "m", null);
    Diagnostic z1c5b = at("z", 1, 5, Severity.INFO, B, "m", null);
    Diagnostic z1c0 = at("z", 1, 0, Severity.ERROR, A, "m", null);
    Diagnostic z0 = at("z", 0, 0, Severity.ERROR, A, "m", null);
    LintReport r = new LintReport(List.of("z", "a"), List.of(a1, z3, z1c5a, z1c5b, z1c0, z0));
    assertThat(r.diagnostics()).containsExactly(z0, z1c0, z1c5b, z1c5a, z3, a1);
  }

  @Test
  void appendsFilesThatOnlyFindingsNameOnceInOrderOfAppearance() {
    LintReport r = new LintReport(List.of("access", "access"),
        List.of(at("sendmail.cf", 9, 0, Severity.ERROR, A, "m", null),
            at("other", 1, 0, Severity.ERROR, A, "m", null),
            at("sendmail.cf", 1, 0, Severity.ERROR, A, "m", null)));
    assertThat(r.files()).containsExactly("access", "sendmail.cf", "other");
    assertThat(r.diagnostics()).extracting(Diagnostic::file)
        .containsExactly("sendmail.cf", "sendmail.cf", "other");
  }

  @Test
  void countsFindingsPerSeverityFilesAndFixes() {
    LintReport r = ReportFixtures.report();
    assertThat(r.count(Severity.ERROR)).isEqualTo(2);
    assertThat(r.count(Severity.WARNING)).isEqualTo(4);
    assertThat(r.count(Severity.INFO)).isEqualTo(1);
    assertThat(r.fixableCount()).isEqualTo(2);
    assertThat(r.filesChecked()).isEqualTo(2);
    assertThat(r.filesWithFindings()).isEqualTo(1);
    assertThat(r.maxSeverity()).contains(Severity.ERROR);
  }

  @Test
  void aCleanRunHasNoMaximumSeverity() {
    LintReport r = new LintReport(List.of("access"), List.of());
    assertThat(r.maxSeverity()).isEmpty();
    assertThat(r.filesWithFindings()).isZero();
    assertThat(r.filesChecked()).isEqualTo(1);
  }

  @Test
  void byFileListsCleanFilesToo() {
    assertThat(ReportFixtures.report().byFile())
        .containsOnlyKeys(ReportFixtures.ACCESS, ReportFixtures.CLEAN)
        .hasEntrySatisfying(ReportFixtures.CLEAN, l -> assertThat(l).isEmpty())
        .hasEntrySatisfying(ReportFixtures.ACCESS, l -> assertThat(l).hasSize(7));
  }

  @Test
  void rulesAreTheRulesThatFoundSomethingOnceEachOrderedById() {
    LintReport r = ReportFixtures.of(at("f", 1, 0, Severity.ERROR, A, "m", null),
        at("f", 2, 0, Severity.INFO, B, "m", null), at("f", 3, 0, Severity.ERROR, A, "m", null));
    assertThat(r.rules()).containsExactly(B, A);
  }
}
