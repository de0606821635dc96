package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggestCommandTest {
  /** The logs' last day: classic syslog stamps take their year from the file's time. */
  static final FileTime LOG_TIME = FileTime.from(Instant.parse("2026-11-23T12:00:00Z"));

  static final String ALL = """
      # accessctl suggest: 4 deferrals "TLS handshake failed" 2026-11-20..2026-11-23, recipients exampledomain.com, other.org
      Try_TLS:luna.bagoona.com\tNO
      # accessctl suggest: 2 deferrals "TLS handshake failed" 2026-11-22, recipients old-bank.example
      Try_TLS:mx1.old-bank.example\tNO
      # accessctl suggest: 1 deferral "TLS handshake failed" 2026-11-22, recipients [203.0.113.9]
      Try_TLS:203.0.113.9\tNO
      # accessctl suggest: 3 failed STARTTLS handshakes from client legacy-scanner.example.net [192.0.2.44] 2026-11-22..2026-11-23
      Srv_Features:192.0.2.44\tS
      # accessctl suggest: 1 failed STARTTLS handshake from client [198.51.100.200] 2026-11-23
      Srv_Features:198.51.100.200\tS
      # accessctl suggest: 1 failed STARTTLS handshake from client oldclient.example.net [198.51.100.7] 2026-11-20
      Srv_Features:198.51.100.7\tS
      """;

  @TempDir
  Path dir;

  Path log2;
  Path log1;
  Path log;

  @BeforeEach
  void copyFixtures() throws IOException {
    log2 = fixture("mail.log.2.gz");
    log1 = fixture("mail.log.1");
    log = fixture("mail.log");
  }

  Path fixture(String name) throws IOException {
    Path p = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/maillog/" + name)) {
      Files.write(p, in.readAllBytes());
    }
    Files.setLastModifiedTime(p, LOG_TIME);
    return p;
  }

  Path map(String text) throws IOException {
    Path p = dir.resolve("access");
    Files.writeString(p, text, StandardCharsets.ISO_8859_1);
    return p;
  }

  Cli.Run suggest(Path map, String... more) {
    List<String> args = new ArrayList<>(List.of("suggest", "--no-cf", "--map", map.toString(),
        "--from-log", log2.toString(), log1.toString(), log.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void rotatedGzippedAndCurrentLogsGiveTheExactEntriesWithTheirReasons() throws IOException {
    Cli.Run r = suggest(map("Connect:127.0.0.1\tRELAY\n"));
    assertThat(r.out()).isEqualTo(ALL);
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void hostsTheMapCoversThroughAParentDomainOrANetAreLeftOut() throws IOException {
    Cli.Run r = suggest(map("""
        Try_TLS:bagoona.com\tNO
        Try_TLS:203.0.113.9\tNO
        Srv_Features:192.0.2\tS
        """));
    assertThat(r.out()).doesNotContain("luna.bagoona.com", "203.0.113.9", "192.0.2.44")
        .contains("Try_TLS:mx1.old-bank.example\tNO", "Srv_Features:198.51.100.7\tS");
    assertThat(r.err()).contains("Try_TLS:luna.bagoona.com left out: 4 failure(s), already"
        + " covered by try_tls:bagoona.com NO");
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void aValueThatIsNotExactlyTheFixDoesNotCover() throws IOException {
    Cli.Run r = suggest(map("""
        Try_TLS:bagoona.com\tNO # broken
        Srv_Features:192.0.2.44\ts
        """));
    assertThat(r.out()).contains("Try_TLS:luna.bagoona.com\tNO", "Srv_Features:192.0.2.44\tS");
  }

  @Test
  void nothingLeftToSuggestExitsZeroAndPrintsNothing() throws IOException {
    Cli.Run r = Cli.run("suggest", "--no-cf", "--map", map("""
        Try_TLS:bagoona.com\tNO
        Srv_Features:198.51.100\tS
        Srv_Features:192.0.2.44\tA S
        """).toString(), "--from-log", log.toString());
    assertThat(r.out()).isEmpty();
    assertThat(r.exit()).isZero();
  }

  @Test
  void applyInsertsAboveTheCanItMarkerAndChangesNoOtherByteAndASecondRunNothing()
      throws IOException {
    Path map = fixture("access-canit");
    byte[] before = Files.readAllBytes(map);
    Cli.Run r = suggest(map, "--apply");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith(ALL).contains("accessctl: " + map + ":7: inserted");
    String after = Files.readString(map, StandardCharsets.ISO_8859_1);
    String[] blocks = ALL.split("(?<=\n)(?=# accessctl suggest: \\d+ failed STARTTLS handshakes? from)", 2);
    String expected = new String(before, StandardCharsets.ISO_8859_1)
        .replace("Try_TLS:mx1.legacy.example\tNO\n", "Try_TLS:mx1.legacy.example\tNO\n"
            + blocks[0])
        .replace("# DO NOT EDIT BELOW", blocks[1] + "# DO NOT EDIT BELOW");
    assertThat(after).isEqualTo(expected);

    Cli.Run again = suggest(map, "--apply");
    assertThat(again.exit()).isZero();
    assertThat(again.out()).isEmpty();
    assertThat(Files.readString(map, StandardCharsets.ISO_8859_1)).isEqualTo(expected);
  }

  @Test
  void applyWithoutAMarkerAppendsAndKeepsAMissingFinalNewlineAlone() throws IOException {
    Path map = map("Connect:127.0.0.1\tRELAY\n");
    Cli.Run r = Cli.run("suggest", "--no-cf", "--map", map.toString(), "--from-log",
        log.toString(), "--apply");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(map)).startsWith("Connect:127.0.0.1\tRELAY\n# accessctl suggest:")
        .contains("Try_TLS:luna.bagoona.com\tNO\n");
  }

  @Test
  void applyRefusesAKeyTheMapHoldsWithAnotherValueAndLeavesTheFileAlone() throws IOException {
    Path map = map("Try_TLS:luna.bagoona.com\tYES\n");
    byte[] before = Files.readAllBytes(map);
    Cli.Run r = suggest(map, "--apply");
    assertThat(r.exit()).isEqualTo(65);
    assertThat(r.err()).contains("already has an entry").contains("unchanged");
    assertThat(Files.readAllBytes(map)).isEqualTo(before);
  }

  @Test
  void applyRefusesAResultWithALintErrorTheMapDidNotHave() throws IOException {
    // a relay name so long that its key passes sendmail's 256-byte key limit (AC204)
    String host = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "."
        + "d".repeat(60) + ".example";
    Path longLog = dir.resolve("long.log");
    Files.writeString(longLog, "Nov 23 07:00:00 mx1 sm-mta[1]: 4AN70000000001: to=<u@x.example>,"
        + " delay=00:00:01, mailer=esmtp, relay=" + host + ". [192.0.2.8], dsn=4.0.0,"
        + " stat=Deferred: 454 4.7.0 TLS handshake failed.\n");
    Path map = fixture("access-canit");
    byte[] before = Files.readAllBytes(map);
    Cli.Run r = Cli.run("suggest", "--no-cf", "--map", map.toString(), "--from-log",
        longLog.toString(), "--apply");
    assertThat(r.exit()).isEqualTo(65);
    assertThat(r.err()).contains("[AC204]").contains("--apply refused, the map is unchanged");
    assertThat(Files.readAllBytes(map)).isEqualTo(before);
  }

  @Test
  void applyThenCompileWritesTheDb() throws IOException {
    Path map = fixture("access-canit");
    Cli.Run r = suggest(map, "--apply", "--compile");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(dir.resolve("access-canit.db")).exists();
    assertThat(Cli.run("query", "--map", dir.resolve("access-canit.db").toString(),
        "try_tls:luna.bagoona.com").out()).contains("NO");
  }

  @Test
  void standardInputMayBeGzipped() throws IOException {
    Cli.Run r = Cli.runWithStdin(Files.readAllBytes(log2), "suggest", "--no-cf", "--map",
        map("").toString(), "--from-log", "-");
    assertThat(r.out()).contains("Try_TLS:luna.bagoona.com\tNO",
        "Srv_Features:198.51.100.7\tS");
  }

  @Test
  void jsonGivesEachSuggestionWithItsFigures() throws IOException {
    Cli.Run r = suggest(map("Try_TLS:203.0.113.9\tNO\n"), "--format", "json");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).startsWith("{\"version\":1,\"suggestions\":[{\"tag\":\"Try_TLS\","
        + "\"key\":\"luna.bagoona.com\",\"value\":\"NO\",\"entry\":\"Try_TLS:luna.bagoona.com\\tNO\"")
        .contains("\"side\":\"server\",\"peers\":[\"luna.bagoona.com [123.45.67.89]\"],"
            + "\"failures\":4,\"deferrals\":4,\"replies\":[\"403 4.7.0\",\"454 4.7.0\"],"
            + "\"first\":\"2026-11-20\",\"last\":\"2026-11-23\",\"recipientDomains\":"
            + "[\"exampledomain.com\",\"other.org\"]}")
        .contains("\"covered\":[{\"tag\":\"Try_TLS\",\"key\":\"203.0.113.9\",\"failures\":1,"
            + "\"coveredBy\":\"try_tls:203.0.113.9\",\"value\":\"NO\"}]")
        .endsWith("\"notes\":[],\"applied\":null}\n");
  }

  @Test
  void aCfOfAReleaseWithTlsFallbacktoClearButWithoutItSaysSoOnce() throws IOException {
    Path m = map("");
    Cli.Run off = Cli.run("suggest", "--cf", fixture("no-fallback.cf").toString(), "--map",
        m.toString(), "--from-log", log.toString());
    assertThat(off.err()).containsOnlyOnce("define(`confTLS_FALLBACK_TO_CLEAR', `true')");
    Cli.Run on = Cli.run("suggest", "--cf", fixture("fallback.cf").toString(), "--map",
        m.toString(), "--from-log", log.toString());
    assertThat(on.err()).doesNotContain("TLS_FALLBACK");
    Cli.Run old = Cli.run("suggest", "--cf", fixture("old.cf").toString(), "--map",
        m.toString(), "--from-log", log.toString());
    assertThat(old.err()).doesNotContain("TLS_FALLBACK");
  }

  @Test
  void aLogWithoutSendmailLinesIsNamedInAWarning() throws IOException {
    Path other = dir.resolve("syslog");
    Files.writeString(other, "Nov 23 07:00:00 mx1 CRON[1]: (root) CMD (true)\n");
    Cli.Run r = Cli.run("suggest", "--no-cf", "--map", map("").toString(), "--from-log",
        other.toString(), log.toString());
    assertThat(r.err()).isEqualTo("accessctl: warning: " + other + ": no line from sendmail"
        + " (sm-mta, sendmail, sm-msp-queue)\n");
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void anUnreadableLogIsOneLineAndExit66() throws IOException {
    Cli.Run r = Cli.run("suggest", "--no-cf", "--map", map("").toString(), "--from-log",
        dir.resolve("nope.log").toString());
    assertThat(r.exit()).isEqualTo(66);
    assertThat(r.err()).isEqualTo("accessctl: " + dir.resolve("nope.log")
        + ": No such file or directory\n");
  }

  @Test
  void aMissingMapIsExit66() {
    Cli.Run r = Cli.run("suggest", "--no-cf", "--map", dir.resolve("none").toString(),
        "--from-log", log.toString());
    assertThat(r.exit()).isEqualTo(66);
    assertThat(r.err()).startsWith("accessctl: " + dir.resolve("none")).doesNotContain("\tat ");
  }

  @Test
  void usageErrorsAreExit2() throws IOException {
    Path m = map("");
    assertThat(Cli.run("suggest", "--no-cf", "--map", m.toString()).exit()).isEqualTo(2);
    assertThat(Cli.run("suggest", "--no-cf", "--map", m.toString(), "--from-log",
        log.toString(), "--compile").exit()).isEqualTo(2);
    assertThat(Cli.run("suggest", "--no-cf", "--map", m.toString(), "--from-log",
        log.toString(), "--format", "xml").exit()).isEqualTo(2);
    assertThat(Cli.run("compile", "--no-cf", "-q", m.toString()).exit()).isZero();
    assertThat(Cli.run("suggest", "--no-cf", "--map", m + ".db", "--from-log", log.toString(),
        "--apply").exit()).isEqualTo(2);
  }
}
