package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.ValueRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.catalog.TlsRequirement;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import io.accessctl.tokens.Prescan;
import org.junit.jupiter.api.Test;

/** AC314–AC316: TLS requirements and TLS session features. */
class Ac314To316TlsTest {

  @Test
  void ac314ValuesThatAreNoRequirement() {
    assertFixture("AC314", "ac314-tls-requirement-unknown.access");
  }

  @Test
  void ac315PermWithFallback() {
    assertFixture("AC315", "ac315-perm-with-fallback.access");
  }

  @Test
  void ac316ValuesThatMakeSendmailGiveUpStartTls() {
    assertFixture("AC316", "ac316-tls-features-syntax.access");
  }

  @Test
  void ac315WithoutCfOrFlagsIsSilent() {
    assertThat(LintFixture.only("AC315", "TLS_Srv:bank.example PERM+VERIFY:128\n")).isEmpty();
  }

  @Test
  void ac315BareRequirementWithAnyFlagC() {
    assertThat(LintFixture.only("AC315",
        "TLS_Srv: PERM+VERIFY\nTLS_Clt_Features:old.example Flags=C\n"))
        .singleElement().extracting(Diagnostic::message).asString()
        .contains("Flags=C for old.example on line 2");
  }

  @Test
  void ac315ParentDomainFlagsApplyToItsHosts() {
    assertThat(LintFixture.only("AC315",
        "TLS_Srv:mx.old.example PERM+VERIFY\nTLS_Clt_Features:old.example Flags=C\n"))
        .hasSize(1);
  }

  @Test
  void tlsRequirementGrammar() {
    TlsRequirement r = TlsRequirement.parse(Prescan.tokens("PERM+VERIFY:128+CN++CS:x"));
    assertThat(r.prefix()).isEqualTo("PERM");
    assertThat(r.level()).isEqualTo("VERIFY");
    assertThat(r.bitsValue()).isEqualTo(128);
    assertThat(r.extensions()).hasSize(2);
    assertThat(r.unknownExtension()).isEqualTo(-1);
    assertThat(TlsRequirement.parse(Prescan.tokens("ENCR")).isRequirement()).isFalse();
    assertThat(TlsRequirement.parse(Prescan.tokens("VERIFY:128 x")).isRequirement()).isFalse();
    assertThat(TlsRequirement.parse(Prescan.tokens("VERIFY+CN+CS:x")).unknownExtension())
        .isZero();
  }

  @Test
  void tlsSessionFeaturesParserFollowsTheCCode() {
    TlsSessionFeatures f =
        TlsSessionFeatures.parse(Prescan.tokens("\"Flags=C;Options=SSL_OP_ALL\""));
    assertThat(f.aborts()).isFalse();
    assertThat(f.flags()).isEqualTo("C");
    assertThat(TlsSessionFeatures.parse(Prescan.tokens("Flags=C;")).aborts()).isFalse();
    assertThat(TlsSessionFeatures.parse(Prescan.tokens("Flags=")).aborts()).isTrue();
    assertThat(TlsSessionFeatures.parse(Prescan.tokens("\"\"")).aborts()).isFalse();
    assertThat(TlsSessionFeatures.parse(Prescan.tokens("x")).aborts()).isFalse();
    assertThat(TlsSessionFeatures.parse(Prescan.tokens("Options=-SSL_OP_ALL,+4")).aborts())
        .isFalse();
    assertThat(TlsSessionFeatures.parse(Prescan.tokens("KeyFile=k;CertFile=c")).aborts())
        .isFalse();
  }
}
