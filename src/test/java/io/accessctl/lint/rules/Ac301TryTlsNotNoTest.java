package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.ValueRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import org.junit.jupiter.api.Test;

class Ac301TryTlsNotNoTest {

  @Test
  void onlyTheSingleWordNoTurnsStartTlsOffAndNearMissesStaySilent() {
    assertFixture("AC301", "ac301-try-tls-not-no.access");
  }

  @Test
  void yesIsANoOpInfoWithoutABroaderNoAndSilentUnderOne() {
    assertThat(LintFixture.only("AC301", "Try_TLS:broken.example YES\n")).singleElement()
        .satisfies(d -> {
          assertThat(d.severity()).isEqualTo(Severity.INFO);
          assertThat(d.column()).isEqualTo(24);
          assertThat(d.message()).contains("\"YES\" does nothing", "broken.example");
        });
    assertThat(LintFixture.only("AC301", "Try_TLS: NO\nTry_TLS:broken.example YES\n")).isEmpty();
    assertThat(LintFixture.only("AC301", "Try_TLS:1.2 NO\nTry_TLS:1.2.3.4 YES\n")).isEmpty();
    assertThat(LintFixture.only("AC301", "Try_TLS:[1.2] NO\nTry_TLS:[1.2.3.4] YES\n")).isEmpty();
  }

  @Test
  void aNoOnASiblingOrASubdomainIsNotBroader() {
    assertThat(LintFixture.only("AC301", "Try_TLS:other.example.com NO\n"
        + "Try_TLS:sub.good.example.com NO\nTry_TLS:good.example.com YES\n"))
        .extracting(Diagnostic::line).containsExactly(3);
    assertThat(LintFixture.only("AC301", "Try_TLS:1.2.3 NO\nTry_TLS:1.2 YES\n"))
        .extracting(Diagnostic::line).containsExactly(2);
  }

  @Test
  void aYesOnAHostNameIsQuietWhenAnAddressKeySaysNo() {
    // the server behind the name may have an address under 1.2.3; the YES may be the override
    assertThat(LintFixture.only("AC301", "Try_TLS:1.2.3 NO\nTry_TLS:good.example YES\n"))
        .isEmpty();
  }

  @Test
  void aBroaderNoWrittenWithAnInlineCommentDoesNotCount() {
    // sendmail reads "NO # x" as no NO, so the YES below overrides nothing
    assertThat(LintFixture.only("AC301", "Try_TLS:example.com NO # x\nTry_TLS:a.example.com YES\n"))
        .extracting(Diagnostic::line).containsExactly(2);
  }

  @Test
  void theBriefsExampleMessageShape() {
    assertThat(LintFixture.only("AC301", "Try_TLS:broken.example OFF\n")).singleElement()
        .extracting(Diagnostic::message).isEqualTo("value \"OFF\" does nothing: only NO turns "
            + "STARTTLS off for broken.example; write NO or delete the entry");
  }

  @Test
  void coversFollowsTheDomainAndAddressWalks() {
    assertThat(TryTlsNotNo.covers("", "x.example")).isTrue();
    assertThat(TryTlsNotNo.covers("example", "x.example")).isTrue();
    assertThat(TryTlsNotNo.covers(".example", "x.example")).isTrue();
    assertThat(TryTlsNotNo.covers("ample", "x.example")).isFalse();
    assertThat(TryTlsNotNo.covers("192.0", "192.0.2.1")).isTrue();
    assertThat(TryTlsNotNo.covers("192.0", "192.01.2.1")).isFalse();
    assertThat(TryTlsNotNo.covers("ipv6:2001", "ipv6:2001:db8:0:0:0:0:0:1")).isTrue();
    assertThat(TryTlsNotNo.covers("192.0.2", "x.example")).isFalse();
  }
}
