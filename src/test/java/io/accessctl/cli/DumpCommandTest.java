package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.AccessGen;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code accessctl dump} prints exactly what {@code makemap -u} prints — the same lines in the same
 * order — for hash and btree files written by makemap (grown by splits, with big items, -N,
 * duplicates) and by accessctl, and exactly what {@code cdb -d} holds for cdb files written by
 * tinycdb and by accessctl.
 */
class DumpCommandTest {
  private static final int ENTRIES = 4000;

  @TempDir
  Path dir;

  static Stream<Arguments> makemapFlags() {
    List<Arguments> out = new ArrayList<>();
    for (String type : List.of("hash", "btree")) {
      for (String flags : List.of("", "-N", "-d", "-f -r", "-N -d")) {
        out.add(Arguments.of(type, flags));
      }
    }
    return out.stream();
  }

  /**
   * Lines makemap can read (at most 1,022 bytes), so some items are big enough for overflow
   * pages; keys repeat with -d and -r.
   */
  private static byte[] makemapInput(long seed) {
    Random rnd = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ENTRIES; i++) {
      String key = rnd.nextInt(10) == 0 && i > 0 ? "Connect:192.0." + rnd.nextInt(i) % 250
          : "Connect:192.0." + (i % 250) + "." + (i / 250) + (rnd.nextInt(50) == 0
              ? "." + "x".repeat(200 + rnd.nextInt(200)) : "");
      int len = rnd.nextInt(40) == 0 ? 300 + rnd.nextInt(200) : 1 + rnd.nextInt(20);
      StringBuilder v = new StringBuilder("ERROR:\"550 ");
      while (v.length() < len) {
        v.append(rnd.nextInt(30) == 0 ? "\u00e9" : String.valueOf((char) ('a' + rnd.nextInt(26))));
      }
      sb.append(key).append('\t').append(v).append("\"\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "makemap {1} {0}")
  @MethodSource("makemapFlags")
  @Tag("oracle")
  void dumpOfAMakemapFileIsMakemapsDump(String type, String flags) throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    long seed = AccessGen.seed();
    List<String> args = flags.isEmpty() ? List.of() : Arrays.asList(flags.split(" "));
    Oracle.Result build = Oracle.makemap(dir, args, type, dir.resolve("m").toString(),
        makemapInput(seed));
    assertThat(build.exit()).as(build.stderr()).isIn(0, 65);

    assertSameAsMakemap(dir.resolve("m.db"), type, "seed " + seed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"hash", "btree"})
  @Tag("oracle")
  void dumpOfAnAccessctlFileIsMakemapsDump(String type) throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    long seed = AccessGen.seed();
    CompileFixtures.Generated map = CompileFixtures.generate(seed, ENTRIES,
        new CompileFixtures.Shape(true, true, true, true));
    Path src = dir.resolve("access");
    Files.write(src, map.text());
    Path db = dir.resolve("access.db");
    Cli.Run c = Cli.run("compile", "--no-cf", "-q", "--force", "-N", "-f", "-r", "-e", "--type",
        type, src.toString());
    assertThat(c.exit()).as(c.err()).isZero();

    assertSameAsMakemap(db, type, "seed " + seed);
  }

  private static void assertSameAsMakemap(Path db, String type, String replay) {
    Oracle.Result real = Oracle.run(List.of(Oracle.MAKEMAP, "-u", type,
        db.toString().replaceFirst("\\.db$", "")), new byte[0]);
    assertThat(real.exit()).as(real.stderr()).isZero();
    Cli.Run ours = Cli.run("dump", db.toString());
    Cli.Run typed = Cli.run("dump", "--type", type, db.toString());

    assertThat(ours.exit()).as(ours.err()).isZero();
    assertThat(ours.err()).isEmpty();
    assertThat(ours.out()).as("accessctl dump vs makemap -u; %s", replay)
        .isEqualTo(new String(real.stdoutBytes(), StandardCharsets.UTF_8));
    assertThat(typed.out()).isEqualTo(ours.out());
  }

  @Test
  @Tag("oracle")
  void dumpOfCdbFilesIsWhatTinycdbHolds() throws IOException {
    Oracle.require(Oracle.CDB);
    Path theirs = dir.resolve("tiny.cdb");
    Oracle.Result made = Oracle.run(List.of(Oracle.CDB, "-c", "-m", theirs.toString()),
        "try_tls:a.example NO\nconnect:192.0.2 REJECT\nconnect:192.0.2 again\n"
            .getBytes(StandardCharsets.US_ASCII));
    assertThat(made.exit()).as(made.stderr()).isZero();
    assertThat(Cli.run("dump", theirs.toString()).out())
        .isEqualTo(String.join("\n", CompileFixtures.cdbDump(theirs)) + "\n")
        .isEqualTo("try_tls:a.example\tNO\nconnect:192.0.2\tREJECT\nconnect:192.0.2\tagain\n");

    long seed = AccessGen.seed();
    CompileFixtures.Generated map = CompileFixtures.generate(seed, ENTRIES,
        CompileFixtures.Shape.PLAIN);
    Path src = dir.resolve("access");
    Files.write(src, map.text());
    assertThat(Cli.run("compile", "--no-cf", "-q", "--force", "--type", "cdb", src.toString())
        .exit()).isZero();
    Path ours = dir.resolve("access.cdb");
    List<String> expected = CompileFixtures.cdbDump(ours).stream()
        .map(CompileFixtures::utf8).toList();
    assertThat(CompileFixtures.lines(Cli.run("dump", ours.toString()).out()))
        .as("seed %d", seed).isEqualTo(expected);
  }

  @Test
  void aMissingFileIsOneLineAndExit3() {
    Cli.Run r = Cli.run("dump", dir.resolve("nope.db").toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("accessctl: " + dir.resolve("nope.db")
        + ": No such file or directory\n");
  }

  @Test
  void aDirectoryIsOneLineAndExit3() {
    Cli.Run r = Cli.run("dump", dir.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("accessctl: " + dir + ": is a directory, not a map\n");
  }

  @Test
  void aTextFileIsNotAMap() throws IOException {
    Path text = Files.writeString(dir.resolve("access"), "Connect:192.0.2 REJECT\n");
    Cli.Run r = Cli.run("dump", text.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().lines()).singleElement().asString().contains("not a map file");
  }

  @ParameterizedTest
  @ValueSource(strings = {"hash", "btree", "cdb"})
  void aTruncatedFileIsOneLineAndExit3(String type) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      sb.append("Connect:10.0.").append(i / 256).append('.').append(i % 256).append(" REJECT\n");
    }
    Path src = Files.writeString(dir.resolve("access"), sb);
    Path db = dir.resolve("access." + type);
    assertThat(Cli.run("compile", "--no-cf", "-q", "--type", type, "-o", db.toString(),
        src.toString()).exit()).isZero();
    byte[] whole = Files.readAllBytes(db);
    for (int cut : new int[] {whole.length / 2, whole.length - 1, 5000}) {
      Files.write(db, Arrays.copyOf(whole, cut));
      Cli.Run r = Cli.run("dump", db.toString());
      assertThat(r.exit()).as("cut at %d: %s", cut, r.err()).isEqualTo(3);
      assertThat(r.err().lines()).as("cut at %d", cut).singleElement().asString()
          .startsWith("accessctl: " + db);
    }
  }

  @Test
  void aWrongTypeIsExit3AndAnUnknownOneAUsageError() throws IOException {
    Path src = Files.writeString(dir.resolve("access"), "Connect:192.0.2 REJECT\n");
    Cli.run("compile", "--no-cf", "-q", src.toString());
    Path db = dir.resolve("access.db");

    Cli.Run wrong = Cli.run("dump", "--type", "btree", db.toString());
    Cli.Run unknown = Cli.run("dump", "--type", "dbm", db.toString());

    assertThat(wrong.exit()).isEqualTo(3);
    assertThat(wrong.err()).isEqualTo("accessctl: " + db + ": is a hash file, not btree\n");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("accessctl: --type must be hash, btree or cdb");
  }
}
