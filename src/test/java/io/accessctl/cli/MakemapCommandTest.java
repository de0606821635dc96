package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.MapReader;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code accessctl makemap} against makemap on the command line and the file system: usage
 * errors, unknown types, -o on a missing map, links with and without -s, ownership (TrustedUser),
 * permissions, the cf and CF types, writable-directory warnings, -u's checks.
 *
 * <p>Each scenario builds the same files twice in the same directory (so messages name the same
 * paths), runs the real makemap on one and accessctl on the other, and compares exit status,
 * stdout, stderr and every file left (kind, owner, group, mode; the records of maps; the target
 * of links).
 */
@Tag("oracle")
class MakemapCommandTest {
  private static final byte[] INPUT = "Try_TLS:Broken.Example NO\nConnect:192.0.2 REJECT\n"
      .getBytes(StandardCharsets.US_ASCII);

  @TempDir
  Path dir;

  /** Prepares the directory before each of the two runs. */
  @FunctionalInterface
  interface Setup {
    void in(Path dir) throws IOException;
  }

  record Outcome(int exit, String out, String err, Map<String, String> files) {}

  private Outcome real(List<String> args, byte[] stdin) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Oracle.MAKEMAP));
    cmd.addAll(args);
    Oracle.Result r = Oracle.run(cmd, stdin, dir, Map.of());
    // getopt names the program as it was run; makemap's own messages use the base name
    String err = CompileFixtures.utf8(r.stderr())
        .replaceAll("(?m)^" + Oracle.MAKEMAP + ": ", "makemap: ");
    return new Outcome(r.exit(), new String(r.stdoutBytes(), StandardCharsets.UTF_8), err,
        files());
  }

  private Outcome ours(List<String> args, byte[] stdin) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("makemap"));
    cmd.addAll(args);
    Cli.Run r = Cli.runWithStdin(stdin, cmd.toArray(String[]::new));
    return new Outcome(r.exit(), r.out(), r.err(), files());
  }

  /** Runs both on the same prepared directory and demands the same outcome; returns it. */
  private Outcome same(Setup setup, byte[] stdin, String... args) throws IOException {
    wipe();
    setup.in(dir);
    Outcome real = real(List.of(args), stdin);
    wipe();
    setup.in(dir);
    Outcome ours = ours(List.of(args), stdin);
    assertThat(ours).as("makemap %s", String.join(" ", args)).isEqualTo(real);
    return ours;
  }

  private Outcome same(byte[] stdin, String... args) throws IOException {
    return same(d -> { }, stdin, args);
  }

  private String p(String name) {
    return dir.resolve(name).toString();
  }

  private void wipe() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
        if (!f.equals(dir)) {
          Files.delete(f);
        }
      }
    }
  }

  /** Every file below the directory but accessctl's lock files: what it is, and what it holds. */
  private Map<String, String> files() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path f : all.sorted().toList()) {
        String name = dir.relativize(f).toString();
        if (f.equals(dir) || name.endsWith(".accessctl.lock")) {
          continue;
        }
        out.put(name, describe(f));
      }
    }
    return out;
  }

  private static String describe(Path f) throws IOException {
    if (Files.isSymbolicLink(f)) {
      return "-> " + Files.readSymbolicLink(f);
    }
    Map<String, Object> a = Files.readAttributes(f, "unix:uid,gid,mode,nlink",
        LinkOption.NOFOLLOW_LINKS);
    String meta = a.get("uid") + ":" + a.get("gid") + " "
        + Integer.toOctalString((Integer) a.get("mode")) + " links " + a.get("nlink");
    if (Files.isDirectory(f)) {
      return meta;
    }
    try {
      MapFormat.detect(f);
    } catch (IOException notAMap) {
      return meta + " " + Files.readString(f, StandardCharsets.ISO_8859_1);
    }
    List<String> records = new ArrayList<>();
    try (MapReader r = MapReader.open(f)) {
      r.forEach((k, v) -> records.add(new String(k, StandardCharsets.ISO_8859_1) + "\t"
          + new String(v, StandardCharsets.ISO_8859_1)));
    }
    return meta + " " + MapFormat.detect(f) + " " + records.stream().sorted().toList();
  }

  private static void chmod(Path p, String mode) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
  }

  /** A map built by the real makemap, as a starting point (the same for both runs). */
  private static void makemap(Path dir, String type, String name) {
    Oracle.Result r = Oracle.makemap(dir, List.of(), type, dir.resolve(name).toString(),
        "Old:key old value\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(r.exit()).as(r.stderr()).isZero();
  }

  @Test
  void usageErrorsAreExit64WithMakemapsUsage() throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    for (List<String> args : List.<List<String>>of(List.of(), List.of("hash"), List.of("hash", "a", "b"),
        List.of("-z", "hash", "m"), List.of("-t"), List.of("--foo", "hash", "m"),
        List.of("-t", "", "hash"), List.of("-Nq", "hash", "m"))) {
      Outcome o = same(INPUT, args.toArray(String[]::new));
      assertThat(o.exit()).as("%s", args).isEqualTo(64);
      assertThat(o.err()).contains("Usage: makemap [-C cffile]");
    }
  }

  @Test
  void unknownTypesAreExit73() throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    for (String type : List.of("HASH", "dbm", "foo", "")) {
      Outcome o = same(INPUT, type, p("m"));
      assertThat(o.exit()).as(type).isIn(65, 73);
    }
  }

  @Test
  void flagsAreReadAsGetoptReadsThem() throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    byte[] in = "Key One:v1\n:empty\nkey one:v2\n".getBytes(StandardCharsets.US_ASCII);
    same(in, "-t:", "-er", "hash", p("m"));
    same(in, "hash", p("m"), "-t", ":", "-e", "-v");
    same(in, "-t", ":", "--", "hash", p("m"));
    same(in, "-t", "", "-e", "-v", "hash", p("m"));
    same(in, "-c", "1000", "-D", "K", "-N", "hash", p("m"));
  }

  @Test
  void minusOOnAMissingMapIsExit73AndOnAnExistingOneAppends() throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    assertThat(same(INPUT, "-o", "hash", p("m")).exit()).isEqualTo(73);
    Outcome o = same(d -> makemap(d, "btree", "m"), INPUT, "-o", "btree", p("m"));
    assertThat(o.exit()).isZero();
    assertThat(o.files().get("m.db")).contains("old:key\told value", "connect:192.0.2\tREJECT");
    assertThat(same(d -> makemap(d, "hash", "m"), INPUT, "-o", "btree", p("m")).exit())
        .as("-o on a map of another type").isEqualTo(73);
  }

  @Test
  void aSymbolicLinkIsRefusedWithoutMinusSAndWrittenThroughWithIt() throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    Setup linked = d -> {
      makemap(d, "hash", "target");
      Files.createSymbolicLink(d.resolve("m.db"), Path.of("target.db"));
    };
    Outcome refused = same(linked, INPUT, "hash", p("m"));
    assertThat(refused.exit()).isEqualTo(73);
    assertThat(refused.files().get("target.db")).contains("old:key");
    assertThat(refused.files().get("m.db")).isEqualTo("-> target.db");

    Outcome through = same(linked, INPUT, "-s", "hash", p("m"));
    assertThat(through.exit()).isZero();
    assertThat(through.files().get("m.db")).isEqualTo("-> target.db");
    assertThat(through.files().get("target.db")).contains("try_tls:broken.example\tNO");

    assertThat(same(linked, INPUT, "-u", "hash", p("m")).exit()).isEqualTo(73);
    assertThat(same(linked, INPUT, "-u", "-s", "hash", p("m")).out())
        .isEqualTo("old:key\told value\n");
    assertThat(same(d -> Files.createSymbolicLink(d.resolve("m.db"), Path.of("nowhere.db")),
        INPUT, "-s", "hash", p("m")).exit()).as("a dangling link").isEqualTo(73);
  }

  @Test
  void aLoopOfSymbolicLinksCannotBeOpenedWithMinusS() throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    Outcome o = same(d -> {
      Files.createSymbolicLink(d.resolve("m.db"), Path.of("n.db"));
      Files.createSymbolicLink(d.resolve("n.db"), Path.of("m.db"));
    }, INPUT, "-s", "hash", p("m"));
    assertThat(o.exit()).isEqualTo(73);
    assertThat(o.err()).contains("Too many levels of symbolic links");
  }

  @Test
  void aHardLinkIsRefusedWithoutMinusSAndBothNamesSeeTheNewMapWithIt() throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    Setup linked = d -> {
      makemap(d, "hash", "m");
      Files.createLink(d.resolve("other.db"), d.resolve("m.db"));
    };
    assertThat(same(linked, INPUT, "hash", p("m")).exit()).isEqualTo(73);
    Outcome through = same(linked, INPUT, "-s", "hash", p("m"));
    assertThat(through.exit()).isZero();
    assertThat(through.files().get("other.db")).contains("links 2")
        .contains("try_tls:broken.example\tNO");
  }

  @Test
  void theMapIsGivenToTrustedUserAndRootMayOnlyWriteWhatTheModeAllows() throws IOException {
    Oracle.require(Oracle.MAKEMAP, Oracle.STOCK_CF);
    for (String mode : List.of("rw----r--", "rw----rw-", "rw-r-----", "r--------")) {
      Outcome o = same(d -> {
        makemap(d, "hash", "m");
        Files.setAttribute(d.resolve("m.db"), "unix:uid", 1234);
        Files.setAttribute(d.resolve("m.db"), "unix:gid", 5678);
        chmod(d.resolve("m.db"), mode);
      }, INPUT, "hash", p("m"));
      assertThat(o.exit()).as(mode).isIn(0, 73);
    }
    for (String trusted : List.of("1234", "nosuchuser", "root", " smmta")) {
      Path cf = dir.resolve("t.cf");
      Outcome o = same(d -> Files.writeString(d.resolve("t.cf"), "V10/Berkeley\nO TrustedUser="
          + trusted + "\n"), INPUT, "-C", cf.toString(), "hash", p("m"));
      assertThat(o.exit()).as(trusted).isZero();
    }
    Outcome missingCf = same(INPUT, "-C", p("nope.cf"), "hash", p("m"));
    assertThat(missingCf.exit()).isEqualTo(66);
    assertThat(same(INPUT, "-C", p("nope.cf"), "-u", "hash", p("m")).exit()).isEqualTo(66);
  }

  /** What a cf holds, given the directory it is written in. */
  @FunctionalInterface
  interface CfContent {
    String in(Path dir);
  }

  /**
   * Runs both with {@code -C} a cf of this text and each of the argument lists, demanding the
   * same outcome and one of makemap's statuses for the cf types.
   */
  private void sameWithCf(CfContent text, List<List<String>> argLists) throws IOException {
    Path cf = dir.resolve("t.cf");
    Setup withCf = d -> Files.writeString(d.resolve("t.cf"), text.in(d));
    for (List<String> args : argLists) {
      List<String> all = new ArrayList<>(List.of("-C", cf.toString()));
      all.addAll(args);
      Outcome o = same(withCf, INPUT, all.toArray(String[]::new));
      assertThat(o.exit()).as("%s", args).isIn(0, 65, 73);
    }
  }

  /** Map names are absolute: accessctl runs in this JVM's directory, makemap in the test's. */
  @Test
  void theCfTypesTakeTheClassFromTheKLine() throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    sameWithCf(d -> "V10/Berkeley\n"
        + "Kaccess btree -T<TMPF> " + d.resolve("acc") + "\n"
        + "Kother hash " + d.resolve("oth.db") + "\n",
        List.of(List.of("cf", p("acc")), List.of("cf", "acc"),
        List.of("CF", p("sub/acc")), List.of("CF", p("acc.db")), List.of("Cf", p("oth")),
        List.of("cf", p("oth.db")), List.of("cf", p("nothere")),
        List.of("-i", "btree", "-v", "cf", p("nothere")), List.of("-i", "", "CF", p("x"))));
  }

  @Test
  void theKLineIsSplitAsSendmailSplitsIt() throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    sameWithCf(d -> "V10/Berkeley\n"
        + "Kacc-ess foo_bar " + d.resolve("a") + "\n"
        + "K\tother\tbtree\t" + d.resolve("b") + "  \n"
        + "Kbad -o " + d.resolve("c") + "\n"
        + "Kdotted.name_1 hash\t" + d.resolve("e") + "\n",
        List.of(List.of("cf", p("a")), List.of("cf", p("b")), List.of("cf", p("c")),
            List.of("cf", p("e"))));
  }

  @Test
  void writableDirectoriesOnThePathAreWarnedAbout() throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    Setup dirs = d -> {
      Files.createDirectories(d.resolve("ww/g/sub"));
      chmod(d.resolve("ww"), "rwxrwxrwx");
      chmod(d.resolve("ww/g"), "rwxrwxr-x");
    };
    Outcome o = same(dirs, INPUT, "hash", p("ww/g/sub/m"));
    assertThat(o.err()).contains("World writable directory " + p("ww"))
        .contains("Group writable directory " + p("ww/g"));
    same(dirs, INPUT, "hash", p("ww/./g/../g/m"));
    same(dirs, INPUT, "-u", "hash", p("ww/m"));
  }

  @Test
  void dumpRefusesWhatIsNotAMapOfTheType() throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    assertThat(same(d -> Files.createDirectory(d.resolve("m.db")), INPUT, "-u", "hash", p("m"))
        .err()).contains("Regular files only");
    assertThat(same(d -> makemap(d, "hash", "m"), INPUT, "-u", "btree", p("m")).err())
        .contains("Invalid argument");
    assertThat(same(d -> Files.writeString(d.resolve("m.db"), "text\n"), INPUT, "-u", "hash",
        p("m")).exit()).isEqualTo(73);
    assertThat(same(INPUT, "-u", "hash", p("m")).err()).contains("No such file or directory");
    assertThat(same(d -> makemap(d, "btree", "m"), INPUT, "-u", "-t", ";", "btree", p("m"))
        .out()).isEqualTo("old:key;old value\n");
  }

  @Test
  void theTypeListsAreMakemapsPlusCdb() {
    assertThat(Cli.run("makemap", "-l").out()).isEqualTo("hash\nbtree\ncdb\nimplicit\n");
    assertThat(Cli.run("makemap", "-x").out())
        .isEqualTo("hash:db\nbtree:db\ncdb:cdb\nimplicit:\n");
    assertThat(Cli.run("makemap", "-L").out()).isEqualTo("cf\nCF\nhash\nbtree\ncdb\nimplicit\n");
  }

  @Test
  void cdbMapsAreWhatTinycdbReads() throws IOException {
    Oracle.require(Oracle.CDB);
    Cli.Run r = Cli.runWithStdin("Try_TLS:Broken.Example NO\n  bad\nk v\nK again\n"
        .getBytes(StandardCharsets.US_ASCII), "makemap", "-N", "cdb", p("m"));
    assertThat(r.exit()).isEqualTo(65);
    assertThat(CompileFixtures.cdbDump(dir.resolve("m.cdb")))
        .containsExactly("try_tls:broken.example\tNO", "k\tv");
    assertThat(r.err()).contains("line 2: syntax error (leading space)")
        .contains("line 4: key k: duplicate key");
  }

  @Test
  void helpIsAccessctlsOwn() {
    Cli.Run r = Cli.run("makemap", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Drop-in for makemap(8)").contains("64");
  }
}
