package io.accessctl.mapfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessctl.testutil.MapGen;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Our writers read back by our readers, without the real tools. */
class RoundTripTest {
  @TempDir Path dir;

  static Stream<Arguments> layouts() {
    List<Arguments> out = new ArrayList<>();
    for (MapFormat f : MapFormat.values()) {
      for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
        for (int ps : new int[] {512, 4096, 32768}) {
          if (f != MapFormat.CDB || (o == ByteOrder.LITTLE_ENDIAN && ps == 4096)) {
            out.add(Arguments.of(f, o, ps));
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("layouts")
  void everyRecordComesBackAndEveryKeyIsFound(MapFormat format, ByteOrder order, int pageSize)
      throws IOException {
    MapGen gen = MapGen.create("round trip " + format + " " + order + " " + pageSize);
    List<Record> records = gen.map(MapGen.Spec.of(3000).withDuplicates(600));
    WriteOptions opts = WriteOptions.defaults().withAllowDuplicates(true).withByteOrder(order)
        .withPageSize(pageSize);
    Path file = Tools.write(dir.resolve("map" + format.extension()), format, records, opts);

    assertThat(MapFormat.detect(file)).isEqualTo(format);
    List<String> back = Tools.readAll(file);
    assertThat(back).as("all records, %s", gen)
        .containsExactlyInAnyOrderElementsOf(MapGen.dumpLinesKeepingNul(records));
    if (format == MapFormat.CDB) {
      assertThat(back).as("cdb keeps input order").isEqualTo(MapGen.dumpLinesKeepingNul(records));
    }
    try (MapReader r = MapReader.open(file)) {
      assertThat(r.format()).isEqualTo(format);
      assertThat(r.size()).isEqualTo(records.size());
      for (Map.Entry<String, String> e : Tools.firstValues(records).entrySet()) {
        assertThat(r.get(bytes(e.getKey())).map(MapGen::text))
            .as("value of %s, %s", e.getKey(), gen).contains(e.getValue());
      }
      for (String absent : List.of("", "absent~key", "x".repeat(5000))) {
        assertThat(r.get(bytes(absent))).isEmpty();
      }
    }
  }

  /** Keys of several megabytes among short ones: the writers copy keys in bounded chunks. */
  @ParameterizedTest
  @EnumSource(MapFormat.class)
  void hugeKeysAmongShortOnesComeBackAndAreFound(MapFormat format) throws IOException {
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      records.add(Record.of("short" + i, "v" + i));
      records.add(Record.of(String.valueOf((char) ('a' + i)).repeat((3 + i) << 20), "huge" + i));
    }
    Path file = Tools.write(dir.resolve("huge" + format.extension()), format, records);

    try (MapReader r = MapReader.open(file)) {
      assertThat(r.size()).isEqualTo(records.size());
      for (Record rec : records) {
        assertThat(r.get(rec.key())).as("%s, key of %d bytes", format, rec.key().length)
            .hasValueSatisfying(v -> assertThat(v).isEqualTo(rec.value()));
      }
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @ParameterizedTest
  @EnumSource(MapFormat.class)
  void emptyMapReadsAsEmpty(MapFormat format) throws IOException {
    Path file = Tools.write(dir.resolve("empty" + format.extension()), format, List.of());
    try (MapReader r = MapReader.open(file)) {
      assertThat(r.size()).isZero();
      assertThat(r.get(bytes("a"))).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"HASH", "BTREE"})
  void repeatedKeyWithoutAllowDuplicatesIsRefused(MapFormat format) {
    List<Record> records = List.of(Record.of("a", "1"), Record.of("b", "2"), Record.of("a", "3"));
    assertThatThrownBy(() -> format.writer().write(records,
        Channels.newChannel(new ByteArrayOutputStream()), WriteOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate key \"a\"");
  }

  @ParameterizedTest
  @EnumSource(MapFormat.class)
  void sameInputGivesTheSameBytesApartFromTheFileId(MapFormat format) throws IOException {
    MapGen gen = MapGen.create("determinism " + format);
    List<Record> records = gen.map(MapGen.Spec.of(2000));
    byte[] a = write(format, records);
    byte[] b = write(format, records);
    if (format != MapFormat.CDB) {
      Arrays.fill(a, Bdb.META_UID, Bdb.META_UID + Bdb.META_UID_SIZE, (byte) 0);
      Arrays.fill(b, Bdb.META_UID, Bdb.META_UID + Bdb.META_UID_SIZE, (byte) 0);
    }
    assertThat(a).isEqualTo(b);
  }

  private static byte[] write(MapFormat format, List<Record> records) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    format.writer().write(records, Channels.newChannel(out), WriteOptions.defaults());
    return out.toByteArray();
  }

  @Test
  void hashFileHasShortChainsOfFullPagesAndNoHoles() throws IOException {
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      records.add(Record.of("try_tls:host" + i + ".example.com", i % 2 == 0 ? "NO" : "YES"));
    }
    byte[] file = write(MapFormat.HASH, records);
    java.nio.ByteBuffer meta = java.nio.ByteBuffer.wrap(file).order(ByteOrder.nativeOrder());
    int buckets = meta.getInt(Bdb.HMETA_MAX_BUCKET) + 1;
    int pages = meta.getInt(Bdb.META_LAST_PGNO) + 1;
    assertThat(file).hasSize(pages * WriteOptions.DEFAULT_PAGE_SIZE);
    assertThat(Integer.bitCount(buckets)).isEqualTo(1);
    // chains stay short: on average at most two and a half pages
    assertThat(pages - 1).isBetween(buckets, buckets * 5 / 2);
    // and the pages are well filled: data / (pages * capacity) above 70 %
    long data = records.stream().mapToLong(r -> r.key().length + r.value().length + 6).sum();
    assertThat((double) data / ((long) pages * (WriteOptions.DEFAULT_PAGE_SIZE - 26)))
        .isGreaterThan(0.7);
  }

  @Test
  void detectNamesTheFileWhenItIsNoMap() throws IOException {
    Path junk = dir.resolve("junk.db");
    Files.write(junk, "not a map at all\n".repeat(200).getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> MapFormat.detect(junk)).isInstanceOf(IOException.class)
        .hasMessageContaining(junk.toString()).hasMessageContaining("not a map file");
    assertThatThrownBy(() -> MapReader.open(junk)).isInstanceOf(IOException.class)
        .hasMessageContaining(junk.toString());
    Path empty = dir.resolve("empty.db");
    Files.write(empty, new byte[0]);
    assertThatThrownBy(() -> MapFormat.detect(empty)).isInstanceOf(IOException.class)
        .hasMessageContaining(empty.toString());
  }

  @Test
  void truncatedFileIsReportedAsDamaged() throws IOException {
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      records.add(Record.of("key" + i, "value" + i));
    }
    for (MapFormat f : new MapFormat[] {MapFormat.HASH, MapFormat.BTREE}) {
      Path file = Tools.write(dir.resolve("t-" + f + ".db"), f, records);
      byte[] all = Files.readAllBytes(file);
      Files.write(file, Arrays.copyOf(all, all.length / 2));
      assertThatThrownBy(() -> {
        try (MapReader r = MapReader.open(file)) {
          r.forEach((k, v) -> { });
        }
      }).as(f.toString()).hasMessageContaining(file.toString()).hasMessageContaining("damaged");
    }
  }

  @Test
  void formatNamesAndExtensions() {
    assertThat(MapFormat.parse("HASH")).isEqualTo(MapFormat.HASH);
    assertThat(MapFormat.parse("btree")).isEqualTo(MapFormat.BTREE);
    assertThat(MapFormat.parse("Cdb")).isEqualTo(MapFormat.CDB);
    assertThatThrownBy(() -> MapFormat.parse("dbm")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dbm");
    assertThat(MapFormat.HASH.extension()).isEqualTo(".db");
    assertThat(MapFormat.BTREE.extension()).isEqualTo(".db");
    assertThat(MapFormat.CDB.extension()).isEqualTo(".cdb");
    assertThat(MapFormat.HASH).hasToString("hash");
  }

  @Test
  void hashFunctionAndPageOrderAreLibdbs() {
    // libdb stores the hash of "%$sniglet^&" with its NUL in every hash meta page
    assertThat(Bdb.hash("%$sniglet^&\0".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(Bdb.HASH_CHARKEY);
    // hash pages: on a common prefix the longer key first (trap T1); btree: the shorter
    assertThat(KeyOrder.hash(bytes("empty:10"), bytes("empty:1"))).isNegative();
    assertThat(KeyOrder.btree(bytes("empty:10"), bytes("empty:1"))).isPositive();
    assertThat(KeyOrder.hash(bytes("a\u00ff"), bytes("a\u0001"))).isPositive();
  }

  @Test
  void recordsCompareByContent() {
    assertThat(Record.of("k", "v")).isEqualTo(Record.of("k", "v")).hasSameHashCodeAs(Record.of("k", "v"));
    assertThat(Record.of("k", "v")).isNotEqualTo(Record.of("k", "w"));
  }
}
