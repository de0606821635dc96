package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static io.accessctl.lint.rules.KeyRulesFixtureTest.cf;
import static io.accessctl.lint.rules.KeyRulesFixtureTest.debianCf;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.Feature;
import io.accessctl.lint.Diagnostic;
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

  @Test
  void anUntaggedRejectionIsAWarningOnlyWhenTheCfHasBlocklistRecipients() {
    String text = "spam.example REJECT\n";
    assertThat(LintFixture.only("AC203", text, debianCf())).singleElement()
        .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.INFO));
    assertThat(LintFixture.only("AC203", text,
        cf("8.17.1.9", Feature.ACCESS_DB, Feature.BLOCKLIST_RECIPIENTS))).singleElement()
        .satisfies(d -> {
          assertThat(d.severity()).isEqualTo(Severity.WARNING);
          assertThat(d.message()).contains("also refuses mail to spam.example",
              "this cf has FEATURE(`blocklist_recipients')");
        });
  }

  @Test
  void manyUntaggedEntriesShareOneAdviceForTheReport() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      text.append("spam").append(i).append(".example REJECT\n");
    }
    assertThat(LintFixture.only("AC203", text.toString(), debianCf()))
        .hasSize(6).extracting(Diagnostic::advice).containsOnly(
            "untagged domain keys apply to Connect, From and To at once; untagged entries are"
            + " deprecated: put Connect:, From: or To: in front of each for the check you mean");
  }

  @Test
  void suggestsOnlyTaggedKeysSendmailCanStillLookUp() {
    // 252 bytes: sendmail looks the untagged key up, but "Connect:" and "From:" in front pass 256
    String host = "hh" + ".x".repeat(119) + ".example.com";
    assertThat(host).hasSize(252);
    assertThat(LintFixture.only("AC203", host + " REJECT\n")).singleElement()
        .satisfies(d -> assertThat(d.message()).endsWith("write To:" + host
            + " for the check you mean").doesNotContain("Connect:" + host, "From:" + host));
    String longer = "hh" + host;
    assertThat(LintFixture.only("AC203", longer + " REJECT\n")).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("write a tagged key for a shorter parent"
            + " domain").doesNotContain(":" + longer));
  }
}
