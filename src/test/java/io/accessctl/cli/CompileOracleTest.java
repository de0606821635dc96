package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.AccessGen;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code accessctl compile} of large random maps, proved with the real tools: Berkeley DB's own
 * verifier and loader accept the file and find every key, {@code makemap -u} (or tinycdb's
 * {@code cdb -d}) reads back exactly the expected records, and sendmail itself (or {@code cdb -q},
 * since Debian's sendmail has no CDB) finds sampled entries.
 *
 * <p>The expected records are computed by the generator, not by accessctl's parser. A run prints
 * its seed; replay it with {@code -Daccessctl.seed=N}.
 */
@Tag("oracle")
class CompileOracleTest {
  private static final int ENTRIES = 20_000;
  private static final int SAMPLES = 150;
  private static final int MAX_LOOKUP_KEY = 200;

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String type : List.of("hash", "btree", "cdb")) {
      out.add(Arguments.of(type, CompileFixtures.Shape.PLAIN));
      out.add(Arguments.of(type, new CompileFixtures.Shape(true, true, true, true)));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "compile --type {0} ({1})")
  @MethodSource("cases")
  void compiledMapIsSoundCompleteAndFoundByTheRealTools(String type,
      CompileFixtures.Shape shape, @TempDir Path dir) throws IOException {
    Oracle.require(Oracle.MAKEMAP, Oracle.DB_VERIFY, Oracle.DB_DUMP, Oracle.DB_LOAD, Oracle.CDB,
        Oracle.SENDMAIL);
    long seed = AccessGen.seed();
    String replay = "seed " + seed + ", " + AccessGen.replayHint(seed);
    CompileFixtures.Generated map = CompileFixtures.generate(seed, ENTRIES, shape);
    Path src = dir.resolve("access");
    Files.write(src, map.text());
    Path db = dir.resolve(type.equals("cdb") ? "access.cdb" : "access.db");

    // random values break lint rules; what is proved here is the file, so lint must not stop it
    List<String> args = new ArrayList<>(List.of("compile", "--no-cf", "-q", "--force", "--type",
        type));
    args.addAll(shape.flags());
    args.add(src.toString());
    Cli.Run run = Cli.run(args.toArray(String[]::new));

    assertThat(run.exit()).as("%s; stderr: %s", replay, head(run.err())).isZero();
    if (type.equals("cdb")) {
      assertThat(CompileFixtures.sorted(CompileFixtures.cdbDump(db))).as(replay)
          .isEqualTo(CompileFixtures.sorted(map.dumpLines()));
      if (!shape.nul()) { // cdb -q cannot be given a key with a NUL byte
        assertCdbFindsSamples(db, map, seed, replay);
      }
      return;
    }
    assertVerified(db, replay);
    assertLibdbFindsEveryKey(db, dir, map.expected().size(), replay);
    List<String> dump = CompileFixtures.makemapDump(db, type);
    if (type.equals("btree")) {
      assertThat(dump).as("makemap -u, in key order; %s", replay)
          .isEqualTo(map.dumpLinesInKeyOrder());
    } else {
      assertThat(CompileFixtures.sorted(dump)).as("makemap -u; %s", replay)
          .isEqualTo(CompileFixtures.sorted(map.dumpLines()));
    }
    assertSendmailFindsSamples(dir, type, src, shape, map, seed, replay);
  }

  /** db5.3_verify must exit 0 and say only that it succeeded (it exits 0 on some bad pages). */
  static void assertVerified(Path db, String replay) {
    Oracle.Result v = Oracle.run(List.of(Oracle.DB_VERIFY, db.toString()), new byte[0]);
    assertThat(v.exit()).as("db5.3_verify exit; %s", replay).isZero();
    assertThat((v.stdout() + v.stderr()).strip()).as("db5.3_verify output; %s", replay)
        .isEqualTo("BDB5105 Verification of " + db + " succeeded.");
  }

  /**
   * Loading the file's own records into a copy of it must meet every key: libdb's lookup finds
   * each of them where the hash function or the tree says it is.
   */
  static void assertLibdbFindsEveryKey(Path db, Path dir, int records, String replay)
      throws IOException {
    Path copy = dir.resolve("copy.db");
    Files.copy(db, copy);
    Oracle.Result dump = Oracle.run(List.of(Oracle.DB_DUMP, "-p", db.toString()), new byte[0]);
    assertThat(dump.exit()).as("db5.3_dump: %s", dump.stderr()).isZero();
    Oracle.Result load = Oracle.run(List.of(Oracle.DB_LOAD, "-n", copy.toString()),
        dump.stdoutBytes());
    long found = load.stderr().lines().filter(l -> l.contains("key already exists")).count();
    assertThat(found).as("keys libdb finds again; %s", replay).isEqualTo(records);
    Files.delete(copy);
  }

  private static void assertSendmailFindsSamples(Path dir, String type, Path src,
      CompileFixtures.Shape shape, CompileFixtures.Generated map, long seed, String replay)
      throws IOException {
    // sendmail folds lookup keys unless the K line says -f, as it must for a map built with -f
    Path cf = Oracle.testCf(dir, type, (shape.noFold() ? "-f " : "") + src);
    List<Map.Entry<String, String>> samples = samples(map, seed);
    StringBuilder in = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (Map.Entry<String, String> e : samples) {
      String key = CompileFixtures.cut(e.getKey());
      in.append("/map access ").append(key).append('\n');
      expected.add("map_lookup: access (" + key + ") returns " + CompileFixtures.cut(e.getValue()) + " (0)");
    }
    in.append("/map access no-such-key.invalid\n");
    expected.add("map_lookup: access (no-such-key.invalid) no match (0)");
    Oracle.Result r = Oracle.sendmailBt(cf, in.toString());
    List<String> got = r.stdout().lines().filter(l -> l.contains("map_lookup:"))
        .map(l -> l.substring(l.indexOf("map_lookup:"))).toList();
    assertThat(got).as("sendmail -bt /map access …; %s; stderr %s", replay, r.stderr())
        .isEqualTo(expected);
  }

  private static void assertCdbFindsSamples(Path db, CompileFixtures.Generated map, long seed,
      String replay) {
    for (Map.Entry<String, String> e : samples(map, seed)) {
      Oracle.Result r = Oracle.run(List.of(Oracle.CDB, "-q", db.toString(), e.getKey()),
          new byte[0]);
      assertThat(r.exit()).as("cdb -q %s; %s", e.getKey(), replay).isZero();
      assertThat(r.stdout()).as("cdb -q %s; %s", e.getKey(), replay).isEqualTo(e.getValue());
    }
    Oracle.Result miss = Oracle.run(List.of(Oracle.CDB, "-q", db.toString(), "no-such-key"),
        new byte[0]);
    assertThat(miss.exit()).as("cdb -q of a missing key").isEqualTo(100);
  }

  /**
   * Entries sendmail can be asked for on a -bt line: keys of at most 200 bytes (sendmail cuts
   * longer ones), values without the '%' it expands and without the bytes -bt shows escaped.
   */
  private static List<Map.Entry<String, String>> samples(CompileFixtures.Generated map,
      long seed) {
    List<Map.Entry<String, String>> usable = map.expected().entrySet().stream()
        .filter(e -> e.getKey().length() <= MAX_LOOKUP_KEY)
        .filter(e -> CompileFixtures.cut(e.getValue()).chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '%'))
        .toList();
    List<Map.Entry<String, String>> out = new ArrayList<>(usable);
    java.util.Collections.shuffle(out, new Random(seed));
    return out.subList(0, Math.min(SAMPLES, out.size()));
  }

  static String head(String s) {
    return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
  }
}
