package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static io.accessctl.lint.rules.KeyRulesFixtureTest.cf;
import static io.accessctl.lint.rules.KeyRulesFixtureTest.debianCf;
import static io.accessctl.lint.rules.KeyRulesFixtureTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.Feature;
import io.accessctl.lint.LintFixture;
import org.junit.jupiter.api.Test;

class Ac216ToRejectWithoutBlocklistTest {
  private static final String FIXTURE = "ac216-to-reject-without-blocklist.access";

  @Test
  void toValuesOtherThanRelayAreIgnoredWithoutBlocklistRecipients() {
    assertFixture("AC216", FIXTURE, debianCf());
  }

  @Test
  void silentWithoutACfAndWithBlocklistRecipients() {
    assertThat(LintFixture.only("AC216", text(FIXTURE))).isEmpty();
    assertThat(LintFixture.only("AC216", text(FIXTURE),
        cf("8.17.1.9", Feature.ACCESS_DB, Feature.BLOCKLIST_RECIPIENTS))).isEmpty();
  }
}
