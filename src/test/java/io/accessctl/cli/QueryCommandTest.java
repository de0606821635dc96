package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code accessctl query}: exact lookups in text maps and compiled maps (with and without -N),
 * folded unless -f; exit 0 when every key is found, 1 when one is not, 3 when the map cannot be
 * read.
 */
class QueryCommandTest {
  private static final String TEXT = "Try_TLS:Broken.Example NO\n"
      + "Connect:192.0.2 ERROR:\"550 go away\"  \n"
      + "connect:192.0.2 later duplicate\n"
      + "  Connect:198.51.100.7 dropped by makemap\n"
      + "Spam:abuse@ FRIEND\n";

  @TempDir
  Path dir;

  /** The text map itself, and the same compiled in each type, with and without -N. */
  static Stream<Arguments> maps() {
    List<Arguments> out = new ArrayList<>();
    out.add(Arguments.of("text", List.of()));
    for (String type : List.of("hash", "btree", "cdb")) {
      out.add(Arguments.of(type, List.of()));
      out.add(Arguments.of(type, List.of("-N")));
    }
    return out.stream();
  }

  private Path map(String type, List<String> flags, boolean noFold) throws IOException {
    // the indented line is a makemap error: a text map drops it, as compile would refuse it
    String text = type.equals("text") ? TEXT : TEXT.replace("  Connect:198.51.100.7 dropped by "
        + "makemap\n", "").replace("connect:192.0.2 later duplicate\n", "");
    Path src = Files.writeString(dir.resolve("access"), text, StandardCharsets.ISO_8859_1);
    if (type.equals("text")) {
      return src;
    }
    Path db = dir.resolve("access-" + String.join("", flags) + (noFold ? "f" : "") + "." + type);
    List<String> args = new ArrayList<>(List.of("compile", "--no-cf", "-q", "--type", type,
        "-o", db.toString()));
    args.addAll(flags);
    if (noFold) {
      args.add("-f");
    }
    args.add(src.toString());
    Cli.Run r = Cli.run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    return db;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("maps")
  void aKeyIsFoundWhateverItsCaseAndItsValueIsPrintedVerbatim(String type, List<String> flags)
      throws IOException {
    Path m = map(type, flags, false);

    Cli.Run one = Cli.run("query", "--map", m.toString(), "TRY_TLS:broken.EXAMPLE");
    Cli.Run two = Cli.run("query", "--map", m.toString(), "connect:192.0.2", "Spam:abuse@");

    assertThat(one.exit()).as(one.err()).isZero();
    assertThat(one.out()).isEqualTo("NO\n");
    assertThat(two.exit()).isZero();
    assertThat(two.out()).isEqualTo(
        "connect:192.0.2\tERROR:\"550 go away\"  \nSpam:abuse@\tFRIEND\n");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("maps")
  void aMissingKeyIsExit1AndTheOthersAreStillPrinted(String type, List<String> flags)
      throws IOException {
    Path m = map(type, flags, false);

    Cli.Run r = Cli.run("query", "--map", m.toString(), "Connect:198.51.100.7",
        "Try_TLS:broken.example", "Try_TLS:example");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("Try_TLS:broken.example\tNO\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void withMinusFKeysAreComparedExactlyInTextAndCompiledMaps() throws IOException {
    for (String type : List.of("text", "hash")) {
      Path m = map(type, List.of(), true);
      String[] flags = {"-f"};
      Cli.Run exact = Cli.run(concat("query", flags, "--map", m.toString(),
          "Try_TLS:Broken.Example"));
      Cli.Run folded = Cli.run(concat("query", flags, "--map", m.toString(),
          "try_tls:broken.example"));
      assertThat(exact.exit()).as(type).isZero();
      assertThat(exact.out()).isEqualTo("NO\n");
      assertThat(folded.exit()).as(type).isEqualTo(1);
    }
  }

  private static String[] concat(String first, String[] middle, String... rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(middle));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  @Test
  void aMissingMapIsExit3() {
    Cli.Run r = Cli.run("query", "--map", dir.resolve("nope.db").toString(), "x");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("accessctl: " + dir.resolve("nope.db")
        + ": No such file or directory\n");
  }

  @Test
  void aDirectoryIsExit3() {
    Cli.Run r = Cli.run("query", "--map", dir.toString(), "x");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().lines()).singleElement().asString().contains("is a directory");
  }

  @Test
  void aDamagedDbIsReportedAsDamagedNotReadAsTextAndExit3() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      sb.append("Connect:10.0.").append(i / 256).append('.').append(i % 256).append(" REJECT\n");
    }
    Path src = Files.writeString(dir.resolve("access"), sb);
    Path db = dir.resolve("access.db");
    assertThat(Cli.run("compile", "--no-cf", "-q", src.toString()).exit()).isZero();
    byte[] whole = Files.readAllBytes(db);
    Files.write(db, java.util.Arrays.copyOf(whole, whole.length / 2));

    Cli.Run r = Cli.run("query", "--map", db.toString(), "connect:10.0.0.1");

    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().lines()).singleElement().asString().startsWith("accessctl: " + db)
        .doesNotContain("not an access text map");
  }

  @Test
  void aBinaryFileIsExit3() throws IOException {
    byte[] junk = new byte[4096];
    new java.util.Random(1).nextBytes(junk);
    Path f = Files.write(dir.resolve("junk"), junk);
    Cli.Run r = Cli.run("query", "--map", f.toString(), "x");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  @Tag("oracle")
  void aMapMadeByMakemapWithMinusNIsFoundLikeSendmailFindsIt() throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    Oracle.Result b = Oracle.makemap(dir, List.of("-N"), "hash", dir.resolve("m").toString(),
        TEXT.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(b.exit()).isEqualTo(65); // the indented line and the duplicate
    Cli.Run r = Cli.run("query", "--map", dir.resolve("m.db").toString(), "Connect:192.0.2");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("ERROR:\"550 go away\"  \n");
  }

  @Test
  @Tag("oracle")
  void withoutMinusMinusMapTheCfsAccessMapIsQueried() throws IOException {
    Oracle.require(Oracle.STOCK_CF);
    Path src = Files.writeString(dir.resolve("access"), "Try_TLS:broken.example NO\n");
    assertThat(Cli.run("compile", "--no-cf", "-q", "--type", "btree", src.toString()).exit())
        .isZero();
    Path cf = Oracle.testCf(dir, "btree", src.toString());

    Cli.Run r = Cli.run("query", "--cf", cf.toString(), "try_tls:broken.example");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("NO\n");
  }
}
