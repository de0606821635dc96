package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import org.junit.jupiter.api.Test;

class Ac202UnknownTagTest {

  @Test
  void misspeltTagsAreReportedWithTheNearestKnownTag() {
    assertFixture("AC202", "ac202-unknown-tag.access", null);
  }

  @Test
  void warningOffersTheNearestTagAndTheRewrittenKey() {
    assertThat(LintFixture.only("AC202", "TryTLS:broken.example NO\n")).singleElement()
        .satisfies(d -> {
          assertThat(d.severity()).isEqualTo(Severity.WARNING);
          assertThat(d.column()).isEqualTo(1);
          assertThat(d.message()).contains("\"TryTLS\"", "did you mean Try_TLS",
              "Try_TLS:broken.example");
        });
  }

  @Test
  void untaggedIpv6AddressesAreNotUnknownTags() {
    assertThat(LintFixture.only("AC202", """
        IPv6:2001:db8:0:0:0:0:0:1 REJECT
        [IPv6:2001:db8:0:0:0:0:0:2] REJECT
        2001:db8::3 REJECT
        """)).isEmpty();
  }

  @Test
  void aCiTagTagIsKnownOnlyWhenARequirementInTheFileNamesIt() {
    String issuer = "MyCAs:/C=US/O=Example+20CA OK\n";
    assertThat(LintFixture.only("AC202", issuer)).extracting(Diagnostic::line).containsExactly(1);
    assertThat(LintFixture.only("AC202", "TLS_Srv:mx.example VERIFY+CITag:MyCAs\n" + issuer))
        .isEmpty();
  }
}
