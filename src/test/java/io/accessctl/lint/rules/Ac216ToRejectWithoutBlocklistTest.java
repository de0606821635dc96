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

  @Test
  void aValueOfLettersAloneIsRelayOnlyWhenItIsTheWord() {
    String map = "To:a.example RELAYS\nTo:b.example Relay\r\nTo:c.example RELAY then\n"
        + "To:d.example rElAy\nTo:e.example REJECT2\n";
    assertThat(LintFixture.only("AC216", map, debianCf()))
        .extracting(d -> d.line() + ": " + d.message())
        .containsExactly(
            "1: " + message("\"RELAYS\"", "a.example"),
            "5: " + message("\"REJECT2\"", "e.example"));
  }

  private static String message(String value, String subject) {
    return "without FEATURE(`blocklist_recipients') sendmail consults To: entries only to allow"
        + " relaying (RELAY), and this cf does not have it, so the value " + value
        + " is ignored and mail to " + subject + " is accepted; add"
        + " FEATURE(`blocklist_recipients') to sendmail.mc";
  }
}
