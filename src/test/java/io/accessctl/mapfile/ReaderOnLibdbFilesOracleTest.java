package io.accessctl.mapfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.MapGen;
import io.accessctl.testutil.Oracle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our reader on files that libdb grew one insert at a time (makemap, db5.3_load): split hash
 * tables with spread-out spares, holes and free pages; btrees with internal pages; big items;
 * duplicates on and off the page. It must return exactly what makemap -u prints, in the same
 * order, and find every key.
 */
@Tag("oracle")
class ReaderOnLibdbFilesOracleTest {
  @TempDir Path dir;

  private static void assertReaderAgreesWithMakemap(Path file, String type, List<Record> records,
      boolean nul, Object seed) throws IOException {
    List<String> makemap = Tools.makemapDump(type, file, nul);
    assertThat(nul ? Tools.readAllStripped(file) : Tools.readAll(file))
        .as("our reader against makemap -u, same order, %s", seed).isEqualTo(makemap);
    try (MapReader r = MapReader.open(file)) {
      assertThat(r.format()).isEqualTo(MapFormat.parse(type));
      assertThat(r.size()).as("size, %s", seed).isEqualTo(records.size());
      List<String> wrong = new ArrayList<>();
      for (Map.Entry<String, String> e : Tools.firstValues(records).entrySet()) {
        byte[] key = e.getKey().getBytes(StandardCharsets.ISO_8859_1);
        String got = r.get(key).map(MapGen::text).orElse(null);
        if (!e.getValue().equals(got)) {
          wrong.add(e.getKey());
        }
      }
      assertThat(wrong).as("keys our reader did not find with their first value, %s", seed).isEmpty();
      assertThat(r.get("absent~key".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"HASH", "BTREE"})
  void readsMakemapFilesExactlyAsMakemapDumpsThem(MapFormat format) throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    MapGen gen = MapGen.create("makemap " + format);
    List<Record> records = gen.map(MapGen.Spec.of(20_000).forMakemap());
    Oracle.Result made = Oracle.makemap(dir, List.of("-e"), format.toString(), "made",
        MapGen.makemapInput(records));
    assertThat(made.exit()).as("makemap: %s", made.stderr()).isZero();
    assertReaderAgreesWithMakemap(dir.resolve("made.db"), format.toString(), records, false, gen);
  }

  @ParameterizedTest
  @EnumSource(names = {"HASH", "BTREE"})
  void readsMakemapNulAndDuplicateFiles(MapFormat format) throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    MapGen gen = MapGen.create("makemap -N -d " + format);
    List<Record> records = gen.map(MapGen.Spec.of(4000).forMakemap().withDuplicates(2000).withNul());
    Oracle.Result made = Oracle.makemap(dir, List.of("-e", "-N", "-d"), format.toString(), "dups",
        MapGen.makemapInput(records));
    assertThat(made.exit()).as("makemap: %s", made.stderr()).isZero();
    assertReaderAgreesWithMakemap(dir.resolve("dups.db"), format.toString(), records, true, gen);
  }

  /** db5.3_load -T input: key and value lines, backslashes doubled. */
  private static byte[] loadInput(List<Record> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Record r : records) {
      for (byte[] item : new byte[][] {r.key(), r.value()}) {
        for (byte b : item) {
          if (b == '\\') {
            out.write('\\');
          }
          out.write(b);
        }
        out.write('\n');
      }
    }
    return out.toByteArray();
  }

  /**
   * makemap cannot read lines over 1024 bytes, so libdb's own loader makes the big items. Big
   * keys and duplicates are loaded into separate files: db5.3_load itself writes a hash file that
   * db5.3_verify rejects ("overflow page of invalid type 6") when a key over 1024 bytes gets
   * duplicates.
   */
  @ParameterizedTest
  @EnumSource(names = {"HASH", "BTREE"})
  void readsBigKeysAndValuesAndBigDuplicateSetsWrittenByLibdb(MapFormat format) throws IOException {
    Oracle.require(Oracle.DB_LOAD, Oracle.MAKEMAP);
    MapGen gen = MapGen.create("db5.3_load " + format);
    List<Record> bigKeys = gen.map(MapGen.Spec.of(5000).maxKey(3000).maxValue(9000));
    List<Record> dups = gen.map(MapGen.Spec.of(3000).maxKey(1000).maxValue(9000)
        .withDuplicates(1500));
    for (int i = 0; i < 300; i++) {
      dups.add(Record.of("try_tls:many.example", "v" + i + "x".repeat(i * 7)));
    }
    int n = 0;
    for (List<Record> records : List.of(bigKeys, dups)) {
      Path file = dir.resolve("loaded" + n++ + ".db");
      Oracle.Result load = Oracle.run(List.of(Oracle.DB_LOAD, "-T", "-t", format.toString(), "-c",
          "duplicates=1", file.toString()), loadInput(records));
      assertThat(load.exit()).as("db5.3_load: %s", load.stderr()).isZero();
      Tools.assertVerifiesCleanly(file, gen);
      assertReaderAgreesWithMakemap(file, format.toString(), records, false, gen);
    }
  }
}
