package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import org.junit.jupiter.api.Test;

class Ac203UntaggedEntryTest {

  @Test
  void untaggedKeysAreReportedAndTaggedOnesAreNot() {
    assertFixture("AC203", "ac203-untagged-entry.access", null);
  }

  @Test
  void warningSaysItAppliesToConnectFromAndToAtOnce() {
    assertThat(LintFixture.only("AC203", "reject@\t\tREJECT\n")).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.message()).contains("Connect, From and To at once", "deprecated",
          "From:reject@");
    });
  }

  @Test
  void aMailAddressKeyIsNotUntagged() {
    assertThat(LintFixture.only("AC203", "From:user@example.com REJECT\n")).isEmpty();
  }
}
