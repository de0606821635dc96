package io.accessctl.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.mapfile.AtomicFile;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.Record;
import io.accessctl.mapfile.WriteOptions;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.ParseOptions;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DbDiffTest {
  @TempDir
  Path dir;

  private static AccessSource text(String s) {
    return new AccessParser(ParseOptions.defaults()).parse("access",
        s.getBytes(StandardCharsets.ISO_8859_1));
  }

  private Path db(MapFormat f, ByteOrder order, List<Record> records) throws IOException {
    Path p = dir.resolve("access" + f.extension());
    AtomicFile.replace(p, ch -> f.writer().write(records, ch,
        WriteOptions.defaults().withByteOrder(order)));
    return p;
  }

  @ParameterizedTest
  @CsvSource({"hash,LITTLE_ENDIAN", "hash,BIG_ENDIAN", "btree,LITTLE_ENDIAN",
      "btree,BIG_ENDIAN", "cdb,LITTLE_ENDIAN"})
  void everyFormatAndByteOrderIsComparedByContent(String format, String order)
      throws IOException {
    ByteOrder bo = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    Path p = db(MapFormat.parse(format), bo, List.of(Record.of("try_tls:a.example", "NO"),
        Record.of("connect:10.0.0.1", "RELAY"), Record.of("connect:10.0.0.9", "OK")));
    DbContent content = DbContent.read(p);
    assertThat(content.format()).isEqualTo(MapFormat.parse(format));
    DbDiff diff = DbDiff.between(text(
        "Try_TLS:a.example NO\nConnect:10.0.0.1 REJECT\nConnect:10.0.0.2 OK\n"), content);
    assertThat(diff.total()).isEqualTo(3);
    assertThat(diff.shown()).containsExactly(
        new Difference(Difference.Kind.DIFFERENT_VALUE, "connect:10.0.0.1", "REJECT", "RELAY", 2),
        new Difference(Difference.Kind.ONLY_IN_TEXT, "connect:10.0.0.2", "OK", null, 3),
        new Difference(Difference.Kind.ONLY_IN_DB, "connect:10.0.0.9", null, "OK", 0));
  }

  @ParameterizedTest
  @CsvSource({"hash", "btree", "cdb"})
  void aTrailingNulIsCountedNotCompared(String format) throws IOException {
    Path p = db(MapFormat.parse(format), ByteOrder.LITTLE_ENDIAN,
        List.of(Record.of("try_tls:a.example\0", "NO\0")));
    DbContent content = DbContent.read(p);
    assertThat(content.nulKeys()).isEqualTo(1);
    assertThat(DbDiff.between(text("Try_TLS:a.example NO\n"), content).inStep()).isTrue();
  }

  @Test
  void theFirstOfRepeatedKeysCountsAsMakemapKeepsIt() throws IOException {
    Path p = db(MapFormat.HASH, ByteOrder.LITTLE_ENDIAN,
        List.of(Record.of("connect:10.0.0.1", "RELAY")));
    assertThat(DbDiff.between(text("Connect:10.0.0.1 RELAY\nconnect:10.0.0.1 REJECT\n"),
        DbContent.read(p)).inStep()).isTrue();
  }
}
