package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.ValueRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.CfFile;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** AC302–AC305: how srv_features and clt_features read letters. */
class Ac302To305FeatureLettersTest {

  private static CfFile cf(String version) {
    return CfFile.of(Path.of("sendmail.cf"), version, null, Set.of(), Set.of());
  }

  @Test
  void ac302OnlyTheFirstCharacterOfAWordCounts() {
    assertFixture("AC302", "ac302-features-multichar-token.access");
  }

  @Test
  void ac303AFirstWordStartingWithTempTempfails() {
    assertFixture("AC303", "ac303-features-temp.access");
  }

  @Test
  void ac304LettersThisBuildIgnores() {
    assertFixture("AC304", "ac304-features-unknown-letter.access");
  }

  @Test
  void ac305LettersThatWorkButAreNotDocumented() {
    assertFixture("AC305", "ac305-features-undocumented.access");
  }

  @Test
  void ac304Knows818LettersWhenTheCfIs818AndStaysQuietAboutUnknownBuilds() {
    String map = "Srv_Features:10.1 F o\nSrv_Features:10.2 I\n";
    assertThat(LintFixture.only("AC304", map)).extracting(Diagnostic::line)
        .containsExactly(1, 1, 2);
    // 8.18.1: F and O exist; whether I (USE_EAI) exists depends on a build accessctl cannot see
    assertThat(LintFixture.only("AC304", map, cf("8.18.1"))).isEmpty();
  }

  @Test
  void aQuotedValueAndAMissingBlankAreOneReportEachNotOnePerLetter() {
    assertThat(LintFixture.lint("Srv_Features:10.1 \"A P\"\nSrv_Features:10.2 AP\n"))
        .filteredOn(d -> d.ruleId().startsWith("AC30"))
        .extracting(Diagnostic::ruleId).containsExactly("AC302", "AC302");
  }

  @Test
  void tempIsReportedOnceAsAc303() {
    assertThat(LintFixture.lint("Srv_Features:10.1 tempfail\n"))
        .filteredOn(d -> d.ruleId().startsWith("AC30"))
        .extracting(Diagnostic::ruleId).containsExactly("AC303");
  }
}
