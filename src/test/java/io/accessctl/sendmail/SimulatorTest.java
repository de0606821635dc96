package io.accessctl.sendmail;

import static io.accessctl.sendmail.Maps.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.tokens.Limits;
import io.accessctl.tokens.TokenText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What sendmail 8.17.1.9 (Debian's cf) looks up per tag, and what the value makes it do, as the
 * {@code --no-cf} model answers ({@link CfAnswersTest} asks the cf's own rules the same).
 */
class SimulatorTest {
  static final Rules DEBIAN = Maps.debian();

  /** What answers the questions of these tests: the model, over these map lines. */
  Answers sim(Rules rules, String... lines) {
    return Maps.sim(rules, lines);
  }

  @Test
  void tryTlsWalksTheServerNameThenItsParentsThenTheAddressThenTheBareTag() {
    Answers s = sim(DEBIAN, "Srv_Features:luna.bagoona.com v");
    Answer a = ask(s, "Try_TLS", "luna.bagoona.com", "123.45.67.89");
    assertThat(a.tried()).containsExactly("try_tls:luna.bagoona.com", "try_tls:bagoona.com",
        "try_tls:com", "try_tls:123.45.67.89", "try_tls:123.45.67", "try_tls:123.45",
        "try_tls:123", "try_tls:");
    assertThat(a.effect().code()).isEqualTo("starttls");
    assertThat(a.hints()).anyMatch(h -> h.contains("not the recipient's domain"));
  }

  @Test
  void tryTlsNoOnAParentDomainStopsTheWalkAndDisablesStarttls() {
    Answers s = sim(DEBIAN, "Try_TLS:bagoona.com NO", "Srv_Features:my.domain v",
        "Srv_Features: V");
    Answer a = ask(s, "Try_TLS", "luna.bagoona.com", "123.45.67.89");
    assertThat(a.tried()).containsExactly("try_tls:luna.bagoona.com", "try_tls:bagoona.com");
    assertThat(a.match().orElseThrow().key()).isEqualTo("Try_TLS:bagoona.com");
    assertThat(a.result()).contains("NO");
    assertThat(a.effect().code()).isEqualTo("no-starttls");
  }

  @Test
  void onlyTheSingleWordNoDisablesStarttls() {
    for (String v : List.of("no", " No\r", "NO")) {
      assertThat(ask(sim(DEBIAN, "Try_TLS:x.example " + v), "Try_TLS", "x.example", null)
          .effect().code()).as(v).isEqualTo("no-starttls");
    }
    for (String v : List.of("NO # broken", "YES", "\"NO\"", "NO YES", "NOPE")) {
      Answer a = ask(sim(DEBIAN, "Try_TLS:x.example " + v), "Try_TLS", "x.example", null);
      assertThat(a.effect().code()).as(v).isEqualTo("starttls");
    }
    assertThat(ask(sim(DEBIAN, "Try_TLS:x.example NO # broken"), "Try_TLS", "x.example", null)
        .effect().summary()).contains("inline \"# comment\"");
  }

  @Test
  void aTrailingDotFromALogLineIsRemovedForTheServerNameAndTheTraceSaysSo() {
    Answer a = ask(sim(DEBIAN, "Try_TLS:mx.example.com NO"), "Try_TLS", "mx.example.com.",
        "192.0.2.7");
    assertThat(a.name()).isEqualTo("mx.example.com");
    assertThat(a.tried()).containsExactly("try_tls:mx.example.com");
    assertThat(a.notes()).anyMatch(n -> n.contains("trailing dot removed")
        && n.contains("{server_name}"));
  }

  @Test
  void literalQueriesWalkATrailingDotLikeSendmailBt() {
    Answers s = sim(DEBIAN);
    Answer a = s.lookup(Query.of(Maps.tag("Try_TLS"), "a.b.", java.util.Optional.of("1.2.3.4"))
        .asLiteral());
    assertThat(a.tried()).startsWith("try_tls:a.b.", "try_tls:b.");
  }

  @Test
  void withoutAnAddressTheAddressWalkIsLeftOutAndTheOutputSaysSo() {
    Answer a = ask(sim(DEBIAN), "Try_TLS", "mx.example.org", null);
    assertThat(a.tried()).containsExactly("try_tls:mx.example.org", "try_tls:example.org",
        "try_tls:org", "try_tls:");
    assertThat(a.notes()).anyMatch(n -> n.contains("no address given"));
  }

  @Test
  void ipv6AddressesAreWrittenInFullFormAndWalkedGroupByGroup() {
    Answer a = ask(sim(DEBIAN, "Connect:IPv6:2001:db8 REJECT"), "Connect", "", "2001:DB8::1");
    assertThat(a.addr()).contains("IPv6:2001:db8:0:0:0:0:0:1");
    assertThat(a.tried()).containsExactly("connect:ipv6:2001:db8:0:0:0:0:0:1",
        "ipv6:2001:db8:0:0:0:0:0:1", "connect:ipv6:2001:db8:0:0:0:0:0",
        "ipv6:2001:db8:0:0:0:0:0", "connect:ipv6:2001:db8:0:0:0:0", "ipv6:2001:db8:0:0:0:0",
        "connect:ipv6:2001:db8:0:0:0", "ipv6:2001:db8:0:0:0", "connect:ipv6:2001:db8:0:0",
        "ipv6:2001:db8:0:0", "connect:ipv6:2001:db8:0", "ipv6:2001:db8:0",
        "connect:ipv6:2001:db8");
    assertThat(a.effect().code()).isEqualTo("reject");
  }

  @Test
  void bracketedNamesAreShortenedInsideTheBrackets() {
    Answer a = ask(sim(DEBIAN), "Srv_Features", "[192.0.2.1]", "192.0.2.1");
    assertThat(a.tried()).startsWith("srv_features:[192.0.2.1]", "srv_features:[192.0.2]",
        "srv_features:[192.0]", "srv_features:[192]", "srv_features:192.0.2.1");
  }

  @Test
  void srvFeaturesReadsOnlyTheFirstCharacterOfEachWord() {
    assertThat(ask(sim(DEBIAN, "Srv_Features:c.example PD"), "Srv_Features", "c.example", "10.0.0.1")
        .effect().code()).isEqualTo("flags P");
    assertThat(ask(sim(DEBIAN, "Srv_Features:c.example A P"), "Srv_Features", "c.example",
        "10.0.0.1").effect().code()).isEqualTo("flags A P");
    assertThat(ask(sim(DEBIAN, "Srv_Features:c.example Tempfail now"), "Srv_Features",
        "c.example", "10.0.0.1").effect().code()).isEqualTo("tempfail");
    Answer unknown = ask(sim(DEBIAN, "Srv_Features:c.example Z q"), "Srv_Features", "c.example",
        "10.0.0.1");
    assertThat(unknown.effect().code()).isEqualTo("defaults");
    assertThat(unknown.effect().summary()).contains("Ignored").contains("Z q");
  }

  @Test
  void theBareSrvFeaturesDefaultIsReachedAfterTheAddressWalk() {
    // "Srv_Features: V" makes the key "srv_features:" with the value "V" (makemap reads the
    // blank after the colon as the separator).
    Answers s = sim(DEBIAN, "Srv_Features:my.domain v", "Srv_Features: V");
    Answer a = ask(s, "Srv_Features", "host.other.example", "10.1.2.3");
    assertThat(a.match().orElseThrow().storedKey()).isEqualTo("srv_features:");
    assertThat(a.effect().code()).isEqualTo("flags V");
    assertThat(a.hints()).anyMatch(h -> h.contains("bare srv_features: default"));
  }

  /** A Connect question whose host walk ends at a SKIP and whose address walk finds an error. */
  Answer skipWalk() {
    Answers s = sim(DEBIAN, "Connect:skip.bad.example SKIP", "bad.example REJECT",
        "Connect:192.0.2 ERROR:5.7.1:\"550 go away\"");
    return ask(s, "Connect", "skip.bad.example", "192.0.2.9");
  }

  @Test
  void skipEndsTheHostWalkButTheAddressWalkGoesOn() {
    Answer a = skipWalk();
    assertThat(a.tried()).containsExactly("connect:skip.bad.example", "connect:192.0.2.9",
        "192.0.2.9", "connect:192.0.2");
    assertThat(a.probes().get(0).skipped()).isTrue();
    assertThat(a.effect().code()).isEqualTo("error 5.7.1");
  }

  @Test
  void skipAsABareDefaultIsJustAValueReadAsTheFlagS() {
    Answer a = ask(sim(DEBIAN, "Srv_Features: SKIP"), "Srv_Features", "c.example", "10.0.0.1");
    assertThat(a.effect().code()).isEqualTo("flags S");
  }

  @Test
  void connectTriesUntaggedKeysAfterEachTaggedOne() {
    Answer a = ask(sim(DEBIAN, "bad.example REJECT"), "Connect", "h.bad.example", "1.1.1.1");
    assertThat(a.tried()).containsExactly("connect:h.bad.example", "h.bad.example",
        "connect:bad.example", "bad.example");
    assertThat(a.effect().code()).isEqualTo("reject");
    assertThat(a.effect().summary()).contains("550 5.7.1 Access denied");
  }

  @Test
  void anUnknownKeywordRejectsWithItsOwnText() {
    Answer a = ask(sim(DEBIAN, "Connect:10.1 ACCEPT"), "Connect", "", "10.1.2.3");
    assertThat(a.effect().code()).isEqualTo("error");
    assertThat(a.effect().summary()).contains("ACCEPT");
  }

  @Test
  void cltFeaturesOn8171IgnoresTheServerAndInAQueueRunSeesOnlyTheBareTag() {
    Answer a = ask(sim(DEBIAN, "Clt_Features:broken.sts M", "Clt_Features: D"), "Clt_Features",
        "broken.sts", null);
    assertThat(a.tried()).containsExactly("clt_features:");
    assertThat(a.effect().code()).isEqualTo("flags D");
    assertThat(a.notes()).anyMatch(n -> n.contains("ignores the server"));
  }

  @Test
  void cltFeaturesFrom8172LooksUpTheServerNameAndNoAddress() {
    Rules r = Maps.rules(Maps.UPSTREAM_8172);
    Answer a = ask(sim(r, "Clt_Features:sts.example M"), "Clt_Features", "mx.sts.example.",
        "192.0.2.1");
    assertThat(a.tried()).containsExactly("clt_features:mx.sts.example",
        "clt_features:.sts.example", "clt_features:sts.example");
    assertThat(a.effect().code()).isEqualTo("flags M");
  }

  @Test
  void greetPauseHasNoBareDefaultButTheFeatureArgument() {
    Answer a = ask(sim(DEBIAN, "GreetPause: 5000"), "GreetPause", "c.example", "10.0.0.1");
    assertThat(a.tried()).doesNotContain("greetpause:");
    assertThat(a.effect().code()).isEqualTo("pause 1000");
    assertThat(ask(sim(DEBIAN, "GreetPause:10.0 5s"), "GreetPause", "c.example", "10.0.0.1")
        .effect().code()).isEqualTo("pause 5");
  }

  @Test
  void clientRateIsReadWithStrtolBaseZeroAndNamesAreNeverLookedUp() {
    Answer a = ask(sim(DEBIAN, "ClientRate:10.0.0 010"), "ClientRate", "", "10.0.0.1");
    assertThat(a.tried()).containsExactly("clientrate:10.0.0.1", "clientrate:10.0.0");
    assertThat(a.effect().code()).isEqualTo("limit 8");
    assertThat(ask(sim(DEBIAN, "ClientConn: 0"), "ClientConn", "", "10.0.0.1").effect().code())
        .isEqualTo("unlimited");
    assertThat(ask(sim(DEBIAN, "ClientRate:10 abc"), "ClientRate", "", "10.0.0.1").effect()
        .code()).isEqualTo("limit 0");
  }

  @Test
  void fromTriesTheAddressWithDetailVariantsThenTheLocalPartThenTheDomain() {
    Answer a = ask(sim(DEBIAN, "From:cyberspammer.com REJECT"), "From",
        "joe+list@mx.cyberspammer.com", null);
    assertThat(a.tried()).containsExactly("from:joe+list@mx.cyberspammer.com",
        "joe+list@mx.cyberspammer.com", "from:joe+*@mx.cyberspammer.com",
        "joe+*@mx.cyberspammer.com", "from:joe@mx.cyberspammer.com", "joe@mx.cyberspammer.com",
        "from:joe+list@", "joe+list@", "from:joe+*@", "joe+*@", "from:joe@", "joe@",
        "from:mx.cyberspammer.com", "mx.cyberspammer.com", "from:cyberspammer.com");
    assertThat(a.effect().code()).isEqualTo("reject");
  }

  @Test
  void theNullSenderIsAcceptedBeforeAnyLookup() {
    Answer a = ask(sim(DEBIAN, "From:<> REJECT"), "From", "<>", null);
    assertThat(a.tried()).isEmpty();
    assertThat(a.effect().code()).isEqualTo("accept");
  }

  @Test
  void toOnlyRelaysWithoutBlocklistRecipients() {
    assertThat(ask(sim(DEBIAN, "To:example.org REJECT"), "To", "u@mx.example.org", null)
        .effect().code()).isEqualTo("ignored");
    assertThat(ask(sim(DEBIAN, "To:example.org RELAY"), "To", "u@mx.example.org", null)
        .effect().code()).isEqualTo("relay");
  }

  @Test
  void spamFriendSkipsTheChecksInFriendMode() {
    Answer a = ask(sim(DEBIAN, "Spam:abuse@ FRIEND", "Spam:example.org FRIEND"), "Spam",
        "abuse@example.org", null);
    assertThat(a.tried()).containsExactly("spam:abuse@example.org", "spam:example.org");
    assertThat(a.effect().code()).isEqualTo("friend");
  }

  @Test
  void tlsRcptEndsWithTheBareTagAndReadsTheRequirement() {
    Answer a = ask(sim(DEBIAN, "TLS_Rcpt: ENCR:128"), "TLS_Rcpt", "luke@endmail.org", null);
    assertThat(a.tried()).containsExactly("tls_rcpt:luke@endmail.org", "tls_rcpt:luke@",
        "tls_rcpt:endmail.org", "tls_rcpt:org", "tls_rcpt:");
    assertThat(a.effect().code()).isEqualTo("require ENCR:128");
  }

  @Test
  void tlsRequirementsCarryTheirErrorCode() {
    Answer a = ask(sim(DEBIAN, "TLS_Srv:mx.example PERM + verify:0x80"), "TLS_Srv", "mx.example",
        "192.0.2.1");
    assertThat(a.effect().code()).isEqualTo("require PERM+VERIFY:0x80");
    assertThat(a.effect().summary()).contains("128 bits").contains("503 5.7.0");
    assertThat(ask(sim(DEBIAN, "TLS_Srv:mx.example REQUIRE"), "TLS_Srv", "mx.example", null)
        .effect().code()).isEqualTo("none");
  }

  @Test
  void authInfoDoesNotPrintThePassword() {
    Answer a = ask(sim(DEBIAN, "AuthInfo:relay.example \"U:joe\" \"P:secret\""), "AuthInfo",
        "relay.example", null);
    assertThat(a.effect().code()).isEqualTo("credentials");
    assertThat(a.effect().summary()).contains("user joe").doesNotContain("secret\"")
        .contains("password (secret)");
  }

  @Test
  void withoutACfTheNewestRulesAreAssumedAndSaid() {
    Rules r = Rules.assumed();
    Answer a = ask(sim(r, "Clt_Features:mx.example M"), "Clt_Features", "mx.example", null);
    assertThat(a.effect().code()).isEqualTo("flags M");
    assertThat(r.source()).contains("assuming").contains(Rules.NEWEST);
    assertThat(TraceText.render(a)).contains("assumed:").contains("clt_features looks up the"
        + " server name");
  }

  @Test
  void keysLongerThan256BytesAreCutLikeSendmailCutsThem() {
    String longName = "a".repeat(300) + ".example";
    Answer a = ask(sim(DEBIAN), "Try_TLS", longName, null);
    assertThat(a.probes().get(0).storedKey()).hasSize(Limits.MAXNAME);
    assertThat(a.probes().get(0).key()).hasSize("Try_TLS:".length() + longName.length());
  }

  @Test
  void percentZeroInAValueBecomesTheKey() {
    Answer a = ask(sim(DEBIAN, "Connect:192.0.2 ERROR:\"550 blocked [%0] [%1] 100%% 5%x\""),
        "Connect", "", "192.0.2.55");
    assertThat(TokenText.print(a.value())).isEqualTo(
        "ERROR : \"550 blocked [Connect:192.0.2] [] 100% 5%x\"");
  }

  @Test
  void theTextTraceReadsNaturally() {
    Answers s = sim(DEBIAN, "Try_TLS:bagoona.com NO", "Srv_Features:my.domain v",
        "Srv_Features: V");
    String text = TraceText.render(ask(s, "Try_TLS", "luna.bagoona.com", "123.45.67.89"));
    assertThat(text).contains("Try_TLS lookup for luna.bagoona.com [123.45.67.89]")
        .contains("1. Try_TLS:luna.bagoona.com").contains("not found")
        .contains("2. Try_TLS:bagoona.com").contains("found: NO")
        .contains("Effect:  sendmail will NOT use STARTTLS with luna.bagoona.com");
  }
}
