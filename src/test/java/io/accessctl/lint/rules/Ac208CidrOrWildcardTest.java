package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import org.junit.jupiter.api.Test;

class Ac208CidrOrWildcardTest {

  @Test
  void cidrWildcardsRangesAndTrailingDotsOnAddressesAreReported() {
    assertFixture("AC208", "ac208-cidr-or-wildcard.access", null);
  }

  @Test
  void aSlash24BecomesItsOctetPrefix() {
    assertThat(LintFixture.only("AC208", "Connect:192.168.1.0/24 RELAY\n")).singleElement()
        .satisfies(d -> {
          assertThat(d.severity()).isEqualTo(Severity.ERROR);
          assertThat(d.column()).isEqualTo(20);
          assertThat(d.message()).contains("no CIDR", "dead", "write Connect:192.168.1");
        });
  }

  @Test
  void theDetailKeyUserPlusStarIsARealKey() {
    assertThat(LintFixture.only("AC208", "From:user+*@example.com REJECT\nTo:list+*@ OK\n"))
        .isEmpty();
  }

  @Test
  void certificateDnsMayHoldStarsAndSlashes() {
    assertThat(LintFixture.only("AC208", "CERTSUBJECT:/C=US/CN=*.example.com RELAY\n")).isEmpty();
  }
}
