package io.accessctl.mapfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.MapGen;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our hash and btree files, judged by the real tools: db5.3_verify, libdb's own lookups, makemap
 * -u and sendmail itself.
 */
@Tag("oracle")
class BdbWriterOracleTest {
  @TempDir Path dir;

  private static final int RANDOM_RECORDS = 12_000;
  private static final int SENDMAIL_SAMPLE = 300;

  private static void requireTools() {
    Oracle.require(Oracle.DB_VERIFY, Oracle.DB_DUMP, Oracle.DB_LOAD, Oracle.MAKEMAP);
  }

  private static String type(MapFormat f) {
    return f.toString();
  }

  @ParameterizedTest
  @EnumSource(names = {"HASH", "BTREE"})
  void randomMapVerifiesIsFoundByLibdbAndDumpsAsWritten(MapFormat format) throws IOException {
    requireTools();
    MapGen gen = MapGen.create("random " + format);
    List<Record> records = gen.map(MapGen.Spec.of(RANDOM_RECORDS));
    Path file = Tools.write(dir.resolve("random.db"), format, records);

    Tools.assertLibdbAccepts(file, format, records, false, gen);
  }

  @ParameterizedTest
  @EnumSource(names = {"HASH", "BTREE"})
  void nulTerminatedMapDumpsWithMakemapN(MapFormat format) throws IOException {
    requireTools();
    MapGen gen = MapGen.create("-N " + format);
    List<Record> records = gen.map(MapGen.Spec.of(4000).withNul());
    Path file = Tools.write(dir.resolve("nul.db"), format, records);

    Tools.assertLibdbAccepts(file, format, records, true, gen);
  }

  @ParameterizedTest
  @EnumSource(names = {"HASH", "BTREE"})
  void sendmailFindsSampledKeysAndMissesAbsentOnes(MapFormat format) throws IOException {
    requireTools();
    Oracle.require(Oracle.SENDMAIL, Oracle.STOCK_CF);
    MapGen gen = MapGen.create("sendmail " + format);
    List<Record> records = gen.map(MapGen.Spec.of(RANDOM_RECORDS));
    Path file = Tools.write(dir.resolve("access.db"), format, records);
    List<Record> sample = Tools.sendmailSample(records, SENDMAIL_SAMPLE, gen.random());
    assertThat(sample).as("sample size, %s", gen).hasSizeGreaterThan(SENDMAIL_SAMPLE / 2);

    Map<String, Optional<String>> expected = new LinkedHashMap<>();
    for (Record r : sample) {
      expected.put(MapGen.text(r.key()), Optional.of(MapGen.text(r.value())));
    }
    expected.put("absent.example.invalid", Optional.empty());
    expected.put("connect:0.0.0.0.0", Optional.empty());
    Tools.assertSameAnswers(
        Tools.sendmailLookups(dir, type(format), file, new ArrayList<>(expected.keySet())),
        expected, gen);
  }

  @ParameterizedTest
  @EnumSource(names = {"HASH", "BTREE"})
  void duplicatesAreAllDumpedInInputOrderAndTheFirstIsFound(MapFormat format) throws IOException {
    requireTools();
    Oracle.require(Oracle.SENDMAIL, Oracle.STOCK_CF);
    MapGen gen = MapGen.create("duplicates " + format);
    List<Record> records = gen.map(MapGen.Spec.of(3000).withDuplicates(1500));
    // one key with a few hundred values forces an off-page duplicate tree of several pages
    for (int i = 0; i < 400; i++) {
      records.add(Record.of("try_tls:many.example", "value-" + i));
    }
    Path file = Tools.write(dir.resolve("dups.db"), format, records,
        WriteOptions.defaults().withAllowDuplicates(true));

    Tools.assertLibdbAccepts(file, format, records, false, gen);
    assertThat(valuesInOrder(Tools.makemapDump(type(format), file, false))).as("values of each key in input order, %s", gen)
        .isEqualTo(valuesInOrder(MapGen.dumpLines(records)));

    List<Record> firsts = new ArrayList<>();
    Tools.firstValues(records).forEach((k, v) -> firsts.add(Record.of(k, v)));
    Map<String, Optional<String>> expected = new LinkedHashMap<>();
    expected.put("try_tls:many.example", Optional.of("value-0"));
    for (Record r : Tools.sendmailSample(firsts, 200, gen.random())) {
      expected.put(MapGen.text(r.key()), Optional.of(MapGen.text(r.value())));
    }
    Tools.assertSameAnswers(
        Tools.sendmailLookups(dir, type(format), file, new ArrayList<>(expected.keySet())),
        expected, gen);
  }

  private static Map<String, List<String>> valuesInOrder(List<String> lines) {
    Map<String, List<String>> byKey = new java.util.TreeMap<>();
    for (String l : lines) {
      int tab = l.indexOf('\t');
      byKey.computeIfAbsent(l.substring(0, tab), k -> new ArrayList<>()).add(l.substring(tab + 1));
    }
    return byKey;
  }

  @ParameterizedTest
  @EnumSource(names = {"HASH", "BTREE"})
  void bigEndianFileIsReadByLibdbAndMakemap(MapFormat format) throws IOException {
    requireTools();
    MapGen gen = MapGen.create("big-endian " + format);
    List<Record> records = gen.map(MapGen.Spec.of(3000));
    Path file = Tools.write(dir.resolve("be.db"), format, records,
        WriteOptions.defaults().withByteOrder(ByteOrder.BIG_ENDIAN));

    Tools.assertLibdbAccepts(file, format, records, false, gen);
  }

  @ParameterizedTest
  @EnumSource(names = {"HASH", "BTREE"})
  void smallPagesGiveDeepTreesAndLongChainsThatStillVerify(MapFormat format) throws IOException {
    requireTools();
    MapGen gen = MapGen.create("512-byte pages " + format);
    List<Record> records = gen.map(MapGen.Spec.of(3000).withDuplicates(300));
    Path file = Tools.write(dir.resolve("small.db"), format, records,
        WriteOptions.defaults().withPageSize(512).withAllowDuplicates(true));

    Tools.assertLibdbAccepts(file, format, records, false, gen);
  }

  @ParameterizedTest
  @EnumSource(names = {"HASH", "BTREE"})
  void itemsAtTheBigItemThresholdsAndEmptyMapsVerify(MapFormat format) throws IOException {
    requireTools();
    List<Record> records = new ArrayList<>();
    for (int len : new int[] {1, 1006, 1007, 1008, 1023, 1024, 1025, 4070, 4071, 9000}) {
      records.add(Record.of("k" + "x".repeat(len - 1), "v".repeat(len)));
      records.add(Record.of("value-of-" + len, "w".repeat(len)));
    }
    records.add(Record.of("empty-value", ""));
    // a long shared prefix makes btree separators longer than 1007 bytes (overflow keys on
    // internal pages)
    String prefix = "p".repeat(1100);
    for (int i = 0; i < 300; i++) {
      records.add(Record.of(prefix + i, "shared-" + i));
    }
    Path file = Tools.write(dir.resolve("edges.db"), format, records);
    Tools.assertLibdbAccepts(file, format, records, false, "fixed input");

    Path empty = Tools.write(dir.resolve("empty.db"), format, List.of());
    Tools.assertVerifiesCleanly(empty, "empty map");
    assertThat(Tools.makemapDump(type(format), empty, false)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(names = {"HASH", "BTREE"})
  void fileIsNoLargerThanMakemapsForTheSameInput(MapFormat format) throws IOException {
    requireTools();
    MapGen gen = MapGen.create("size " + format);
    List<Record> records = gen.map(MapGen.Spec.of(20_000).forMakemap());
    Oracle.Result made = Oracle.makemap(dir, List.of("-e"), type(format), "theirs",
        MapGen.makemapInput(records));
    assertThat(made.exit()).as("makemap: %s", made.stderr()).isZero();
    Path ours = Tools.write(dir.resolve("ours.db"), format, records);

    assertThat(Files.size(ours)).as("our size vs makemap's, %s", gen)
        .isLessThanOrEqualTo(Files.size(dir.resolve("theirs.db")));
    assertThat(Tools.makemapDump(type(format), ours, false))
        .containsExactlyInAnyOrderElementsOf(Tools.makemapDump(type(format), dir.resolve("theirs.db"), false));
  }
}
