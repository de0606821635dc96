package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static io.accessctl.lint.rules.KeyRulesFixtureTest.cf;
import static io.accessctl.lint.rules.KeyRulesFixtureTest.debianCf;
import static io.accessctl.lint.rules.KeyRulesFixtureTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.Feature;
import io.accessctl.lint.LintFixture;
import org.junit.jupiter.api.Test;

class Ac209DotDomainWithoutFeatureTest {
  private static final String FIXTURE = "ac209-dotdomain-without-feature.access";

  @Test
  void dotDomainKeysAreDeadWithACfWithoutLookupdotdomain() {
    assertFixture("AC209", FIXTURE, debianCf());
  }

  @Test
  void silentWithoutACf() {
    assertThat(LintFixture.only("AC209", text(FIXTURE))).isEmpty();
  }

  @Test
  void silentWhenTheCfHasLookupdotdomain() {
    assertThat(LintFixture.only("AC209", text(FIXTURE),
        cf("8.17.1.9", Feature.ACCESS_DB, Feature.LOOKUPDOTDOMAIN))).isEmpty();
  }
}
