package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static io.accessctl.lint.rules.KeyRulesFixtureTest.cf;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.Feature;
import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import org.junit.jupiter.api.Test;

class Ac205Ipv6WithoutPrefixTest {

  @Test
  void ipv6KeysWithoutPrefixAreReportedWithTheFullForm() {
    assertFixture("AC205", "ac205-ipv6-no-prefix.access", null);
  }

  @Test
  void theAdviceFollowsTheCfsIpv6Form() {
    assertThat(LintFixture.only("AC205", "Connect:2001:db8:0:0:0:0:0:1 REJECT\n",
        cf("8.17.1.9", Feature.COMPRESSED_IPV6))).singleElement().satisfies(d -> {
          assertThat(d.severity()).isEqualTo(Severity.ERROR);
          assertThat(d.message()).contains("write Connect:IPv6:2001:db8::1");
        });
  }

  @Test
  void theRightFormIsSilent() {
    assertThat(LintFixture.only("AC205", "Connect:IPv6:2001:db8:0:0:0:0:0:1 REJECT\n")).isEmpty();
  }
}
