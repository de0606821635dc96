package io.accessctl.mapfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The format registry: names, lookups by name, detection, and each format's reader and writer. */
class MapFormatTest {
  @TempDir Path dir;

  private static final List<Record> RECORDS = List.of(Record.of("connect:192.0.2", "REJECT"),
      Record.of("try_tls:broken.example", "NO"));

  @Test
  void theRegistryListsEveryFormatInDetectionOrder() {
    assertThat(MapFormat.names()).containsExactly("hash", "btree", "cdb");
    assertThat(new MapFormat.Names()).containsExactly("hash", "btree", "cdb");
    assertThat(MapFormat.namesInWords()).isEqualTo("hash, btree or cdb");
    assertThatThrownBy(() -> MapFormat.names().add("dbm"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void namedTakesOnlyTheExactSpellingWhileParseForgivesCaseAndBlanks() {
    assertThat(MapFormat.named("btree")).contains(MapFormat.BTREE);
    assertThat(MapFormat.named("BTREE")).isEmpty();
    assertThat(MapFormat.named("implicit")).isEmpty();
    assertThat(MapFormat.parse(" Btree ")).isEqualTo(MapFormat.BTREE);
    assertThatThrownBy(() -> MapFormat.parse("dbm"))
        .hasMessageContaining("\"dbm\"").hasMessageContaining("hash, btree or cdb");
  }

  @ParameterizedTest
  @EnumSource(MapFormat.class)
  void eachFormatsWriterMakesAFileItsMagicAndItsReaderRecognise(MapFormat format)
      throws IOException {
    Path file = Tools.write(dir.resolve("m" + format.extension()), format, RECORDS);
    assertThat(MapFormat.detect(file)).isEqualTo(format);
    assertThat(MapFormat.isCompiled(file)).isTrue();
    try (MapReader r = format.reader(file)) {
      assertThat(r.format()).isEqualTo(format);
      assertThat(r.get("try_tls:broken.example".getBytes(StandardCharsets.US_ASCII)))
          .hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.US_ASCII)).isEqualTo("NO"));
    }
    for (MapFormat other : MapFormat.values()) {
      if (other != format) {
        assertThatThrownBy(() -> other.reader(file).close()).as("%s read as %s", format, other)
            .isInstanceOf(IOException.class);
      }
    }
  }

  @Test
  void aFileShorterThanAnyHeaderIsNoMap() throws IOException {
    Path tiny = Files.write(dir.resolve("tiny.db"), new byte[] {0x61, 0x15, 0x06, 0x00});
    assertThat(MapFormat.isCompiled(tiny)).isFalse();
    assertThat(MapFormat.isCompiled(dir)).as("a directory").isFalse();
  }
}
