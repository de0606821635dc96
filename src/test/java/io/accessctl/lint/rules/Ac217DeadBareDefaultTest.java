package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import org.junit.jupiter.api.Test;

class Ac217DeadBareDefaultTest {

  @Test
  void bareKeysOfTagsWithoutADefaultAreReported() {
    assertFixture("AC217", "ac217-dead-bare-default.access", null);
  }

  @Test
  void debiansGreetPauseDefaultIsAWarningThatPointsToTheFeature() {
    assertThat(LintFixture.only("AC217", "GreetPause:\t\t\t\t5000\n")).singleElement()
        .satisfies(d -> {
          assertThat(d.severity()).isEqualTo(Severity.WARNING);
          assertThat(d.line()).isEqualTo(1);
          assertThat(d.column()).isEqualTo(1);
          assertThat(d.message()).contains("never looks up \"GreetPause:\"", "does nothing",
              "FEATURE(`greet_pause', `5000')");
        });
  }
}
