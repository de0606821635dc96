package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the AC2xx rules claim about sendmail, checked with the real {@code sendmail -bt} on Debian's
 * sendmail.cf (access map pointed at a scratch map built by the real makemap). Each test is one
 * sendmail process; cases inside it are separated by {@code /map access marker-N} lines, and
 * {@code -d38.20} prints every key handed to the map.
 */
@Tag("oracle")
class KeyRulesOracleTest {
  @TempDir Path dir;

  private List<String> sendmail(String map, String... cases) throws IOException {
    return Oracle.btCases(dir, map, cases);
  }

  private static List<Integer> lines(String ruleId, String map) {
    return LintFixture.only(ruleId, map).stream().map(Diagnostic::line).toList();
  }

  @Test
  void aBlankAfterTheColonMakesTheBareDefaultForEveryHost() throws IOException {
    String map = "Try_TLS: broken.example NO\nSrv_Features: my.host P\n";
    assertThat(lines("AC201", map)).containsExactly(1, 2);
    List<String> out = sendmail(map,
        ".D{server_name}broken.example\n.D{server_addr}192.0.2.1\ntry_tls x",
        ".D{client_name}anybody.test\n.D{client_addr}198.51.100.7\nsrv_features x");
    // the host's own keys are not found; the bare key is, with the host in its value
    assertThat(out.get(0)).contains("db_map_lookup(access, Try_TLS:broken.example)",
        "db_map_lookup(access, Try_TLS:)", "try_tls          returns: < broken . example NO >")
        .doesNotContain("$# error"); // not exactly NO: STARTTLS is still used
    // every client gets the flags: the first letters of "my . host P" (h and P count)
    assertThat(out.get(1)).contains("db_map_lookup(access, Srv_Features:)",
        "srv_features     returns: $# my . host P");
  }

  @Test
  void aKeyLongerThan256BytesIsNeverFound() throws IOException {
    String labels = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "."
        + "d".repeat(60);
    String host257 = "x".repeat(8) + "." + labels.substring(0, 240);
    String host256 = "y".repeat(7) + "." + labels.substring(0, 240);
    String map = "Try_TLS:" + host257 + " NO\nTry_TLS:" + host256 + " NO\n";
    assertThat(lines("AC204", map)).containsExactly(1);
    List<String> out = sendmail(map,
        ".D{server_addr}192.0.2.1\n.D{server_name}" + host257 + "\ntry_tls x",
        ".D{server_name}" + host256 + "\ntry_tls x",
        ".D{server_name}" + host256 + "zzz\ntry_tls x");
    assertThat(out.get(0)).contains("db_map_lookup(access, Try_TLS:)").doesNotContain("$# error");
    assertThat(out.get(1)).contains("550 do not try TLS with");
    // a longer name is cut to 256 bytes and finds the 256-byte key
    assertThat(out.get(2)).contains("550 do not try TLS with");
  }

  @Test
  void cidrWildcardRangeAndTrailingDotKeysAreNeverAskedFor() throws IOException {
    String map = """
        Connect:192.168.1.0/24 REJECT
        Connect:*.example.com REJECT
        Connect:10.0.0.1-10.0.0.50 REJECT
        Connect:172.16.1. REJECT
        Connect:192.168.2 REJECT
        """;
    assertThat(lines("AC208", map)).containsExactly(1, 2, 3, 4);
    List<String> out = sendmail(map,
        "MkBar,Basic_check_relay a.example.com = 192.168.1.5",
        "MkBar,Basic_check_relay h.other.test = 10.0.0.7",
        "MkBar,Basic_check_relay x.test = 172.16.1.9",
        "MkBar,Basic_check_relay y.test = 192.168.2.5");
    for (String c : out.subList(0, 3)) {
      assertThat(c).contains("Basic_check_rela returns: OK").doesNotContain("Access denied");
    }
    assertThat(out.get(0)).contains("db_map_lookup(access, Connect:example.com)",
        "db_map_lookup(access, Connect:192.168.1)");
    assertThat(out.get(2)).contains("db_map_lookup(access, Connect:172.16.1)");
    // the octet prefix, the form the rule advises, does match
    assertThat(out.get(3)).contains("550 Access denied");
  }

  @Test
  void ipv6KeysMatchOnlyInTheFormTheAddressWalkProduces() throws IOException {
    String map = """
        Connect:IPv6:2001:0db8:0:0:0:0:0:1 REJECT
        Connect:2001:db8:0:0:0:0:0:1 REJECT
        Connect:IPv6:2001:db8::1 REJECT
        Connect:IPv6:2001:db8:0:0:0:0:0:2 REJECT
        """;
    assertThat(lines("AC207", map)).containsExactly(1);
    assertThat(lines("AC205", map)).containsExactly(2);
    assertThat(lines("AC206", map)).containsExactly(3);
    // {client_addr} as Debian's build writes it: IPv6:, full form, no leading zeros
    List<String> out = sendmail(map,
        "MkBar,Basic_check_relay h.test = IPv6:2001:db8:0:0:0:0:0:1",
        "MkBar,Basic_check_relay h.test = IPv6:2001:db8:0:0:0:0:0:2");
    assertThat(out.get(0)).contains("db_map_lookup(access, Connect:IPv6:2001:db8:0:0:0:0:0:1)",
        "db_map_lookup(access, Connect:IPv6:2001:db8)", "db_map_lookup(access, Connect:IPv6)",
        "Basic_check_rela returns: OK");
    assertThat(out.get(1)).contains("550 Access denied");
  }

  @Test
  void theNullSenderIsAcceptedBeforeAnyFromLookup() throws IOException {
    String map = "From:<> REJECT\nFrom:spammer@[192.0.2.1] REJECT\n";
    assertThat(lines("AC215", map)).containsExactly(1);
    List<String> out = sendmail(map, "Basic_check_mail <>",
        "Basic_check_mail <spammer@[192.0.2.1]>");
    assertThat(out.get(0)).contains("Basic_check_mail returns: < OK >")
        .doesNotContain("db_map_lookup(access, From:");
    assertThat(out.get(1)).contains("db_map_lookup(access, From:spammer@[192.0.2.1])",
        "550 Access denied");
  }

  @Test
  void greetPauseHasNoBareDefault() throws IOException {
    String map = "GreetPause:\t\t\t\t5000\nGreetPause:192.0.2 0\n";
    assertThat(lines("AC217", map)).containsExactly(1);
    List<String> out = sendmail(map, "MkBar,greet_pause client.example = 198.51.100.9",
        "MkBar,greet_pause client.example = 192.0.2.9");
    // Debian's sendmail.mc says FEATURE(`greet_pause', `1000'): that, not 5000, is the default
    assertThat(out.get(0)).contains("greet_pause      returns: $# 1000")
        .doesNotContain("db_map_lookup(access, GreetPause:)");
    assertThat(out.get(1)).contains("greet_pause      returns: $# 0");
  }
}
