package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * accessctl status on hand-made maps and cfs; no real sendmail is asked (--sendmail points
 * nowhere), so the version comes from the cf's DZ line.
 */
class StatusCommandTest {
  private static final String TEXT = "Try_TLS:luna.bagoona.com NO\nConnect:127.0.0.1 RELAY\n";
  private static final FileTime EARLY = FileTime.from(Instant.parse("2026-01-01T10:00:00Z"));
  private static final FileTime LATE = FileTime.from(Instant.parse("2026-01-01T11:00:00Z"));

  @TempDir
  Path dir;
  Path access;
  Path db;
  Path cf;

  @BeforeEach
  void setUp() throws IOException {
    access = dir.resolve("access");
    db = dir.resolve("access.db");
    cf = dir.resolve("sendmail.cf");
    Files.writeString(access, TEXT, StandardCharsets.ISO_8859_1);
    writeCf("hash -T<TMPF>");
  }

  private void writeCf(String classAndFlags) throws IOException {
    String k = classAndFlags == null ? "" : "Kaccess " + classAndFlags + " " + access + "\n";
    // a ruleset that looks up the access map, as FEATURE(access_db) makes them
    String rules = "Stry_tls\nR$*\t$: $(access Try_TLS:$1 $: ? $)\n";
    Files.writeString(cf, "V10/Berkeley\nDZ8.17.1.9/Debian-2\n" + k + rules,
        StandardCharsets.ISO_8859_1);
  }

  private Cli.Run status(String... more) {
    String[] base = {"status", "--cf", cf.toString(), "--sendmail", dir.resolve("none").toString()};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return Cli.run(args);
  }

  private void compile(String... flags) {
    String[] base = {"compile", "-q", "--cf", cf.toString()};
    String[] args = new String[base.length + flags.length + 1];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(flags, 0, args, base.length, flags.length);
    args[args.length - 1] = access.toString();
    assertThat(Cli.run(args).exit()).isZero();
  }

  @Test
  void aFreshlyCompiledDbIsInOrder() {
    compile();
    Cli.Run r = status();
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("ok       " + db + " holds the 2 entries of " + access)
        .contains("ok       " + db + " is the hash file " + cf + " names")
        .contains("ok       " + cf + " reads the access map")
        .endsWith("all in order\n")
        .doesNotContain("\033"); // no colour: not a terminal
    assertThat(r.err()).isEmpty();
  }

  @Test
  void theDefaultMapIsTheOneTheKLineNames() {
    compile();
    Cli.Run r = Cli.run("status", "--cf", cf.toString(), "--sendmail", "/nonexistent");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .startsWith("accessctl status: " + access + " -> " + db + " (cf " + cf + ")");
  }

  @Test
  void aDbOlderThanTheTextButWithTheSameContentIsFine() throws IOException {
    compile();
    Files.writeString(access, "# a comment only\n" + TEXT, StandardCharsets.ISO_8859_1);
    Files.setLastModifiedTime(db, EARLY);
    Files.setLastModifiedTime(access, LATE);
    Cli.Run r = status();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("the db is older than the text but says the same");
  }

  @Test
  void aStaleDbListsTheNewEntries() throws IOException {
    compile();
    Files.writeString(access, TEXT + "Try_TLS:broken.example NO\n", StandardCharsets.ISO_8859_1);
    Files.setLastModifiedTime(db, EARLY);
    Files.setLastModifiedTime(access, LATE);
    Cli.Run r = status();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("problem  " + db + " is not in step with " + access + ": 1 entry differs")
        .contains("only in text (line 3): try_tls:broken.example \"NO\"")
        .contains("the text changed after the db was built; run: accessctl compile --cf " + cf
            + " " + access)
        .endsWith("1 problem\n");
  }

  @Test
  void sameMtimeButDifferentContentIsNotInOrder() throws IOException {
    compile();
    Files.writeString(access, "Try_TLS:luna.bagoona.com YES\nConnect:10.0.0.1 RELAY\n",
        StandardCharsets.ISO_8859_1);
    Files.setLastModifiedTime(db, EARLY);
    Files.setLastModifiedTime(access, EARLY);
    Cli.Run r = status();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("3 entries differ")
        .contains("different value (line 1): try_tls:luna.bagoona.com: text \"YES\", db \"NO\"")
        .contains("only in text (line 2): connect:10.0.0.1 \"RELAY\"")
        .contains("only in db: connect:127.0.0.1 \"RELAY\"")
        .contains("same modification time, yet they differ");
  }

  @Test
  void longListsOfDifferencesAreCut() throws IOException {
    compile();
    StringBuilder more = new StringBuilder(TEXT);
    for (int i = 0; i < 25; i++) {
      more.append("Connect:10.0.0.").append(i).append(" REJECT\n");
    }
    Files.writeString(access, more.toString(), StandardCharsets.ISO_8859_1);
    Cli.Run r = status();
    assertThat(r.out()).contains("25 entries differ").contains("… and 15 more");
  }

  @Test
  void aMissingDbIsAProblem() {
    Cli.Run r = status();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("problem  " + db + " is missing");
  }

  @Test
  void aCfWithoutAccessMapMakesEveryEntryUseless() throws IOException {
    compile("--no-cf");
    writeCf(null);
    Cli.Run r = status("--map", access.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("problem  " + cf + " has no access map (no Kaccess line: FEATURE(`access_db')")
        .contains("FEATURE(`access_db', , `skip')dnl");
  }

  @Test
  void aKLineThatNoRulesetUsesIsNotAnEnabledAccessMap() throws IOException {
    compile();
    Files.writeString(cf, "V10/Berkeley\nDZ8.17.1.9\nKaccess hash " + access + "\n",
        StandardCharsets.ISO_8859_1);
    Cli.Run r = status();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("declares the access map but none of its rulesets looks");
  }

  @Test
  void aDbOfAnotherTypeThanTheKLineIsAProblem() {
    compile("--type", "btree", "--output", db.toString());
    Cli.Run r = status();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("problem  " + db + " is a btree file, but the K line opens it as hash");
  }

  @Test
  void keysWithoutTheNulThatMinusNExpectsAreAProblem() throws IOException {
    compile();
    writeCf("hash -N -T<TMPF>");
    Cli.Run r = status();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("2 of 2 keys lack the trailing NUL that -N");
    // the content itself is the same: only the key form is wrong
    assertThat(r.out()).contains("ok       " + db + " holds the 2 entries");
  }

  @Test
  void aDbCompiledForMinusNIsInOrderWithMinusN() throws IOException {
    writeCf("hash -N -T<TMPF>");
    compile();
    assertThat(status().exit()).isZero();
  }

  @Test
  void keysWithANulWhereMinusOForbidsItAreAProblem() throws IOException {
    compile("-N");
    writeCf("hash -O");
    Cli.Run r = status();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("2 of 2 keys end with a NUL");
  }

  @Test
  void unfoldedKeysWhereSendmailFoldsLookupsAreAProblem() throws IOException {
    compile("-f");
    Cli.Run r = status("-f");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("2 keys have capital letters (e.g. ");
  }

  @Test
  void aMapThatIsNotTheOneSendmailReadsIsSaidSo() throws IOException {
    Path other = dir.resolve("other");
    Files.writeString(other, TEXT, StandardCharsets.ISO_8859_1);
    assertThat(Cli.run("compile", "-q", "--no-cf", other.toString()).exit()).isZero();
    Cli.Run r = status("--map", other.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("sendmail reads " + db + ", not " + other + ".db");
  }

  @Test
  void withoutCfTheCfChecksAreNotes() {
    compile("--no-cf");
    Cli.Run r = Cli.run("status", "--no-cf", "--map", access.toString(), "--sendmail",
        "/nonexistent");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("note     no sendmail.cf read: cannot tell")
        .contains("note     sendmail version unknown");
  }

  @Test
  void theCfsVersionStandsInForAnUnknownBinaryAndTheFallbackAdviceIsGiven() {
    compile();
    Cli.Run r = status();
    assertThat(r.out())
        .contains("note     sendmail 8.17.1.9 (from the cf's DZ line; the binary's version is"
            + " unknown); TLSFallbacktoClear is off")
        .contains("define(`confTLS_FALLBACK_TO_CLEAR', `true')dnl in sendmail.mc");
  }

  @Test
  void entriesBelowTheCanItMarkerAreCounted() throws IOException {
    Files.writeString(access, TEXT
        + "# DO NOT EDIT BELOW THIS LINE: CANIT MAY DELETE CHANGES BELOW THIS LINE\n"
        + "Connect:192.0.2.1 REJECT\nConnect:192.0.2.2 REJECT\n", StandardCharsets.ISO_8859_1);
    compile();
    Cli.Run r = status();
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("note     2 entries below the CanIt marker (line 3) belong to CanIt")
        .contains("AC501");
  }

  @Test
  void textErrorsThatBlockCompileAreAProblem() throws IOException {
    compile();
    Files.writeString(access, TEXT + " Connect:10.9.9.9 OK\n", StandardCharsets.ISO_8859_1);
    Cli.Run r = status();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("has 1 error makemap reports (first: line 3");
  }

  @Test
  void withMinusRTheLastOfRepeatedKeysCountsAsCompileMinusRStoresIt() throws IOException {
    Files.writeString(access, TEXT + "try_tls:luna.bagoona.com YES\n", StandardCharsets.ISO_8859_1);
    compile("-r");
    assertThat(status("-r").exit()).isZero();
    Cli.Run r = status();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("text \"NO\", db \"YES\"").contains("makemap reports");
  }

  @Test
  void jsonHasStableFieldNames() throws IOException {
    compile();
    Files.writeString(access, TEXT + "Try_TLS:broken.example NO\n", StandardCharsets.ISO_8859_1);
    Files.setLastModifiedTime(db, EARLY);
    Files.setLastModifiedTime(access, LATE);
    Cli.Run r = status("--format", "json");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("\"version\": 1", "\"inOrder\": false", "\"problems\": 1",
        "\"id\": \"db-in-step\"", "\"status\": \"problem\"", "\"id\": \"k-line\"",
        "\"id\": \"access-map-enabled\"", "\"id\": \"tls-fallback\"", "\"id\": \"canit\"",
        "\"kind\": \"only-in-text\"", "\"key\": \"try_tls:broken.example\"", "\"line\": 3",
        "\"differences\": 1", "\"text\": \"2026-01-01T11:00:00Z\"",
        "\"db\": \"2026-01-01T10:00:00Z\"", "\"versionFrom\": \"cf\"",
        "\"tlsFallbackSupported\": true", "\"tlsFallbackEnabled\": false",
        "\"markerLine\": null", "\"entriesBelow\": 0");
  }

  @Test
  void anUnreadableTextIsExit66WithOneLine() {
    Cli.Run r = status("--map", dir.resolve("nothere").toString());
    assertThat(r.exit()).isEqualTo(66);
    assertThat(r.err()).startsWith("accessctl: ").contains("nothere").doesNotContain("\tat ");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    assertThat(status("--format", "xml").exit()).isEqualTo(2);
  }
}
