package io.accessctl.mapfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.MapGen;
import io.accessctl.testutil.Oracle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers shared by the mapfile tests: writing files and asking the real tools about them. */
final class Tools {
  private Tools() {}

  static Path write(Path file, MapFormat format, List<Record> records, WriteOptions opts)
      throws IOException {
    AtomicFile.replace(file, ch -> format.writer().write(records, ch, opts));
    return file;
  }

  static Path write(Path file, MapFormat format, List<Record> records) throws IOException {
    return write(file, format, records, WriteOptions.defaults());
  }

  /** File name without the ".db" sendmail and makemap add. */
  static String mapName(Path dbFile) {
    String s = dbFile.toString();
    return s.endsWith(".db") ? s.substring(0, s.length() - ".db".length()) : s;
  }

  /**
   * db5.3_verify must exit 0 AND print nothing but its success line: it exits 0 on mis-sorted
   * hash pages and only prints "key1/key2" noise (berkeley-db-format.md trap T2).
   */
  static void assertVerifiesCleanly(Path file, Object seed) {
    Oracle.Result r = Oracle.run(List.of(Oracle.DB_VERIFY, file.toString()), null);
    String all = r.stdout() + r.stderr();
    assertThat(all).as("db5.3_verify output for %s, %s", file, seed)
        .isEqualTo("BDB5105 Verification of " + file + " succeeded.\n");
    assertThat(r.exit()).as("db5.3_verify exit status, %s", seed).isZero();
  }

  /**
   * The whole verdict of the real tools on a file we wrote: db5.3_verify is silent, libdb finds
   * every record by key, and makemap -u [-N] dumps exactly the records.
   */
  static void assertLibdbAccepts(Path file, MapFormat format, List<Record> records, boolean nul,
      Object seed) throws IOException {
    assertVerifiesCleanly(file, seed);
    assertLibdbFindsEveryKey(file, records.size(), seed);
    assertThat(makemapDump(format.toString(), file, nul)).as("makemap -u, %s", seed)
        .containsExactlyInAnyOrderElementsOf(MapGen.dumpLines(records));
  }

  /** {@code makemap -u [-N] TYPE NAME}, as lines "key\tvalue". */
  static List<String> makemapDump(String type, Path dbFile, boolean nul) {
    List<String> cmd = new ArrayList<>(List.of(Oracle.MAKEMAP, "-u"));
    if (nul) {
      cmd.add("-N");
    }
    cmd.add(type);
    cmd.add(mapName(dbFile));
    Oracle.Result r = Oracle.run(cmd, null);
    assertThat(r.exit()).as("makemap -u exit status; stderr: %s", r.stderr()).isZero();
    return lines(r.stdout());
  }

  static List<String> lines(String text) {
    List<String> out = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /**
   * Proves that libdb's own lookup finds every record: db5.3_load -n (no overwrite) of the file's
   * own dump into a copy must answer "key already exists" once per record, and not for the
   * absent keys appended to the dump.
   */
  static void assertLibdbFindsEveryKey(Path file, long records, Object seed) throws IOException {
    Path copy = file.resolveSibling(file.getFileName() + ".libdb-copy");
    Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Oracle.Result dump = Oracle.run(List.of(Oracle.DB_DUMP, "-p", file.toString()), null);
    assertThat(dump.exit()).as("db5.3_dump: %s", dump.stderr()).isZero();
    String text = dump.stdout();
    int end = text.lastIndexOf("DATA=END");
    StringBuilder absent = new StringBuilder();
    for (int i = 0; i < ABSENT_KEYS; i++) {
      absent.append(" absent~key~").append(i).append("\n absent\n");
    }
    byte[] input = (text.substring(0, end) + absent + text.substring(end))
        .getBytes(StandardCharsets.ISO_8859_1);
    Oracle.Result load = Oracle.run(List.of(Oracle.DB_LOAD, "-n", copy.toString()), input);
    long exists = load.stderr().lines().filter(l -> l.contains("key already exists")).count();
    assertThat(exists).as("records libdb found by key in %s, %s", file, seed).isEqualTo(records);
    Files.delete(copy);
  }

  private static final int ABSENT_KEYS = 3;

  private static final Pattern LOOKUP = Pattern.compile(
      "map_lookup: access \\((.*?)\\) (?:returns (.*) \\(0\\)|no match \\(0\\))");

  /**
   * Asks one sendmail process ({@code /map access KEY} per key) and returns what it found for each
   * key, empty when it said "no match".
   */
  static Map<String, Optional<String>> sendmailLookups(Path dir, String mapClass, Path mapFile,
      List<String> keys) throws IOException {
    Path cf = Oracle.testCf(dir, mapClass, mapName(mapFile));
    StringBuilder in = new StringBuilder();
    for (String k : keys) {
      in.append("/map access ").append(k).append('\n');
    }
    Oracle.Result r = Oracle.sendmailBt(cf, in.toString());
    Map<String, Optional<String>> found = new LinkedHashMap<>();
    Matcher m = LOOKUP.matcher(r.stdout());
    while (m.find()) {
      found.put(m.group(1), Optional.ofNullable(m.group(2)));
    }
    assertThat(found).as("sendmail -bt answered every lookup; stderr: %s", r.stderr())
        .hasSize(keys.size());
    return found;
  }

  /** Compares sendmail's answers with the expected ones, listing only the keys that differ. */
  static void assertSameAnswers(Map<String, Optional<String>> actual,
      Map<String, Optional<String>> expected, Object seed) {
    Map<String, String> wrong = new LinkedHashMap<>();
    for (Map.Entry<String, Optional<String>> e : expected.entrySet()) {
      Optional<String> got = actual.get(e.getKey());
      if (!e.getValue().equals(got)) {
        wrong.put(e.getKey(), "expected " + clip(e.getValue()) + " but got " + clip(got));
      }
    }
    assertThat(wrong).as("keys sendmail answered wrongly, %s", seed).isEmpty();
    assertThat(actual).as("sendmail answered exactly the keys asked").hasSameSizeAs(expected);
  }

  private static String clip(Optional<String> v) {
    if (v == null) {
      return "nothing";
    }
    return v.map(s -> s.length() > CLIP ? "\"" + s.substring(0, CLIP) + "...\" (" + s.length()
        + " bytes)" : "\"" + s + "\"").orElse("no match");
  }

  private static final int CLIP = 60;

  /**
   * Up to {@code max} records sendmail can look up unchanged: short keys of lower-case letters,
   * digits and {@code .:-_}, values of printable ASCII without '%' (map_rewrite expands it).
   */
  static List<Record> sendmailSample(List<Record> records, int max, java.util.Random random) {
    List<Record> ok = new ArrayList<>();
    for (Record r : records) {
      String k = MapGen.text(r.key());
      String v = MapGen.text(r.value());
      if (k.length() <= SENDMAIL_KEY_MAX && k.matches("[a-z0-9.:_-]+")
          && v.length() <= SENDMAIL_VALUE_MAX && v.matches("[ -$&-~]*") && !v.endsWith(" ")) {
        ok.add(r);
      }
    }
    java.util.Collections.shuffle(ok, random);
    return ok.subList(0, Math.min(max, ok.size()));
  }

  private static final int SENDMAIL_KEY_MAX = 200;
  private static final int SENDMAIL_VALUE_MAX = 400;

  /** The first value of every key, in first-seen order. */
  static Map<String, String> firstValues(List<Record> records) {
    Map<String, String> first = new LinkedHashMap<>();
    for (Record r : records) {
      first.putIfAbsent(MapGen.text(r.key()), MapGen.text(r.value()));
    }
    return first;
  }

  /** Everything a reader returns, in order, as "key\tvalue" lines. */
  static List<String> readAll(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    try (MapReader r = MapReader.open(file)) {
      r.forEach((k, v) -> out.add(MapGen.text(k) + "\t" + MapGen.text(v)));
    }
    return out;
  }

  /** Like {@link #readAll} but with a trailing NUL of key and value dropped, as makemap -u shows. */
  static List<String> readAllStripped(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    try (MapReader r = MapReader.open(file)) {
      r.forEach((k, v) -> out.add(MapGen.text(MapGen.stripNul(k)) + "\t"
          + MapGen.text(MapGen.stripNul(v))));
    }
    return out;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
