package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static io.accessctl.lint.rules.KeyRulesFixtureTest.cf;
import static io.accessctl.lint.rules.KeyRulesFixtureTest.debianCf;
import static io.accessctl.lint.rules.KeyRulesFixtureTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.Feature;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ac206Ipv6CompressedTest {
  private static final String FIXTURE = "ac206-ipv6-compressed.access";

  @Test
  void compressedKeysAreWarningsWithoutACf() {
    assertFixture("AC206", FIXTURE, null);
  }

  @Test
  void theSameKeysStayWarningsWithACfThatWritesFullAddressesSoDebiansStockFilePasses() {
    List<Diagnostic> withoutCf = LintFixture.only("AC206", text(FIXTURE));
    List<Diagnostic> withCf = LintFixture.only("AC206", text(FIXTURE), debianCf());
    assertThat(withCf).extracting(Diagnostic::line)
        .containsExactlyElementsOf(withoutCf.stream().map(Diagnostic::line).toList());
    assertThat(withCf).allSatisfy(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.message()).contains("this cf does not set it");
    });
  }

  @Test
  void withUseCompressedIpv6AddressesFullFormsAreTheDeadOnes() {
    List<Diagnostic> d = LintFixture.only("AC206", """
        Connect:IPv6:::1 RELAY
        Connect:IPv6:0:0:0:0:0:0:0:1 RELAY
        Connect:IPv6:2001:db8:0:0:1:0:0:1 REJECT
        Connect:IPv6:2001:db8:0:1:0:1:0:1 REJECT
        Connect:IPv6:2001:db8 REJECT
        """, cf("8.17.1.9", Feature.COMPRESSED_IPV6));
    assertThat(d).extracting(Diagnostic::line).containsExactly(2, 3);
    assertThat(d.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(d.get(0).message()).contains("UseCompressedIPv6Addresses",
        "write Connect:IPv6:::1");
    assertThat(d.get(1).message()).contains("write Connect:IPv6:2001:db8::1:0:0:1");
  }

  @Test
  void debiansStockLoopbackLinesAreWarningsWithoutACf() {
    assertThat(LintFixture.only("AC206", "Connect:IPv6:::1\t\tRELAY\n")).singleElement()
        .satisfies(d -> {
          assertThat(d.severity()).isEqualTo(Severity.WARNING);
          assertThat(d.column()).isEqualTo(14);
          assertThat(d.message()).contains("never matches", "Connect:IPv6:0:0:0:0:0:0:0:1");
        });
  }

  @Test
  void ipv6GroupsAreWrittenTheWaySendmailWritesThem() {
    assertThat(KeyRule.canonicalIpv6("::1", false)).isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(KeyRule.canonicalIpv6("0:0:0:0:0:0:0:1", true)).isEqualTo("::1");
    assertThat(KeyRule.canonicalIpv6("2001:DB8:0:0:1:0:0:1", true)).isEqualTo("2001:db8::1:0:0:1");
    assertThat(KeyRule.canonicalIpv6("2001:db8:0:1:0:1:0:1", true)).isEqualTo("2001:db8:0:1:0:1:0:1");
    assertThat(KeyRule.canonicalIpv6("::", true)).isEqualTo("::");
    assertThat(KeyRule.canonicalIpv6("::ffff:192.0.2.1", false)).isEqualTo("0:0:0:0:0:ffff:c000:201");
    assertThat(KeyRule.canonicalIpv6("2001:0db8", true)).isEqualTo("2001:db8");
    assertThat(KeyRule.canonicalIpv6("1::2::3", false)).isNull();
    assertThat(KeyRule.canonicalIpv6("1:2:3:4:5:6:7:8:9", false)).isNull();
  }
}
