package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import org.junit.jupiter.api.Test;

class Ac210HostKeyForAddressOnlyTagTest {

  @Test
  void hostNameKeysForClientRateAndClientConnAreReported() {
    assertFixture("AC210", "ac210-host-key-ip-only-tag.access", null);
  }

  @Test
  void localhostIsRewrittenToTheLoopbackAddresses() {
    assertThat(LintFixture.only("AC210", "ClientRate:localhost 0\n")).singleElement()
        .satisfies(d -> {
          assertThat(d.severity()).isEqualTo(Severity.ERROR);
          assertThat(d.message()).contains("only with the client's IP address", "dead",
              "ClientRate:127.0.0.1", "ClientRate:IPv6:0:0:0:0:0:0:0:1");
        });
  }

  @Test
  void addressKeysAreSilent() {
    assertThat(LintFixture.only("AC210", "ClientRate:127 0\nClientConn:IPv6 0\n")).isEmpty();
  }
}
