package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ac201SpaceAfterColonTest {

  @Test
  void blankAfterTheColonIsReportedAsTheBareDefaultAndNearMissesAreNot() {
    assertFixture("AC201", "ac201-space-after-colon.access", null);
  }

  @Test
  void tryTlsHostNoIsAnErrorThatSaysTheValueAppliesToEveryServerAndGivesTheFix() {
    List<Diagnostic> d = LintFixture.only("AC201", "Try_TLS: broken.example NO\n");
    assertThat(d).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.line()).isEqualTo(1);
      assertThat(x.column()).isEqualTo(9);
      assertThat(x.ruleName()).isEqualTo("space-after-colon");
      assertThat(x.message()).contains("bare default \"Try_TLS:\"", "every server",
          "write Try_TLS:broken.example NO");
    });
  }

  @Test
  void aBareDefaultWithOnlyAValueIsNotThisMistake() {
    assertThat(LintFixture.only("AC201", "Try_TLS: NO\nSrv_Features: A P\nClientRate: 10\n"))
        .isEmpty();
  }

  @Test
  void aDeadBareKeyIsNotAlsoReportedAsDeadBareDefault() {
    List<Diagnostic> d = LintFixture.lint("From: spammer@example.com REJECT\n");
    assertThat(d).extracting(Diagnostic::ruleId).contains("AC201").doesNotContain("AC217");
  }
}
