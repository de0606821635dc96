package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import org.junit.jupiter.api.Test;

class Ac207Ipv6LeadingZeroTest {

  @Test
  void groupsWithLeadingZerosAreReported() {
    assertFixture("AC207", "ac207-ipv6-leading-zero.access", null);
  }

  @Test
  void cfReadmesOwnExampleIsDead() {
    assertThat(LintFixture.only("AC207", "Connect:IPv6:2002:c0a8:02c7 RELAY\n")).singleElement()
        .satisfies(d -> {
          assertThat(d.severity()).isEqualTo(Severity.ERROR);
          assertThat(d.column()).isEqualTo(24);
          assertThat(d.message()).contains("\"02c7\"", "never matches",
              "write Connect:IPv6:2002:c0a8:2c7");
        });
  }

  @Test
  void aZeroGroupIsNotALeadingZero() {
    assertThat(LintFixture.only("AC207", "Connect:IPv6:0:0:0:0:0:0:0:1 RELAY\n")).isEmpty();
  }
}
