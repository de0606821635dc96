package io.accessctl.cf;

import static io.accessctl.cf.CfVariants.add;
import static io.accessctl.cf.CfVariants.remove;
import static io.accessctl.cf.CfVariants.replace;
import static io.accessctl.cf.Feature.ACCESS_DB;
import static io.accessctl.cf.Feature.AUTHINFO;
import static io.accessctl.cf.Feature.BCC;
import static io.accessctl.cf.Feature.BLOCKLIST_RECIPIENTS;
import static io.accessctl.cf.Feature.COMPAT_CHECK;
import static io.accessctl.cf.Feature.COMPRESSED_IPV6;
import static io.accessctl.cf.Feature.CONNCONTROL;
import static io.accessctl.cf.Feature.DELAY_CHECKS_FRIEND;
import static io.accessctl.cf.Feature.DELAY_CHECKS_HATER;
import static io.accessctl.cf.Feature.GREET_PAUSE;
import static io.accessctl.cf.Feature.LOOKUPDOTDOMAIN;
import static io.accessctl.cf.Feature.QUEUEGROUP;
import static io.accessctl.cf.Feature.RATECONTROL;
import static io.accessctl.cf.Feature.RELAYTOFULLADDRESS;
import static io.accessctl.cf.Feature.RELAY_MAIL_FROM;
import static io.accessctl.cf.Feature.RELAY_MAIL_FROM_DOMAIN;
import static io.accessctl.cf.Feature.SKIP;
import static io.accessctl.cf.Feature.TLS_FALLBACK_TO_CLEAR;
import static io.accessctl.cf.Feature.TLS_SESSION_FEATURES;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.CfVariants.Edit;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CfFile on sendmail.cf files that the installed m4 and sendmail-cf make from Debian's sendmail.mc
 * with one thing changed: each feature's signature is proved on real m4 output, and every near
 * miss (a feature that changes the rules but not the access map's use) leaves the set unchanged.
 */
@Tag("oracle")
class CfFileOracleTest {
  /** What Debian 12's stock sendmail.mc has. */
  static final Set<Feature> DEBIAN = EnumSet.of(ACCESS_DB, SKIP, GREET_PAUSE, RATECONTROL,
      CONNCONTROL, DELAY_CHECKS_FRIEND);

  @TempDir
  Path dir;

  @Test
  void theUnmodifiedDebianMcReproducesTheInstalledCf() throws IOException {
    Oracle.require(Oracle.STOCK_CF);
    Path made = CfVariants.generate(dir, "sendmail");
    assertThat(commands(made)).isEqualTo(commands(Path.of(Oracle.STOCK_CF)));
  }

  @Test
  void debiansInstalledCfHasDebiansFeaturesVersionAndTrustedUser() throws IOException {
    Oracle.require(Oracle.STOCK_CF);
    CfFile cf = CfFile.read(Path.of(Oracle.STOCK_CF));
    assertThat(cf.features()).isEqualTo(DEBIAN);
    assertThat(cf.version()).isEqualTo("8.17.1.9");
    assertThat(cf.trustedUser()).contains("smmta");
    assertThat(cf.accessMap()).contains(
        new AccessMapSpec("hash", "/etc/mail/access", false, false, false, false));
    assertThat(cf.skippedByConnectOk()).isEmpty();
    assertThat(cf.hasRuleset("clt_features")).isTrue();
    assertThat(cf.lookupTags()).contains("Connect", "From", "To", "Spam", "GreetPause",
        "ClientRate", "ClientConn", "Try_TLS", "Srv_Features", "Clt_Features", "TLS_Srv",
        "TLS_Clt", "TLS_Rcpt", "AuthInfo", "CERTISSUER", "CERTSUBJECT");
  }

  static Stream<Arguments> variants() {
    return Stream.of(
        variant("stock", DEBIAN),
        variant("no-skip", minus(SKIP), replace("access_db", "FEATURE(`access_db')")),
        variant("lookupdotdomain", plus(LOOKUPDOTDOMAIN), add("FEATURE(`lookupdotdomain')")),
        variant("lookupdotdomain-option", swap(SKIP, LOOKUPDOTDOMAIN),
            replace("access_db", "FEATURE(`access_db', , `lookupdotdomain')")),
        variant("blocklist", plus(BLOCKLIST_RECIPIENTS), add("FEATURE(`blocklist_recipients')")),
        variant("blacklist", plus(BLOCKLIST_RECIPIENTS), add("FEATURE(`blacklist_recipients')")),
        variant("relaytofulladdress", plus(RELAYTOFULLADDRESS),
            replace("access_db", "FEATURE(`access_db', , `skip', `relaytofulladdress')")),
        variant("relay_mail_from", plus(RELAY_MAIL_FROM), add("FEATURE(`relay_mail_from')")),
        variant("relay_mail_from-domain", plus(RELAY_MAIL_FROM, RELAY_MAIL_FROM_DOMAIN),
            add("FEATURE(`relay_mail_from', `domain')")),
        variant("hater", swap(DELAY_CHECKS_FRIEND, DELAY_CHECKS_HATER),
            replace("delay_checks", "FEATURE(`delay_checks', `hater', `n')")),
        variant("delay_checks-plain", minus(DELAY_CHECKS_FRIEND),
            replace("delay_checks", "FEATURE(`delay_checks')")),
        variant("delay_checks-friend-compat", DEBIAN,
            replace("delay_checks", "FEATURE(`delay_checks', `friend')")),
        variant("no-greet_pause", minus(GREET_PAUSE), remove("greet_pause")),
        variant("greet_pause-first", minus(GREET_PAUSE), remove("greet_pause"),
            replace("access_db", "FEATURE(`greet_pause', `1000')dnl\nFEATURE(`access_db', , `skip')")),
        variant("no-ratecontrol", minus(RATECONTROL), remove("ratecontrol")),
        variant("no-conncontrol", minus(CONNCONTROL), remove("conncontrol")),
        variant("ratecontrol-delayed", DEBIAN, replace("ratecontrol", "FEATURE(`ratecontrol')")),
        variant("queuegroup", plus(QUEUEGROUP), add("FEATURE(`queuegroup')")),
        variant("compat_check", plus(COMPAT_CHECK), add("FEATURE(`compat_check')")),
        variant("tls_session_features", plus(TLS_SESSION_FEATURES),
            add("FEATURE(`tls_session_features')")),
        variant("fallback", plus(TLS_FALLBACK_TO_CLEAR),
            add("define(`confTLS_FALLBACK_TO_CLEAR', `true')")),
        variant("tls_failures", plus(TLS_FALLBACK_TO_CLEAR), add("FEATURE(`tls_failures')")),
        variant("compressed-ipv6", plus(COMPRESSED_IPV6),
            add("define(`confUSE_COMPRESSED_IPV6_ADDRESSES', `true')")),
        variant("authinfo", plus(AUTHINFO), add("FEATURE(`authinfo')")),
        variant("bcc", plus(BCC), add("FEATURE(`bcc', `access')")),
        variant("relay_hosts_only", DEBIAN, add("FEATURE(`relay_hosts_only')")),
        variant("use_client_ptr", DEBIAN, add("FEATURE(`use_client_ptr')")),
        variant("dnsbl", DEBIAN, add("FEATURE(`dnsbl', `bl.example')")),
        variant("no-access_db", EnumSet.noneOf(Feature.class), remove("access_db"),
            remove("greet_pause"), remove("conncontrol"), remove("ratecontrol"),
            replace("delay_checks", "FEATURE(`delay_checks')")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void eachFeatureIsDetectedInRealM4Output(String name, Set<Feature> expected, List<Edit> edits) {
    CfFile cf = CfVariants.read(dir, name, edits.toArray(Edit[]::new));
    assertThat(cf.features()).as("features of %s (%s)", name, edits).isEqualTo(expected);
    assertThat(cf.accessMap().isPresent()).isEqualTo(expected.contains(ACCESS_DB));
  }

  @Test
  void greetPauseBeforeAccessDbLeavesARulesetThatNeverLooksInTheMap() {
    CfFile cf = CfVariants.read(dir, "gp-first", remove("greet_pause"),
        replace("access_db", "FEATURE(`greet_pause', `1000')dnl\nFEATURE(`access_db', , `skip')"));
    assertThat(cf.hasRuleset("greet_pause")).isTrue();
    assertThat(cf.has(GREET_PAUSE)).isFalse();
    assertThat(cf.lookupTags()).doesNotContain("GreetPause");
  }

  @Test
  void checksAfterTheConnectLookupAreWhatConnectOkSkips() {
    assertThat(CfVariants.read(dir, "stock").skippedByConnectOk()).isEmpty();
    assertThat(CfVariants.read(dir, "delayed",
        replace("ratecontrol", "FEATURE(`ratecontrol')"),
        replace("conncontrol", "FEATURE(`conncontrol')"),
        add("FEATURE(`dnsbl', `bl.example')"),
        add("FEATURE(`enhdnsbl', `bl2.example', `\"550 listed\"', `t')"),
        add("FEATURE(`require_rdns')")).skippedByConnectOk())
        .containsExactly(
            "the ClientRate: limits of FEATURE(`ratecontrol') (not `nodelay')",
            "the ClientConn: limits of FEATURE(`conncontrol') (not `nodelay')",
            "the DNS blocklist bl.example",
            "the DNS blocklist bl2.example",
            "the reverse-DNS check of FEATURE(`require_rdns')");
  }

  @Test
  void aMapSpecInTheFeatureBecomesTheKLineWithItsFlags() {
    CfFile cf = CfVariants.read(dir, "kspec",
        replace("access_db", "FEATURE(`access_db', `btree -o -f -N /var/lib/access', `skip')"));
    assertThat(cf.accessMap()).contains(
        new AccessMapSpec("btree", "/var/lib/access", true, false, true, true));
    assertThat(cf.has(SKIP)).isTrue();
  }

  @Test
  void queueGroupsComeFromQLines() {
    CfFile cf = CfVariants.read(dir, "qgroups",
        add("QUEUE_GROUP(`slow', `P=/var/spool/mqueue/slow, F=f')"),
        add("QUEUE_GROUP(`bulk', `P=/var/spool/mqueue/bulk')"),
        add("FEATURE(`queuegroup', `slow')"));
    assertThat(cf.queueGroups()).containsExactlyInAnyOrder("slow", "bulk");
    assertThat(cf.has(QUEUEGROUP)).isTrue();
  }

  @Test
  void theMcBesideTheCfIsReadForItsActiveFeatures() {
    CfFile cf = CfVariants.read(dir, "tlsfail", add("FEATURE(`tls_failures')"));
    McFile mc = cf.mc().orElseThrow();
    assertThat(mc.path()).isEqualTo(dir.resolve("tlsfail.mc").toAbsolutePath());
    assertThat(mc.feature("tls_failures")).hasValueSatisfying(c ->
        assertThat(c.text()).isEqualTo("FEATURE(`tls_failures')"));
    assertThat(mc.feature("access_db")).isPresent();
    assertThat(mc.feature("no_such_feature")).isEmpty();
  }

  /** The cf's commands: everything but comments and empty lines. */
  private static List<String> commands(Path cf) throws IOException {
    return Files.readAllLines(cf, StandardCharsets.ISO_8859_1).stream()
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  private static Arguments variant(String name, Set<Feature> expected, Edit... edits) {
    return Arguments.of(name, expected, List.of(edits));
  }

  private static Set<Feature> plus(Feature... f) {
    Set<Feature> s = EnumSet.copyOf(DEBIAN);
    s.addAll(List.of(f));
    return s;
  }

  private static Set<Feature> swap(Feature out, Feature in) {
    Set<Feature> s = minus(out);
    s.add(in);
    return s;
  }

  private static Set<Feature> minus(Feature... f) {
    Set<Feature> s = EnumSet.copyOf(DEBIAN);
    List.of(f).forEach(s::remove);
    return s;
  }
}
