package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.ValueRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** AC306 and AC307: where SKIP means "end this walk" and where it is an ordinary value. */
class Ac306Ac307SkipTest {

  @Test
  void ac306SkipWithoutTheOptionIsAnOrdinaryValue() {
    assertFixture("AC306", "ac306-skip-without-option.access");
  }

  @Test
  void ac307SkipWhereNoWalkRuns() {
    assertFixture("AC307", "ac307-skip-on-address-key.access");
  }

  @Test
  void ac306NeedsACfAndIsSilentWhenTheCfHasTheOption() {
    String map = "Connect:good.bad.example SKIP\n";
    assertThat(LintFixture.only("AC306", map)).isEmpty();
    CfFile debian = CfFile.of(Path.of("sendmail.cf"), "8.17.1.9", null,
        Set.of(Feature.ACCESS_DB, Feature.SKIP), Set.of());
    assertThat(LintFixture.only("AC306", map, debian)).isEmpty();
  }

  @Test
  void noOtherValueRuleJudgesSkip() {
    String map = "Try_TLS:a.example SKIP\nSrv_Features:10.1 SKIP\nClientRate:10.2 SKIP\n"
        + "GreetPause:10.3 SKIP\nTLS_Srv:b.example SKIP\nTLS_Clt_Features:c.example SKIP\n"
        + "Connect:d.example SKIP\nSpam:e.example SKIP\n";
    assertThat(LintFixture.lint(map)).extracting(Diagnostic::ruleId)
        .noneMatch(id -> id.startsWith("AC3"));
  }

  @Test
  void skipOnTheBareKeyOfAnUnknownTagIsLeftToAc202() {
    // This crashed AC307 (no tag to ask for a bare default) until generated maps found it.
    assertThat(LintFixture.lint("Conect: SKIP\nIPv6: SKIP\n")).extracting(Diagnostic::ruleId)
        .contains("AC202").doesNotContain("AC307");
  }
}
