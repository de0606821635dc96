package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Rule;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AC2xx group as a whole: registration, documentation, and quiet on a correct map. */
class KeyRulesTest {

  private static List<RuleInfo> infos() {
    return KeyRules.all().stream().map(Rule::info).toList();
  }

  @Test
  void ac201ToAc228AreRegisteredInIdOrderExceptAc212() {
    assertThat(infos()).extracting(RuleInfo::id).containsExactly("AC201", "AC202", "AC203",
        "AC204", "AC205", "AC206", "AC207", "AC208", "AC209", "AC210", "AC211", "AC213", "AC214",
        "AC215", "AC216", "AC217", "AC218", "AC219", "AC220", "AC221", "AC222", "AC223", "AC224",
        "AC225", "AC226", "AC227", "AC228");
    assertThat(infos()).allSatisfy(i -> assertThat(Rules.find(i.id())).contains(i));
  }

  @Test
  void namesAreTheCataloguesKebabCaseNames() {
    assertThat(infos()).extracting(RuleInfo::name).containsExactly("space-after-colon",
        "unknown-tag", "untagged-entry", "key-too-long", "ipv6-no-prefix", "ipv6-compressed",
        "ipv6-leading-zero", "cidr-or-wildcard", "dotdomain-without-feature",
        "host-key-ip-only-tag", "ip-key-name-only", "bracket-key", "trailing-dot", "null-sender",
        "to-reject-without-blocklist", "dead-bare-default", "greetpause-name-spoofable",
        "certdn-encoding", "tld-wide-key", "at-domain-key", "local-part-key", "connect-zero",
        "relay-public-prefix", "ipv4-octet-range", "tag-without-colon", "value-only-line",
        "lost-comment");
  }

  @Test
  void everyExplanationShowsAWrongAndARightExample() {
    assertThat(infos()).allSatisfy(i -> {
      assertThat(i.summary()).isNotBlank().doesNotEndWith(".");
      assertThat(i.explanation()).contains("Wrong", "Right");
    });
  }

  @Test
  void aCorrectMapDrawsNothingFromTheKeyRules() {
    List<Diagnostic> d = LintFixture.lint("""
        Connect:IPv6:2001:db8:0:0:0:0:0:1 REJECT
        Connect:192.168.1 RELAY
        Connect:127 RELAY
        Connect:example.com REJECT
        From:user@example.com REJECT
        From:user+*@example.com REJECT
        From:spammer@ REJECT
        To:example.net RELAY
        Spam:abuse@ FRIEND
        Try_TLS: NO
        Try_TLS:broken.example NO
        Try_TLS:192.0.2.25 NO
        Srv_Features: A P
        Srv_Features:10.1 a
        Clt_Features: M
        ClientRate: 10
        ClientRate:127 0
        ClientConn:IPv6:0:0:0:0:0:0:0:1 0
        GreetPause:192.0.2 0
        TLS_Srv:mx.example.com VERIFY:128+CITag:MyCAs
        MyCAs:/C=US/O=Example+20CA OK
        CERTISSUER:/C=US/O=Example+20CA/CN=Root RELAY
        AuthInfo:smarthost.example.com "U:smmsp" "P:secret" "M:PLAIN"
        Compat:a@example.com<@>b@example.com DISCARD
        """);
    assertThat(d).filteredOn(x -> x.ruleId().startsWith("AC2")).isEmpty();
  }
}
