package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Debian 12's stock /etc/mail/access (sendmail-base's examples/db/access, copied to
 * {@code src/test/resources/lint/debian-access}) draws warnings from the key rules, never an error.
 */
class KeyRulesDebianStockTest {

  private static List<Diagnostic> keyFindings() {
    return LintFixture.lint(LintFixture.resource("debian-access"), null).stream()
        .filter(d -> d.ruleId().startsWith("AC2")).toList();
  }

  @Test
  void debiansStockFileDrawsNoErrorFromTheKeyRules() {
    assertThat(keyFindings()).noneMatch(d -> d.severity() == Severity.ERROR);
  }

  @Test
  void itsDeadLinesAreWarnedAbout() {
    assertThat(keyFindings()).extracting(d -> d.line() + " " + d.ruleId()).containsExactly(
        "80 AC206", // Connect:IPv6:::1 RELAY
        "81 AC206", // GreetPause:IPv6:::1 0
        "82 AC206", // ClientRate:IPv6:::1 0
        "83 AC206", // ClientConn:IPv6:::1 0
        "105 AC217", // GreetPause: 5000
        "129 AC203"); // reject@ REJECT
  }
}
