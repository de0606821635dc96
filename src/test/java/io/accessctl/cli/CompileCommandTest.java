package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.MapReader;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code accessctl compile}: what it refuses, what it accepts, where its defaults come from. */
class CompileCommandTest {
  private static final String GOOD = "Try_TLS:broken.example NO\nConnect:192.0.2 REJECT\n";

  @TempDir
  Path dir;

  private Path write(String name, String latin1) throws IOException {
    return CompileFixtures.write(dir, name, latin1);
  }

  private static Optional<String> lookup(Path db, String key) throws IOException {
    try (MapReader r = MapReader.open(db)) {
      return r.get(key.getBytes(StandardCharsets.ISO_8859_1))
          .map(v -> new String(v, StandardCharsets.ISO_8859_1));
    }
  }

  private static Object inode(Path p) throws IOException {
    return Files.getAttribute(p, "unix:ino");
  }

  static Stream<Arguments> makemapErrors() {
    return Stream.of(
        Arguments.of("leading white space", "Try_TLS:a.example NO\n  Connect:192.0.2.1 REJECT\n"),
        Arguments.of("white space only line", "Try_TLS:a.example NO\n \t \n"),
        Arguments.of("missing value", "Try_TLS:a.example NO\nConnect:192.0.2.1\n"),
        Arguments.of("duplicate key after folding",
            "Try_TLS:a.example NO\ntry_tls:A.Example YES\n"),
        Arguments.of("NUL byte", "Try_TLS:a.example NO\nConnect:192.0.2.1 RE\0JECT\n"),
        Arguments.of("indented comment", "Try_TLS:a.example NO\n  # a comment\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("makemapErrors")
  void textWithMakemapErrorsLeavesTheOldDbUntouchedAndExits65(String what, String text)
      throws IOException {
    Path src = write("access", GOOD);
    assertThat(Cli.run("compile", "--no-cf", "-q", src.toString()).exit()).isZero();
    Path db = dir.resolve("access.db");
    byte[] before = Files.readAllBytes(db);
    Object inode = inode(db);
    Object mtime = Files.getLastModifiedTime(db);
    write("access", text);

    Cli.Run r = Cli.run("compile", "--no-cf", src.toString());
    Cli.Run lint = Cli.run("lint", "--no-cf", src.toString());

    assertThat(r.exit()).as(what).isEqualTo(65);
    assertThat(Files.readAllBytes(db)).as("bytes of the old db").isEqualTo(before);
    assertThat(inode(db)).as("inode of the old db").isEqualTo(inode);
    assertThat(Files.getLastModifiedTime(db)).isEqualTo(mtime);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).as("the diagnostics as lint prints them").startsWith(lint.out())
        .contains("error:")
        .endsWith("accessctl: " + src + ": 1 problem blocks the build; " + db
            + " was not written\n")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.err().lines().filter(l -> l.startsWith("accessctl: ")).count()).isEqualTo(1);
  }

  @Test
  void withoutAnOldDbARefusalWritesNothing() throws IOException {
    Path src = write("access", "Connect:192.0.2.1\n");
    assertThat(Cli.run("compile", "--no-cf", src.toString()).exit()).isEqualTo(65);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("access");
    }
  }

  @Test
  void refusalsRacingTheirOwnWriteLeaveNoLockFile() throws IOException {
    // compile refuses while its write thread may be just about to take the db's lock: however
    // the two meet, nothing is left beside the text
    Path src = write("access", "Connect:192.0.2.1\n");
    for (int i = 0; i < 300; i++) {
      assertThat(Cli.run("compile", "--no-cf", src.toString()).exit()).isEqualTo(65);
      try (var files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString())).as("run %d", i)
            .containsExactly("access");
      }
    }
  }

  @Test
  void aSuppressionCommentDoesNotHideAMakemapError() throws IOException {
    Path src = write("access", "# accessctl: disable=AC102\nConnect:192.0.2.1\n");
    Cli.Run r = Cli.run("compile", "--no-cf", src.toString());
    assertThat(r.exit()).isEqualTo(65);
    assertThat(r.err()).contains("accessctl: " + src
        + ":2: makemap would report: no RHS for LHS connect:192.0.2.1");
  }

  @Test
  void withMinusRARepeatedKeyReplacesTheEarlierOne() throws IOException {
    Path src = write("access", "Try_TLS:a.example NO\ntry_tls:A.Example YES\n");
    Cli.Run r = Cli.run("compile", "--no-cf", "-r", src.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("accessctl: wrote " + dir.resolve("access.db")
        + " (hash, 1 entry)\n");
    assertThat(lookup(dir.resolve("access.db"), "try_tls:a.example")).contains("YES");
  }

  @Test
  void linesLongerThanMakemapsBufferAreCompiledWhole() throws IOException {
    String value = "ERROR:\"550 " + "x".repeat(3000) + "\"";
    Path src = write("access", "From:spammer@ " + value + "\nConnect:192.0.2 REJECT\n");
    Cli.Run r = Cli.run("compile", "--no-cf", src.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("AC104"); // reported, as makemap could not read it
    assertThat(lookup(dir.resolve("access.db"), "from:spammer@")).contains(value);
    assertThat(lookup(dir.resolve("access.db"), "connect:192.0.2")).contains("REJECT");
  }

  @Test
  void lintWarningsArePrintedAndBlockOnlyWithStrict() throws IOException {
    Path db = dir.resolve("example.db");
    Cli.Run plain = Cli.run("compile", "--no-cf", "-o", db.toString(), "examples/access");
    assertThat(plain.exit()).as(plain.err()).isZero();
    assertThat(plain.err()).contains("warning:");
    byte[] before = Files.readAllBytes(db);

    Cli.Run strict = Cli.run("compile", "--no-cf", "--strict", "-o", db.toString(),
        "examples/access");

    assertThat(strict.exit()).isEqualTo(65);
    assertThat(strict.err()).contains("warning:").contains("block the build (--strict)");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void aLargeMapIsLintedInFullAndItsFindingsBeyondTheFirstFiftyAreCountedInOneLine()
      throws IOException {
    int entries = 10_001;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < entries; i++) {
      sb.append("Try_TLS:host").append(i).append(".example YES\n"); // AC301: "does nothing"
    }
    Path src = write("access", sb.toString());
    Cli.Run lint = Cli.run("lint", "--no-cf", "--format", "gcc", src.toString());
    long findings = lint.out().lines().filter(l -> l.contains(" [AC")).count();
    assertThat(findings).isGreaterThanOrEqualTo(entries);

    Cli.Run r = Cli.run("compile", "--no-cf", "-q", src.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err().lines().filter(l -> l.startsWith("accessctl: ")))
        .containsExactly("accessctl: " + (findings - CompileRun.MAX_SHOWN)
            + " more finding(s) not shown; 'accessctl lint " + src + "' lists them all");
    assertThat(lookup(dir.resolve("access.db"), "try_tls:host10000.example")).contains("YES");
  }

  @Test
  void theFindingThatRefusesTheWriteIsShownBeforeFiftyOthers() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      sb.append("Connect:192.0.2.").append(i).append(" REJECT  \n"); // trailing blanks: AC109
    }
    Path src = write("access", sb + "Connect:192.0.2.200\n");

    Cli.Run r = Cli.run("compile", "--no-cf", src.toString());

    assertThat(r.exit()).isEqualTo(65);
    assertThat(r.err()).contains(src + ":61:").contains("[AC102 missing-value]")
        .contains("accessctl: 11 more finding(s) not shown;")
        .endsWith("1 problem blocks the build; " + dir.resolve("access.db") + " was not written\n");
  }

  @Test
  void aMakemapErrorAtTheEndOfALargeMapRefusesTheWriteAndLeavesTheDbAlone() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 10_001; i++) {
      sb.append("Connect:10.0.").append(i / 256).append('.').append(i % 256).append(" OK\n");
    }
    Path src = write("access", sb.toString());
    assertThat(Cli.run("compile", "--no-cf", "-q", src.toString()).exit()).isZero();
    Path db = dir.resolve("access.db");
    byte[] before = Files.readAllBytes(db);
    write("access", sb + "Connect:192.0.2.1\n");

    Cli.Run r = Cli.run("compile", "--no-cf", src.toString());

    assertThat(r.exit()).isEqualTo(65);
    assertThat(r.err()).contains(":10002:").contains("error:")
        .endsWith("accessctl: " + src + ": 1 problem blocks the build; " + db
            + " was not written\n");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void atMostFiftyFindingsArePrintedAndTheRestCounted() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 80; i++) {
      sb.append("Connect:192.0.2.").append(i).append(" REJECT  \n"); // trailing blanks: AC109
    }
    Path src = write("access", sb.toString());
    Cli.Run r = Cli.run("compile", "--no-cf", "-q", src.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("50 problems").contains("accessctl: 30 more finding(s) not shown;"
        + " 'accessctl lint " + src + "' lists them all");
  }

  @ParameterizedTest
  @ValueSource(strings = {"hash", "btree", "cdb"})
  void keysFoldUnlessMinusFAndMinusNAddsTheNul(String type) throws IOException {
    Path src = write("access", "Try_TLS:Broken.Example NO\n");
    Path folded = dir.resolve("folded." + type);
    Path exact = dir.resolve("exact." + type);
    assertThat(Cli.run("compile", "--no-cf", "--type", type, "-N", "-o", folded.toString(),
        src.toString()).exit()).isZero();
    assertThat(Cli.run("compile", "--no-cf", "--type", type, "-f", "-o", exact.toString(),
        src.toString()).exit()).isZero();
    assertThat(lookup(folded, "try_tls:broken.example\0")).contains("NO\0");
    assertThat(lookup(folded, "try_tls:broken.example")).isEmpty();
    assertThat(lookup(exact, "Try_TLS:Broken.Example")).contains("NO");
    assertThat(lookup(exact, "try_tls:broken.example")).isEmpty();
  }

  @Test
  void minusEStoresAKeyWithoutValue() throws IOException {
    Path src = write("access", "Spam:abuse@\nConnect:192.0.2 REJECT\n");
    assertThat(Cli.run("compile", "--no-cf", "-e", src.toString()).exit()).isZero();
    assertThat(lookup(dir.resolve("access.db"), "spam:abuse@")).contains("");
  }

  @Test
  void minusTAndMinusDChangeTheSyntaxAsInMakemap() throws IOException {
    Path src = write("access", ";comment\n#not a comment:ERROR:550 5.7.1 value one\n"
        + "Key With Space:OK\n");
    assertThat(Cli.run("compile", "--no-cf", "-t", ":", "-D", ";", src.toString()).exit())
        .isZero();
    assertThat(lookup(dir.resolve("access.db"), "#not a comment"))
        .contains("ERROR:550 5.7.1 value one");
    assertThat(lookup(dir.resolve("access.db"), "key with space")).contains("OK");
  }

  /**
   * Found by MakemapDifferentialTest: BtreeWriter threw ArrayIndexOutOfBoundsException for an
   * empty record list (mapfile, since fixed there); makemap writes an empty btree.
   */
  @ParameterizedTest
  @ValueSource(strings = {"hash", "btree", "cdb"})
  void aSourceWithOnlyCommentsCompilesToAnEmptyMap(String type) throws IOException {
    Path src = write("access", "# nothing yet\n\n");
    Path db = dir.resolve("empty." + type);
    Cli.Run r = Cli.run("compile", "--no-cf", "--type", type, "-o", db.toString(),
        src.toString());
    assertThat(r.exit()).as("MAPFILE BUG for btree: %s", r.err()).isZero();
    try (MapReader reader = MapReader.open(db)) {
      assertThat(reader.size()).isZero();
    }
  }

  @Test
  void aMissingSourceIsOneLineAndExit66() {
    Path src = dir.resolve("nope");
    Cli.Run r = Cli.run("compile", "--no-cf", src.toString());
    assertThat(r.exit()).isEqualTo(66);
    assertThat(r.err()).isEqualTo("accessctl: " + src + ": No such file or directory\n");
  }

  @Test
  void aCompiledDbAsSourceIsOneLineAndExit66() throws IOException {
    Path src = write("access", GOOD);
    Cli.run("compile", "--no-cf", "-q", src.toString());
    Cli.Run r = Cli.run("compile", "--no-cf", dir.resolve("access.db").toString());
    assertThat(r.exit()).isEqualTo(66);
    assertThat(r.err().lines()).hasSize(1).first().asString()
        .contains("a Berkeley DB hash file, not an access text map");
  }

  @Test
  void anOutputInAMissingDirectoryIsOneLineAndExit73() throws IOException {
    Path src = write("access", GOOD);
    Cli.Run r = Cli.run("compile", "--no-cf", "-o", dir.resolve("no/such/dir/x.db").toString(),
        src.toString());
    assertThat(r.exit()).isEqualTo(73);
    assertThat(r.err().lines()).hasSize(1).first().asString().startsWith("accessctl: ");
  }

  @Test
  void anUnknownTypeIsAUsageError() throws IOException {
    Path src = write("access", GOOD);
    Cli.Run r = Cli.run("compile", "--no-cf", "--type", "dbm", src.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("accessctl: --type must be hash, btree or cdb, not 'dbm'\n");
  }

  @Test
  void aMissingCfGivenWithMinusMinusCfIsExit66() throws IOException {
    Path src = write("access", GOOD);
    Cli.Run r = Cli.run("compile", "--cf", dir.resolve("nope.cf").toString(), src.toString());
    assertThat(r.exit()).isEqualTo(66);
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  @Tag("oracle")
  void theCfsAccessKLineGivesSourceTypeNulAndFolding() throws IOException {
    Oracle.require(Oracle.STOCK_CF);
    Path src = write("access", "Try_TLS:Broken.Example NO\n");
    Path cf = Oracle.testCf(dir, "btree", "-N -f " + src);

    Cli.Run r = Cli.run("compile", "--cf", cf.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    Path db = dir.resolve("access.db");
    assertThat(r.out()).isEqualTo("accessctl: wrote " + db + " (btree, 1 entry)\n");
    assertThat(MapFormat.detect(db)).isEqualTo(MapFormat.BTREE);
    assertThat(lookup(db, "Try_TLS:Broken.Example\0")).contains("NO\0");
  }

  @Test
  @Tag("oracle")
  void theKLineDoesNotApplyToAnotherFileAndTypeOverridesIt() throws IOException {
    Oracle.require(Oracle.STOCK_CF);
    Path src = write("access", "Try_TLS:Broken.Example NO\n");
    Path other = write("other", "Try_TLS:Broken.Example NO\n");
    Path cf = Oracle.testCf(dir, "btree", "-N " + src);

    Cli.Run elsewhere = Cli.run("compile", "-q", "--cf", cf.toString(), other.toString());
    Cli.Run overridden = Cli.run("compile", "-q", "--cf", cf.toString(), "--type", "hash",
        src.toString());

    assertThat(elsewhere.exit()).isZero();
    assertThat(MapFormat.detect(dir.resolve("other.db"))).isEqualTo(MapFormat.HASH);
    assertThat(lookup(dir.resolve("other.db"), "try_tls:broken.example")).contains("NO");
    assertThat(overridden.exit()).isZero();
    assertThat(overridden.err()).contains("opens this map as btree, not hash");
    assertThat(MapFormat.detect(dir.resolve("access.db"))).isEqualTo(MapFormat.HASH);
    assertThat(lookup(dir.resolve("access.db"), "try_tls:broken.example\0")).contains("NO\0");
  }

  @Test
  void helpListsTheExitCodes() {
    Cli.Run r = Cli.run("compile", "--help");
    List<String> codes = new ArrayList<>(List.of("65", "66", "73"));
    assertThat(r.exit()).isZero();
    codes.forEach(c -> assertThat(r.out()).contains(c + "  "));
  }
}
