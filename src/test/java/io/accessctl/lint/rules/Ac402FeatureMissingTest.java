package io.accessctl.lint.rules;

import static io.accessctl.cf.CfVariants.add;
import static io.accessctl.cf.CfVariants.remove;
import static io.accessctl.cf.CfVariants.replace;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.catalog.Catalog;
import io.accessctl.catalog.Tag;
import io.accessctl.cf.AccessMapSpec;
import io.accessctl.cf.CfFile;
import io.accessctl.cf.CfVariants;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Tag("oracle")
class Ac402FeatureMissingTest {
  /** One entry (two for QGRP) for every need; Connect: needs nothing but access_db. */
  static final String MAP = """
      Connect:192.0.2 REJECT
      GreetPause:192.0.2.1 0
      ClientRate:192.0.2.1 0
      ClientConn:192.0.2.1 0
      QGRP:example.com slow
      QGRP:example.net slow
      Compat:a@example.com<@>b@example.net DISCARD
      Spam:abuse@ FRIEND
      TLS_Srv_Features:192.0.2.1 Flags=C
      TLS_Clt_Features:mx.example.com Flags=C
      bcc:example.com yes
      AuthInfo:smarthost.example "U:me" "P:secret"
      From:boss@example.com RELAY
      From:example.org RELAY
      From:boss@ RELAY
      To:user@example.net RELAY
      To:example.net RELAY
      """;

  @TempDir
  Path dir;

  private static List<String> lines(List<Diagnostic> d) {
    return d.stream().map(x -> x.line() + " " + x.sourceText().split(" ")[0]).toList();
  }

  @Test
  void withDebiansCfTheTagsItsFeaturesLackAreReportedOncePerNeed() {
    List<Diagnostic> d = LintFixture.only("AC402", MAP, CfVariants.read(dir, "stock"));
    assertThat(lines(d)).containsExactly("5 QGRP:example.com", "7 Compat:a@example.com<@>b@example.net",
        "9 TLS_Srv_Features:192.0.2.1", "10 TLS_Clt_Features:mx.example.com", "11 bcc:example.com",
        "13 From:boss@example.com", "14 From:example.org", "15 From:boss@",
        "16 To:user@example.net");
    assertThat(d.get(0).message()).isEqualTo("QGRP: entries are never looked up with " + dir
        + "/stock.cf: it was built without FEATURE(`queuegroup'); add FEATURE(`queuegroup')dnl"
        + " after FEATURE(`access_db') in sendmail.mc (and a QUEUE_GROUP() for each group the"
        + " entries name) and rebuild sendmail.cf (the same for 1 more entry)");
    assertThat(d.get(5).message()).contains("sendmail treats RELAY here like OK",
        "add FEATURE(`relay_mail_from')dnl");
    assertThat(d.get(6).message()).contains("FEATURE(`relay_mail_from', `domain')");
    assertThat(d.get(8).message()).contains(
        "FEATURE(`access_db', , `skip', `relaytofulladdress')dnl");
  }

  @Test
  void withEveryFeatureOnlyTheBareLocalPartRelayRemains() {
    CfFile cf = CfVariants.read(dir, "all", add("FEATURE(`queuegroup')"),
        add("FEATURE(`compat_check')"), add("FEATURE(`tls_session_features')"),
        add("FEATURE(`bcc', `access')"), add("FEATURE(`relay_mail_from', `domain')"),
        replace("access_db", "FEATURE(`access_db', , `skip', `relaytofulladdress')"));
    assertThat(lines(LintFixture.only("AC402", MAP, cf))).containsExactly("15 From:boss@");
  }

  @Test
  void greetPauseMissingOrBeforeAccessDb() {
    String map = "GreetPause:192.0.2.1 0\n";
    assertThat(LintFixture.only("AC402", map, CfVariants.read(dir, "no-gp", remove("greet_pause"))))
        .singleElement().satisfies(x -> assertThat(x.message())
            .contains("it was built without FEATURE(`greet_pause')"));
    assertThat(LintFixture.only("AC402", map, CfVariants.read(dir, "gp-first", remove("greet_pause"),
        replace("access_db", "FEATURE(`greet_pause', `1000')dnl\nFEATURE(`access_db', , `skip')"))))
        .singleElement().satisfies(x -> assertThat(x.message())
            .contains("comes before FEATURE(`access_db')", "move it after access_db"));
  }

  @Test
  void ratecontrolAndConncontrolMissing() {
    CfFile cf = CfVariants.read(dir, "no-limits", remove("ratecontrol"), remove("conncontrol"));
    assertThat(lines(LintFixture.only("AC402", MAP, cf))).contains("3 ClientRate:192.0.2.1",
        "4 ClientConn:192.0.2.1");
  }

  @Test
  void spamNeedsFriendOrHaterAndTheAdviceFollowsTheValue() {
    CfFile cf = CfVariants.read(dir, "dc-plain", replace("delay_checks", "FEATURE(`delay_checks')"));
    assertThat(LintFixture.only("AC402", "Spam:abuse@ HATER\n", cf)).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("FEATURE(`delay_checks', `hater')dnl"));
    assertThat(LintFixture.only("AC402", "Spam:abuse@ FRIEND\n",
        CfVariants.read(dir, "hater", replace("delay_checks", "FEATURE(`delay_checks', `hater')"))))
        .isEmpty();
  }

  @Test
  void authInfoInTheAccessMapIsUnusedWithFeatureAuthinfo() {
    CfFile cf = CfVariants.read(dir, "authinfo", add("FEATURE(`authinfo')"));
    assertThat(LintFixture.only("AC402", "AuthInfo:smarthost.example \"U:me\" \"P:x\"\n", cf))
        .singleElement().satisfies(x -> assertThat(x.message())
            .contains("it has FEATURE(`authinfo')", "own authinfo map"));
  }

  @Test
  void cltFeaturesNeedsA8171CfAndTlsSessionFeatures8161() {
    CfFile old = CfVariants.excerpt("upstream-8.16.1-excerpt.cf");
    // the excerpt keeps the rules of D, clt_features and the tls_*_features rulesets only
    assertThat(lines(LintFixture.only("AC402",
        "Clt_Features: M\nClt_Features:mx.example S\nTLS_Srv_Features:192.0.2.1 Flags=C\n", old)))
        .containsExactly("1 Clt_Features:");
    assertThat(LintFixture.only("AC402", "Clt_Features: M\nClt_Features:mx.example S\n", old)
        .get(0).message()).contains(
        "it has no clt_features ruleset, which came with sendmail 8.17.1", "(the same for 1 more");
    CfFile older = CfFile.of(Path.of("old.cf"), "8.15.2",
        new AccessMapSpec("hash", "/etc/mail/access", false, false, false, false),
        Set.of(Feature.ACCESS_DB), Set.of());
    assertThat(LintFixture.only("AC402", "TLS_Clt_Features:mx.example Flags=C\n", older))
        .singleElement().satisfies(x -> assertThat(x.message())
            .contains("it needs sendmail 8.16.1 or later; this cf is for 8.15.2"));
  }

  @Test
  void silentWithoutACfAndWithoutAccessDb() {
    assertThat(LintFixture.only("AC402", MAP)).isEmpty();
    CfFile bare = CfFile.of(Path.of("x.cf"), "8.17.1.9", null, Set.of(), Set.of());
    assertThat(LintFixture.only("AC402", MAP, bare)).isEmpty();
  }

  @Test
  void everyCatalogueTagThatNeedsAFeatureIsCheckedExceptToRejections() {
    CfFile minimal = CfFile.of(Path.of("min.cf"), "8.17.1.9",
        new AccessMapSpec("hash", "/etc/mail/access", false, false, false, false),
        Set.of(Feature.ACCESS_DB), Set.of());
    for (Tag t : Catalog.stock().tags()) {
      if (t.feature().isEmpty() || t.name().equals("To")) {
        continue; // To: rejections without blocklist_recipients are AC216's
      }
      assertThat(LintFixture.only("AC402", t.name() + ":example.com x\n", minimal))
          .as("AC402 knows what %s: needs (%s)", t.name(), t.feature()).hasSize(1);
    }
  }
}
