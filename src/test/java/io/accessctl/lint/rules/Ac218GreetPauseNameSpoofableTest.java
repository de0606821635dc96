package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import org.junit.jupiter.api.Test;

class Ac218GreetPauseNameSpoofableTest {

  @Test
  void nameKeyedExemptionsAreReported() {
    assertFixture("AC218", "ac218-greetpause-name-spoofable.access", null);
  }

  @Test
  void anInfoNotAWarning() {
    assertThat(LintFixture.only("AC218", "GreetPause:partner.example 0\n")).singleElement()
        .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.INFO));
  }
}
