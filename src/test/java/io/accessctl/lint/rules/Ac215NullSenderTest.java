package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import org.junit.jupiter.api.Test;

class Ac215NullSenderTest {

  @Test
  void nullSenderEntriesAreReported() {
    assertFixture("AC215", "ac215-null-sender.access", null);
  }

  @Test
  void theBareFromKeyIsDeadBareDefaultNotNullSender() {
    assertThat(LintFixture.lint("From: REJECT\n")).extracting(Diagnostic::ruleId)
        .contains("AC217").doesNotContain("AC215");
  }
}
