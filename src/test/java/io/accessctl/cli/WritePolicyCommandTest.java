package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.mapfile.MapReader;
import io.accessctl.serve.Store;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one write policy on every path that writes a map: lint errors refuse the write and leave
 * every file as it was, --force writes and says what it overrode, --strict refuses warnings too,
 * and a warning alone refuses nothing.
 */
class WritePolicyCommandTest {
  /** A lint error (AC313): the whole value must be the keyword. */
  static final Problem ERROR = new Problem("Connect:192.0.2.7", "OK writer", "1 lint error");

  /** A lint warning (AC206) under --no-cf: the compressed IPv6 form may never match. */
  static final Problem WARNING = new Problem("Connect:IPv6:::1", "RELAY", "1 lint warning");

  static final String CLEAN = "Connect:192.0.2.1\tREJECT\nTry_TLS:keep.example\tNO\n";

  /** A host the mail logs ask suggest to add. */
  static final String SUGGESTED = "Try_TLS:luna.bagoona.com";

  static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

  @TempDir
  Path dir;

  /** A line that brings one finding. */
  record Problem(String key, String value, String overridden) {
    String line() {
      return key + "\t" + value + "\n";
    }

    String storedKey() {
      return key.toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The ways accessctl writes a map. The problem is the user's: set brings it in itself; for the
   * others the text was edited by hand before (compile and push read it; delete and suggest leave
   * it in the map they write).
   */
  enum Way {
    COMPILE, PUSH, SET, SET_COMPILE, DELETE, DELETE_COMPILE, SUGGEST_APPLY, SUGGEST_APPLY_COMPILE;

    boolean compiles() {
      return this == COMPILE || name().endsWith("_COMPILE");
    }

    boolean editsText() {
      return this != COMPILE && this != PUSH;
    }
  }

  private Path text() {
    return dir.resolve("access");
  }

  private Path db() {
    return dir.resolve("access.db");
  }

  private Path store() {
    return dir.resolve("store");
  }

  /** The state before the write: the clean map, compiled or pushed, then the user's problem. */
  private void prepare(Way way, Problem p) throws IOException {
    Files.writeString(text(), CLEAN, StandardCharsets.ISO_8859_1);
    if (way == Way.PUSH) {
      assertThat(Cli.run("push", "--no-cf", "-q", "--store", store().toString(),
          text().toString()).exit()).isZero();
    } else {
      assertThat(Cli.run("compile", "--no-cf", "-q", text().toString()).exit()).isZero();
    }
    if (way != Way.SET && way != Way.SET_COMPILE) {
      Files.writeString(text(), CLEAN + p.line(), StandardCharsets.ISO_8859_1);
    }
    if (way == Way.SUGGEST_APPLY || way == Way.SUGGEST_APPLY_COMPILE) {
      for (String log : List.of("mail.log.2.gz", "mail.log.1", "mail.log")) {
        try (InputStream in = getClass().getResourceAsStream("/maillog/" + log)) {
          Files.write(dir.resolve(log), in.readAllBytes());
        }
        Files.setLastModifiedTime(dir.resolve(log), SuggestCommandTest.LOG_TIME);
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().startsWith("mail.log")) { // suggest dates by it
          Files.setLastModifiedTime(f, LONG_AGO);
        }
      }
    }
  }

  private Cli.Run write(Way way, Problem p, String... flags) {
    List<String> args = new ArrayList<>(switch (way) {
      case COMPILE -> List.of("compile", text().toString());
      case PUSH -> List.of("push", "--store", store().toString(), text().toString());
      case SET, SET_COMPILE -> List.of("set", "--map", text().toString(), p.key(), p.value());
      case DELETE, DELETE_COMPILE -> List.of("delete", "--map", text().toString(),
          "Try_TLS:keep.example");
      case SUGGEST_APPLY, SUGGEST_APPLY_COMPILE -> List.of("suggest", "--apply", "--map",
          text().toString(), "--from-log", dir.resolve("mail.log.2.gz").toString(),
          dir.resolve("mail.log.1").toString(), dir.resolve("mail.log").toString());
    });
    args.add("--no-cf");
    if (way.compiles() && way != Way.COMPILE) {
      args.add("--compile");
    }
    args.addAll(Arrays.asList(flags));
    return Cli.run(args.toArray(String[]::new));
  }

  /** Whether the write went through: the map written says what the command was to make it say. */
  private boolean written(Way way, Problem p) throws IOException {
    String text = Files.readString(text(), StandardCharsets.ISO_8859_1);
    return switch (way) {
      case COMPILE -> get(db(), p.storedKey()) != null;
      case PUSH -> lookup(p.storedKey()) != null;
      case SET -> text.contains(p.key() + "\t" + p.value());
      case SET_COMPILE -> text.contains(p.key()) && get(db(), p.storedKey()) != null;
      case DELETE -> !text.contains("keep.example");
      case DELETE_COMPILE -> !text.contains("keep.example")
          && get(db(), "try_tls:keep.example") == null;
      case SUGGEST_APPLY -> text.contains(SUGGESTED);
      case SUGGEST_APPLY_COMPILE -> text.contains(SUGGESTED)
          && get(db(), SUGGESTED.toLowerCase(java.util.Locale.ROOT)) != null;
    };
  }

  /** The lines --force prints: one per file written despite the problem. */
  private List<String> overrideLines(Way way, Problem p) {
    String despite = " despite " + p.overridden();
    List<String> lines = new ArrayList<>();
    if (way == Way.PUSH) {
      lines.add("accessctl: --force: pushed " + text() + " to map access in " + store() + despite);
    }
    if (way.editsText()) {
      lines.add("accessctl: --force: wrote " + text() + despite);
    }
    if (way.compiles()) {
      lines.add("accessctl: --force: wrote " + db() + despite);
    }
    return lines;
  }

  private static List<String> forceLines(Cli.Run r) {
    return r.err().lines().filter(l -> l.startsWith("accessctl: --force:")).toList();
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void aLintErrorRefusesTheWriteAndLeavesEveryFileAsItWas(Way way) throws IOException {
    prepare(way, ERROR);
    Map<String, String> before = snapshot(dir);

    Cli.Run r = write(way, ERROR);

    assertThat(r.exit()).as(r.err()).isEqualTo(65);
    assertThat(r.err()).contains("AC313");
    assertThat(forceLines(r)).isEmpty();
    assertThat(snapshot(dir)).as("bytes and times of every file").isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void forceWritesDespiteALintErrorAndSaysWhatItOverrode(Way way) throws IOException {
    prepare(way, ERROR);

    Cli.Run r = write(way, ERROR, "--force");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("AC313");
    assertThat(forceLines(r)).containsExactlyElementsOf(overrideLines(way, ERROR));
    assertThat(written(way, ERROR)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void aLintWarningRefusesTheWriteUnderStrict(Way way) throws IOException {
    prepare(way, WARNING);
    Map<String, String> before = snapshot(dir);

    Cli.Run r = write(way, WARNING, "--strict");

    assertThat(r.exit()).as(r.err()).isEqualTo(65);
    assertThat(r.err()).contains("AC206");
    assertThat(snapshot(dir)).as("bytes and times of every file").isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void aLintWarningAloneRefusesNothing(Way way) throws IOException {
    prepare(way, WARNING);

    Cli.Run r = write(way, WARNING);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(forceLines(r)).isEmpty();
    assertThat(written(way, WARNING)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = Way.class, names = {"COMPILE", "SET_COMPILE"})
  void strictAndForceWriteDespiteAWarningAndSayWhatTheyOverrode(Way way) throws IOException {
    prepare(way, WARNING);

    Cli.Run r = write(way, WARNING, "--strict", "--force");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(forceLines(r)).containsExactlyElementsOf(overrideLines(way, WARNING));
    assertThat(written(way, WARNING)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = Way.class, names = {"COMPILE", "SET_COMPILE"})
  void aCompileLeavesTheDirectoryAsItFoundItApartFromTheDb(Way way) throws IOException {
    Files.writeString(text(), CLEAN, StandardCharsets.ISO_8859_1);
    List<String> before = listing(dir);

    Cli.Run first = way == Way.COMPILE
        ? Cli.run("compile", "--no-cf", "-q", text().toString())
        : Cli.run("set", "--no-cf", "-q", "--compile", "--map", text().toString(),
            "Connect:192.0.2.9", "REJECT");
    List<String> afterFirst = listing(dir);
    Cli.Run again = Cli.run("compile", "--no-cf", "-q", text().toString());

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(again.exit()).as(again.err()).isZero();
    List<String> expected = new ArrayList<>(before);
    expected.add("access.db");
    assertThat(afterFirst).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(listing(dir)).as("after replacing the db").isEqualTo(afterFirst);
  }

  @Test
  void forceWritesWhatMakemapWritesDespiteMakemapsErrors() throws IOException {
    Files.writeString(text(), "Connect:192.0.2.1\tOK\n Connect:192.0.2.2\tREJECT\n"
        + "Connect:192.0.2.3\nconnect:192.0.2.1\tREJECT\nTry_TLS:x.example\tNO\n");

    Cli.Run refused = Cli.run("compile", "--no-cf", text().toString());
    assertThat(refused.exit()).isEqualTo(65);
    assertThat(db()).doesNotExist();

    Cli.Run forced = Cli.run("compile", "--no-cf", "--force", text().toString());

    assertThat(forced.exit()).as(forced.err()).isZero();
    assertThat(forceLines(forced)).containsExactly("accessctl: --force: wrote " + db()
        + " despite 3 makemap errors");
    assertThat(dump(db())).containsExactly("connect:192.0.2.1\tOK", "try_tls:x.example\tNO");
  }

  @Test
  @Tag("oracle")
  void forceWritesTheEntriesRealMakemapWritesFromTheSameText() throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    byte[] text = ("Connect:192.0.2.1\tOK\n Connect:192.0.2.2\tREJECT\nConnect:192.0.2.3\n"
        + "connect:192.0.2.1\tREJECT\nTry_TLS:x.example\tNO\nConnect:192.0.2.4 OK writer\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(text(), text);
    Path theirs = Files.createDirectory(dir.resolve("makemap"));

    Oracle.Result real = Oracle.makemap(theirs, List.of(), "hash", "access", text);
    Cli.Run ours = Cli.run("compile", "--no-cf", "-q", "--force", text().toString());

    assertThat(real.exit()).as("makemap writes the map and exits 65").isEqualTo(65);
    assertThat(ours.exit()).as(ours.err()).isZero();
    assertThat(dump(db())).isEqualTo(dump(theirs.resolve("access.db")));
  }

  @Test
  void suggestTakesStrictAndForceOnlyWithApply() throws IOException {
    prepare(Way.SUGGEST_APPLY, WARNING);
    Map<String, String> before = snapshot(dir);

    for (String option : List.of("--force", "--strict")) {
      Cli.Run r = Cli.run("suggest", "--no-cf", "--map", text().toString(), "--from-log",
          dir.resolve("mail.log").toString(), option);

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).startsWith("accessctl: " + option + " needs --apply\n");
    }
    assertThat(snapshot(dir)).isEqualTo(before);
  }

  @Test
  void theMakemapDropInLintsNothing() throws IOException {
    byte[] text = ERROR.line().getBytes(StandardCharsets.ISO_8859_1);

    Cli.Run r = Cli.runWithStdin(text, "makemap", "hash", dir.resolve("access").toString());

    assertThat(r.exit()).as(r.err()).isZero();
    // only makemap's own warnings (the test directory is under the world-writable /tmp)
    assertThat(r.err().lines()).allMatch(l -> l.startsWith("WARNING: World writable directory"));
    assertThat(dump(db())).containsExactly("connect:192.0.2.7\tOK writer");
  }

  private static String get(Path db, String key) throws IOException {
    try (MapReader r = MapReader.open(db)) {
      return r.get(key.getBytes(StandardCharsets.ISO_8859_1))
          .map(v -> new String(v, StandardCharsets.ISO_8859_1)).orElse(null);
    }
  }

  private String lookup(String key) throws IOException {
    try (Store s = Store.open(store())) {
      return s.lookup("access", key.getBytes(StandardCharsets.ISO_8859_1))
          .map(v -> new String(v, StandardCharsets.ISO_8859_1)).orElse(null);
    }
  }

  private static List<String> dump(Path db) throws IOException {
    List<String> lines = new ArrayList<>();
    try (MapReader r = MapReader.open(db)) {
      r.forEach((k, v) -> lines.add(new String(k, StandardCharsets.ISO_8859_1) + "\t"
          + new String(v, StandardCharsets.ISO_8859_1)));
    }
    return lines.stream().sorted().toList();
  }

  /** Every file under {@code root}, hidden ones too: its bytes and its modification time. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(Files::isRegularFile).forEach(f -> {
        try {
          all.put(root.relativize(f).toString(), Files.getLastModifiedTime(f) + " "
              + Base64.getEncoder().encodeToString(Files.readAllBytes(f)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return all;
  }

  /** The names in {@code d}, hidden ones too, sorted. */
  private static List<String> listing(Path d) throws IOException {
    try (Stream<Path> names = Files.list(d)) {
      return names.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
