package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lookup TAG NAME} with a cf runs the cf's own rules: keys of local rules show up, the
 * delay_checks timing is said, session macros count, and a cf that cannot answer says so in one
 * line with exit status 1 (3 when it cannot be compiled).
 */
class LookupCfRulesTest {
  private static final Path DEBIAN = Path.of("src/test/resources/sendmail/debian-8.17.1.9.cf");

  @TempDir
  Path dir;

  private Path map(String... lines) throws IOException {
    Path p = dir.resolve("access");
    Files.writeString(p, String.join("\n", lines) + "\n");
    return p;
  }

  /** Debian's cf with {@code from} replaced by {@code to}. */
  private Path cf(String from, String to) throws IOException {
    String text = Files.readString(DEBIAN, StandardCharsets.ISO_8859_1);
    assertThat(text).contains(from);
    Path p = dir.resolve("sendmail.cf");
    Files.writeString(p, text.replace(from, to), StandardCharsets.ISO_8859_1);
    return p;
  }

  /** {@code lookup Try_TLS x.example} on Debian's cf with its try_tls S line replaced. */
  private Cli.Run tryTlsWith(String tryTls) throws IOException {
    Path cf = cf("Stry_tls\n", tryTls);
    return Cli.run("lookup", "--map", map("Try_TLS:x.example NO").toString(), "--cf",
        cf.toString(), "Try_TLS", "x.example");
  }

  @Test
  void aLocalRulesetsSiteLookupIsTracedAndDecides() throws IOException {
    Path cf = cf("SLocal_check_relay\n", "SLocal_check_relay\n"
        + "R$*\t\t$: < $(access Site:$&{client_name} $: ? $) >\n"
        + "R<REJECT>\t$#error $@ 5.7.1 $: \"550 site blocked\"\n");
    Cli.Run r = Cli.run("lookup", "--map", map("Site:mx.bad.example REJECT",
        "Connect:192.0.2 OK").toString(), "--cf", cf.toString(), "Connect", "mx.bad.example",
        "--addr", "192.0.2.7");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Site:mx.bad.example")
        .contains("found: REJECT").contains("[Site: check]")
        .contains("at RCPT time (delay_checks")
        .contains("Effect:  the rules return $# error $@ 5 . 7 . 1 $: \"550 site blocked\"")
        .doesNotContain("Connect:192.0.2 ");
    Cli.Run json = Cli.run("lookup", "--map", dir.resolve("access").toString(), "--cf",
        cf.toString(), "--format", "json", "Connect", "mx.bad.example", "--addr", "192.0.2.7");
    assertThat(json.out()).contains("\"result\":\"REJECT\"")
        .contains("\"key\":\"site:mx.bad.example\"").contains("\"effect\":\"error 5.7.1\"");
  }

  @Test
  void underDelayChecksTheConnectWalkRunsAtRcptTimeForTheRecipientGiven() throws IOException {
    String access = map("Spam:abuse@ FRIEND", "Connect:192.0.2 REJECT").toString();
    Cli.Run r = Cli.run("lookup", "--map", access, "--cf", DEBIAN.toString(), "Connect",
        "c.example", "--addr", "192.0.2.7", "--rcpt", "abuse");
    assertThat(r.exit()).as(r.err()).isZero();
    // FRIEND for the recipient skips the client checks: no Connect: key is looked up
    assertThat(r.out()).contains("Spam:abuse@").contains("found: FRIEND")
        .doesNotContain("Connect:192.0.2").contains("returns: SPAMFRIEND");
    Cli.Run json = Cli.run("lookup", "--map", access, "--cf", DEBIAN.toString(), "--format",
        "json", "Connect", "c.example", "--addr", "192.0.2.7", "--rcpt", "abuse");
    assertThat(json.out()).contains("\"key\":null,\"tried\":[],\"effect\":\"continue\"");
    Cli.Run postmaster = Cli.run("lookup", "--map", dir.resolve("access").toString(), "--cf",
        DEBIAN.toString(), "--format", "json", "Connect", "c.example", "--addr", "192.0.2.7");
    assertThat(postmaster.out()).contains("\"key\":\"connect:192.0.2\"")
        .contains("\"effect\":\"reject\"");
  }

  @Test
  void jsonTriedEndsAtTheDecidingKeyAndTheTraceShowsTheOtherChecksAfterIt() throws IOException {
    String access = map("To:example.org REJECT").toString();
    Cli.Run json = Cli.run("lookup", "--map", access, "--cf", DEBIAN.toString(), "--format",
        "json", "To", "u@mx.example.org", "--client", "c.example", "--client-addr", "192.0.2.7");
    assertThat(json.out()).contains("\"key\":\"to:example.org\"")
        .contains("\"to:example.org\"],\"effect\":\"error 5.7.1\"");
    Cli.Run text = Cli.run("lookup", "--map", access, "--cf", DEBIAN.toString(), "To",
        "u@mx.example.org", "--client", "c.example", "--client-addr", "192.0.2.7");
    assertThat(text.out()).contains("To:example.org decides; the keys after it belong to other"
        + " checks").contains("Connect:192.0.2.7").contains("550 Relaying denied");
  }

  @Test
  void tlsMacrosAreTheSessionsAndTheEffectSaysHowItFares() throws IOException {
    String access = map("TLS_Srv:mx.example VERIFY").toString();
    Cli.Run verified = Cli.run("lookup", "--map", access, "--cf", DEBIAN.toString(),
        "TLS_Srv", "mx.example", "--addr", "192.0.2.1", "--define", "verify=OK");
    assertThat(verified.out()).contains("rules accept");
    Cli.Run failed = Cli.run("lookup", "--map", access, "--cf", DEBIAN.toString(),
        "TLS_Srv", "mx.example", "--addr", "192.0.2.1", "--define", "verify=FAIL");
    assertThat(failed.out()).contains("rules refuse").contains("authentication failed");
    Cli.Run json = Cli.run("lookup", "--map", access, "--cf", DEBIAN.toString(), "--format",
        "json", "TLS_Srv", "mx.example", "--define", "verify=FAIL");
    assertThat(json.out()).contains("\"effect\":\"require VERIFY\"");
  }

  @Test
  void cltFeaturesOf8171ReadsTheClientGivenWithClient() throws IOException {
    Cli.Run r = Cli.run("lookup", "--map", map("Clt_Features:in.example M").toString(), "--cf",
        DEBIAN.toString(), "--format", "json", "Clt_Features", "mx.out.example", "--client",
        "in.example", "--client-addr", "192.0.2.9");
    assertThat(r.out()).contains("\"tried\":[\"clt_features:in.example\"]")
        .contains("\"effect\":\"flags M\"");
  }

  @Test
  void aTagNoCCodeNamesIsAskedOfTheRulesetThatLooksItUp() throws IOException {
    Cli.Run r = Cli.run("lookup", "--map", map("CERTISSUER:/CN=Our_CA RELAY").toString(), "--cf",
        DEBIAN.toString(), "--format", "json", "CERTISSUER", "/CN=Our_CA");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"tried\":[\"certissuer:/cn=our_ca\"]")
        .contains("\"effect\":\"relay\"");
  }

  @Test
  void aCfWithoutTheTagsRulesetSaysSoInOneLineAndExitsOne() throws IOException {
    Cli.Run r = tryTlsWith("Stry_tls_off\n");
    assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.err().strip()).isEqualTo("accessctl: this sendmail.cf has no try_tls ruleset:"
        + " Try_TLS: entries are never looked up");
    assertThat(r.out()).contains("always tries STARTTLS");
    Cli.Run batch = Cli.runWithStdin("Try_TLS\tx.example\t192.0.2.1\n".getBytes(
        StandardCharsets.UTF_8), "lookup", "--map", dir.resolve("access").toString(), "--cf",
        dir.resolve("sendmail.cf").toString(), "--batch", "-");
    assertThat(batch.exit()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(batch.out()).contains("\"effect\":\"starttls\",\"error\":\"this sendmail.cf"
        + " has no try_tls ruleset");
  }

  @Test
  void aRulesetThatLoopsSaysSoInOneLineAndExitsOne() throws IOException {
    Cli.Run r = tryTlsWith("Stry_tls\nR$*\t\t$1 x\nR$* x x\t$1\n");
    assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.err().lines()).singleElement().asString()
        .startsWith("accessctl: try_tls: Infinite loop in ruleset try_tls, rule 1");
  }

  @Test
  void aCfTheEngineCannotCompileIsOneLineAndExitThree() throws IOException {
    Cli.Run r = tryTlsWith("Stry_tls\nRno tab here\n");
    assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_READ);
    assertThat(r.err().lines()).singleElement().asString().contains("sendmail.cf:")
        .contains("invalid rewrite line");
  }
}
