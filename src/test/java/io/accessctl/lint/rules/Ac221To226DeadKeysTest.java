package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.Feature;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AC221–AC226: keys no lookup produces, or that match more or other than meant. */
class Ac221To226DeadKeysTest {

  @Test
  void atDomainKeysAreDead() {
    assertFixture("AC221", "ac221-at-domain-key.access", null);
  }

  @Test
  void anUntaggedAtDomainKeyDrawsOneFindingWhoseFixIsTagged() {
    List<Diagnostic> all = LintFixture.lint("@spam.example REJECT\n");
    assertThat(all).extracting(Diagnostic::ruleId).containsExactly("AC221");
    assertThat(LintFixture.lint("From:spam.example REJECT\n")).isEmpty();
  }

  @Test
  void localPartsWithoutAtAreDomains() {
    assertFixture("AC222", "ac222-local-part-key.access", null);
  }

  @Test
  void toLocalPartsAreLeftToAc216WithoutBlocklistRecipients() {
    String map = "To:abuse OK\nTo:postmaster REJECT\n";
    assertThat(LintFixture.only("AC222", map, KeyRulesFixtureTest.debianCf())).isEmpty();
    assertThat(LintFixture.only("AC222", map, KeyRulesFixtureTest.cf("8.17.1.9",
        Feature.ACCESS_DB, Feature.BLOCKLIST_RECIPIENTS))).extracting(Diagnostic::line)
        .containsExactly(1, 2);
  }

  @Test
  void connectZeroIsLocalSmtpSessions() {
    assertFixture("AC223", "ac223-connect-zero.access", null);
  }

  @Test
  void relayForPublicPrefixesNamesTheRange() {
    assertFixture("AC224", "ac224-relay-public-prefix.access", null);
  }

  @Test
  void octetsAbove255AreDead() {
    assertFixture("AC225", "ac225-ipv4-octet-range.access", null);
  }

  @Test
  void aTagWithoutItsColonIsReportedOnceAndNotAsAnUntaggedEntry() {
    assertFixture("AC226", "ac226-tag-without-colon.access", null);
    assertThat(LintFixture.lint("TLS_Srv VERIFY+CN\nTry_TLS broken.example NO\n"))
        .extracting(Diagnostic::ruleId).containsExactly("AC226", "AC226");
  }

  @Test
  void everySuggestedKeyLintsClean() {
    String fixed = """
        From:spammer.example REJECT
        From:postmaster@ OK
        Connect:127.0.0.1 REJECT
        Connect:172.16 RELAY
        Connect:192.168 RELAY
        Connect:192.0.2 RELAY
        TLS_Srv: VERIFY+CN
        TLS_Srv:host.example VERIFY+CN
        Try_TLS:broken.example NO
        Srv_Features: A P
        """;
    assertThat(LintFixture.lint(fixed)).isEmpty();
  }
}
