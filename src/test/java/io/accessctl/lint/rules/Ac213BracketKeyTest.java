package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import org.junit.jupiter.api.Test;

class Ac213BracketKeyTest {

  @Test
  void bracketedKeysAreExplained() {
    assertFixture("AC213", "ac213-bracket-key.access", null);
  }

  @Test
  void anInfoThatPointsToTheAddressKey() {
    assertThat(LintFixture.only("AC213", "Connect:[192.0.2.1] REJECT\n")).singleElement()
        .satisfies(d -> {
          assertThat(d.severity()).isEqualTo(Severity.INFO);
          assertThat(d.message()).contains("compared with host names", "write Connect:192.0.2.1");
        });
  }
}
