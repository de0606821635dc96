package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What AC112, AC221–AC228, AC323 and AC324 claim about sendmail, checked with the real makemap,
 * {@code sendmail -bt -d38.20} (the keys handed to the map) and live {@code sendmail -bs} sessions
 * (the replies a client gets) on Debian's sendmail.cf pointed at a scratch map.
 */
@Tag("oracle")
class DeadKeysOracleTest {
  /** Debian's cf pauses 1 s before greeting a -bs session unless its GreetPause says otherwise. */
  private static final String NO_PAUSE = "GreetPause:localhost 0\n";

  @TempDir Path dir;

  /** The rule's findings on the map's bytes as the oracle reads them (ISO-8859-1). */
  private static List<Diagnostic> findings(String ruleId, String map) {
    return LintFixture.lint(map.getBytes(StandardCharsets.ISO_8859_1), null).stream()
        .filter(d -> d.ruleId().equals(ruleId)).toList();
  }

  private static List<Integer> lines(String ruleId, String map) {
    return findings(ruleId, map).stream().map(Diagnostic::line).toList();
  }

  private static String message(String ruleId, String map) {
    List<Diagnostic> found = findings(ruleId, map);
    assertThat(found).hasSize(1);
    return found.get(0).message();
  }

  /** One -bs session that sends mail from {@code sender} to root; sendmail's output as text. */
  private String mailFrom(String map, String sender) throws IOException {
    Oracle.require(Oracle.SENDMAIL, Oracle.MAKEMAP, Oracle.STOCK_CF);
    Path cf = Oracle.testCfWithMap(dir, map);
    Oracle.Result r = Oracle.smtpSession(cf, List.of("EHLO client.example",
        "MAIL FROM:<" + sender + ">", "RCPT TO:<root>", "QUIT"), "-d38.20");
    assertThat(r.stdout()).as("session: %s", r.stderr()).contains("221 2.0.0");
    return r.stdout();
  }

  @Test
  void atDomainKeysAreNeverAskedForButTheDomainIs() throws IOException {
    String map = "From:@spammer.example REJECT\n@spam.example REJECT\nFrom:fixed.example REJECT\n";
    assertThat(lines("AC221", map)).containsExactly(1, 2);
    List<String> out = Oracle.btCases(dir, map, "Basic_check_mail <user@spammer.example>",
        "Basic_check_mail <user@spam.example>", "Basic_check_mail <user@fixed.example>");
    assertThat(out.get(0)).contains("db_map_lookup(access, From:user@spammer.example)",
        "db_map_lookup(access, From:user@)", "db_map_lookup(access, From:spammer.example)",
        "db_map_lookup(access, From:example)").doesNotContain("access, From:@", "Access denied");
    assertThat(out.get(1)).contains("db_map_lookup(access, spam.example)")
        .doesNotContain("access, @", "Access denied");
    // the suggested form matches
    assertThat(out.get(2)).contains("550 Access denied");
  }

  @Test
  void aLocalPartWithoutAtIsLookedUpOnlyAsADomain() throws IOException {
    String map = "From:postmaster REJECT\nFrom:abuse@ REJECT\n";
    assertThat(lines("AC222", map)).containsExactly(1);
    List<String> out = Oracle.btCases(dir, map, "Basic_check_mail <postmaster@example.com>",
        "Basic_check_mail <abuse@example.com>", "Basic_check_rcpt <postmaster@example.com>");
    assertThat(out.get(0)).contains("db_map_lookup(access, From:postmaster@example.com)",
        "db_map_lookup(access, From:postmaster@)", "db_map_lookup(access, From:example.com)")
        .doesNotContain("access, From:postmaster)", "Access denied");
    assertThat(out.get(1)).contains("550 Access denied");
    // without blocklist_recipients, To: is asked for the domain alone (to allow relaying)
    assertThat(out.get(2)).contains("db_map_lookup(access, To:example.com)")
        .doesNotContain("access, To:postmaster");
  }

  @Test
  void connectZeroMatchesALocalSendmailBsSession() throws IOException {
    String map = "Connect:0 ERROR:\"550 5.7.1 zero matched\"\n" + NO_PAUSE;
    assertThat(lines("AC223", map)).containsExactly(1);
    String session = mailFrom(map, "someone@localhost");
    assertThat(session).contains("db_map_lookup(access, Connect:0)",
        "550 5.7.1 <root>... zero matched");
  }

  @Test
  void aOneOctetRelayKeyLetsPublicAddressesRelay() throws IOException {
    String map = "Connect:172 RELAY\nConnect:192.168 RELAY\n";
    assertThat(lines("AC224", map)).containsExactly(1);
    assertThat(message("AC224", map)).contains("172.0.0.0/8");
    List<String> out = Oracle.btCases(dir, map,
        "MkBar,Basic_check_relay public.example = 172.217.3.4",
        "MkBar,Basic_check_relay private.example = 172.16.3.4",
        "MkBar,Basic_check_relay other.example = 192.169.3.4");
    assertThat(out.get(0)).contains("db_map_lookup(access, Connect:172)",
        "Basic_check_rela returns: RELAY");
    assertThat(out.get(1)).contains("Basic_check_rela returns: RELAY");
    assertThat(out.get(2)).contains("Basic_check_rela returns: OK");
  }

  @Test
  void theAddressWalkAsksOnlyForOctetsOfTheAddress() throws IOException {
    String map = "Connect:300.1.2.3 REJECT\nConnect:44.1.2.3 REJECT\n";
    assertThat(lines("AC225", map)).containsExactly(1);
    List<String> out = Oracle.btCases(dir, map,
        "MkBar,Basic_check_relay [44.1.2.9] = 44.1.2.9");
    assertThat(out.get(0)).contains("db_map_lookup(access, Connect:44.1.2.9)",
        "db_map_lookup(access, Connect:44.1.2)", "db_map_lookup(access, Connect:44.1)",
        "db_map_lookup(access, Connect:44)").doesNotContain("Connect:300");
  }

  @Test
  void aTagFollowedByABlankIsAnUntaggedKeyNoTlsLookupAsksFor() throws IOException {
    String map = "TLS_Srv VERIFY+CN\nTry_TLS broken.example NO\n";
    assertThat(lines("AC226", map)).containsExactly(1, 2);
    Oracle.require(Oracle.MAKEMAP);
    Oracle.Result made = Oracle.makemap(dir, List.of(), "hash", "dump",
        map.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(made.exit()).isZero();
    Oracle.Result dump = Oracle.makemap(dir, List.of("-u"), "hash", "dump", null);
    assertThat(dump.stdout()).contains("tls_srv\tVERIFY+CN", "try_tls\tbroken.example NO");
    List<String> out = Oracle.btCases(dir, map,
        ".D{server_name}broken.example\n.D{server_addr}192.0.2.1\ntry_tls x");
    assertThat(out.get(0)).contains("db_map_lookup(access, Try_TLS:broken.example)",
        "db_map_lookup(access, Try_TLS:)").doesNotContain("$# error"); // STARTTLS still tried
  }

  @Test
  void eightBitReplyTextLosesItsHighBitAndControlBytesPassUnchanged() throws IOException {
    String map = "From:bad.example ERROR:\"550 5.7.1 Verboten f\u00fcr dich \u00c3\u00a4\"\n"
        + "From:ctl.example ERROR:\"550 5.7.1 bell\u0007 esc\u001b[1m\"\n" + NO_PAUSE;
    assertThat(lines("AC323", map)).containsExactly(1, 2);
    // ISO-8859-1 ü (0xfc) goes out as '|', UTF-8 ä (0xc3 0xa4) as "C$"
    assertThat(message("AC323", map.split("\n")[0] + "\n")).contains("Verboten f|r dich C$");
    assertThat(mailFrom(map, "a@bad.example")).contains("550 5.7.1 <root>... Verboten f|r dich C$");
    assertThat(mailFrom(map, "a@ctl.example")).contains("<root>... bell\u0007 esc\u001b[1m");
  }

  @Test
  void aQuotedErrorValueRejectsWithItsTextAnd553() throws IOException {
    String map = "From:quoted.example \"ERROR:550 go away\"\n"
        + "From:fixed.example ERROR:\"550 go away\"\n" + NO_PAUSE;
    assertThat(lines("AC324", map)).containsExactly(1);
    assertThat(message("AC324", map)).contains("553 5.3.0 ERROR:550 go away",
        "write From:quoted.example ERROR:\"550 go away\"");
    assertThat(mailFrom(map, "a@quoted.example")).contains("553 5.3.0 <root>... ERROR:550 go away");
    assertThat(mailFrom(map, "a@fixed.example")).contains("550 5.0.0 <root>... go away");
  }

  @Test
  void makemapReadsDamagedLinesAsTheRulesSay() throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    String map = "From:wrapped.example\nERROR:\"550 lonely value\"\n"
        + "This file lists the hosts we block\nREJECT\n";
    assertThat(LintFixture.lint(map)).extracting(d -> d.line() + " " + d.ruleId())
        .containsExactly("1 AC112", "3 AC228", "4 AC227");
    Oracle.Result made = Oracle.makemap(dir, List.of(), "hash", "damaged",
        map.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(made.exit()).isEqualTo(65);
    assertThat(made.stderr()).contains("line 1: no RHS for LHS", "line 4: no RHS for LHS");
    Oracle.Result dump = Oracle.makemap(dir, List.of("-u"), "hash", "damaged", null);
    assertThat(dump.stdout()).contains("error:\"550\tlonely value\"",
        "this\tfile lists the hosts we block").doesNotContain("wrapped");
  }
}
