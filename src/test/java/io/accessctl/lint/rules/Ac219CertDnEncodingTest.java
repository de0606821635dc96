package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.LintFixture;
import org.junit.jupiter.api.Test;

class Ac219CertDnEncodingTest {

  @Test
  void rawCharactersInCertificateDnsAreReported() {
    assertFixture("AC219", "ac219-certdn-encoding.access", null);
  }

  @Test
  void encodingFollowsXtextify() {
    assertThat(CertDnEncoding.encode("/O=Ex (a) <b> \"c\" d\\e+f")).isEqualTo(
        "/O=Ex+20+28a+29+20+3Cb+3E+20+22c+22+20d+5Ce+2Bf");
    assertThat(CertDnEncoding.encode("/O=Example+20CA")).isEqualTo("/O=Example+20CA");
  }

  @Test
  void otherTagsMayHoldSpacesAndParentheses() {
    assertThat(LintFixture.only("AC219", "Connect:example.com ERROR:\"550 go (away)\"\n"))
        .isEmpty();
  }
}
