package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static io.accessctl.lint.rules.KeyRulesFixtureTest.cf;
import static io.accessctl.lint.rules.KeyRulesFixtureTest.debianCf;
import static io.accessctl.lint.rules.KeyRulesFixtureTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.Feature;
import io.accessctl.lint.LintFixture;
import org.junit.jupiter.api.Test;

class Ac211IpKeyForNameOnlyTagTest {
  private static final String FIXTURE = "ac211-ip-key-name-only.access";

  @Test
  void addressKeysForCltFeaturesAreDeadFrom8172On() {
    assertFixture("AC211", FIXTURE, cf("8.18.1", Feature.ACCESS_DB));
  }

  @Test
  void theCfsRulesetDecidesEvenWhenItsVersionIsOlder() {
    assertFixture("AC211", FIXTURE, cf("8.17.1.9", Feature.CLT_FEATURES_BY_SERVER));
  }

  @Test
  void silentWithoutACfAndOn8171() {
    assertThat(LintFixture.only("AC211", text(FIXTURE))).isEmpty();
    assertThat(LintFixture.only("AC211", text(FIXTURE), debianCf())).isEmpty();
  }

  @Test
  void versionsCompareNumerically() {
    assertThat(KeyRule.versionAtLeast("8.17.2", "8.17.2")).isTrue();
    assertThat(KeyRule.versionAtLeast("8.18.1", "8.17.2")).isTrue();
    assertThat(KeyRule.versionAtLeast("8.17.10", "8.17.2")).isTrue();
    assertThat(KeyRule.versionAtLeast("8.17.1.9", "8.17.2")).isFalse();
  }
}
