package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import org.junit.jupiter.api.Test;

class Ac214TrailingDotTest {

  @Test
  void namesEndingInADotAreReported() {
    assertFixture("AC214", "ac214-trailing-dot.access", null);
  }

  @Test
  void aRelayNameCopiedFromALogLineLosesItsDot() {
    assertThat(LintFixture.only("AC214", "Try_TLS:mx.example.com. NO\n")).singleElement()
        .satisfies(d -> {
          assertThat(d.severity()).isEqualTo(Severity.ERROR);
          assertThat(d.column()).isEqualTo(23);
          assertThat(d.message()).contains("never matches", "write Try_TLS:mx.example.com");
        });
  }
}
