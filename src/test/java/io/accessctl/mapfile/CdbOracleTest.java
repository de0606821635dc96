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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our cdb files, judged by tinycdb's {@code cdb} tool. */
@Tag("oracle")
class CdbOracleTest {
  @TempDir Path dir;

  /** tinycdb's own record format: {@code +klen,vlen:key->value\n}, then an empty line. */
  private static byte[] tinycdbFormat(List<Record> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Record r : records) {
      out.writeBytes(("+" + r.key().length + "," + r.value().length + ":")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(r.key());
      out.writeBytes("->".getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(r.value());
      out.write('\n');
    }
    out.write('\n');
    return out.toByteArray();
  }

  @Test
  void randomMapIsByteIdenticalToTinycdbsAndDumpsAsWritten() throws IOException {
    Oracle.require(Oracle.CDB);
    MapGen gen = MapGen.create("cdb");
    List<Record> records = gen.map(MapGen.Spec.of(20_000).withNul());
    Path ours = Tools.write(dir.resolve("ours.cdb"), MapFormat.CDB, records);

    Oracle.Result dump = Oracle.run(List.of(Oracle.CDB, "-d", ours.toString()), null);
    assertThat(dump.exit()).as("cdb -d: %s", dump.stderr()).isZero();
    assertThat(dump.stdoutBytes()).as("cdb -d output, %s", gen).isEqualTo(tinycdbFormat(records));

    Path input = dir.resolve("input");
    Files.write(input, tinycdbFormat(records));
    Path theirs = dir.resolve("theirs.cdb");
    Oracle.Result made = Oracle.run(List.of(Oracle.CDB, "-c", theirs.toString(), input.toString()), null);
    assertThat(made.exit()).as("cdb -c: %s", made.stderr()).isZero();
    assertThat(Files.readAllBytes(ours)).as("same bytes as cdb -c, %s", gen)
        .isEqualTo(Files.readAllBytes(theirs));
  }

  @Test
  void cdbQueryFindsEveryValueOfSampledKeysFirstValueFirst() throws IOException {
    Oracle.require(Oracle.CDB);
    MapGen gen = MapGen.create("cdb -q");
    List<Record> records = gen.map(MapGen.Spec.of(5000).withDuplicates(500));
    Path file = Tools.write(dir.resolve("q.cdb"), MapFormat.CDB, records,
        WriteOptions.defaults().withAllowDuplicates(true));

    Map<String, StringBuilder> valuesInOrder = new LinkedHashMap<>();
    for (Record r : records) {
      valuesInOrder.computeIfAbsent(MapGen.text(r.key()), k -> new StringBuilder())
          .append(MapGen.text(r.value())).append('\n');
    }
    List<String> keys = new ArrayList<>(valuesInOrder.keySet());
    java.util.Collections.shuffle(keys, gen.random());
    int asked = 0;
    for (String k : keys) {
      if (k.startsWith("-") || !k.chars().allMatch(c -> c < 0x80)) {
        continue; // an option, or bytes a command line argument would not carry unchanged
      }
      // -m: every value of the key, one a line, in the order stored
      Oracle.Result q = Oracle.run(List.of(Oracle.CDB, "-q", "-m", file.toString(), k), null);
      assertThat(q.exit()).as("cdb -q %s, %s", k, gen).isZero();
      assertThat(q.stdout()).as("values of %s, %s", k, gen).isEqualTo(valuesInOrder.get(k).toString());
      if (++asked == 40) {
        break;
      }
    }
    Oracle.Result absent = Oracle.run(List.of(Oracle.CDB, "-q", file.toString(), "absent~key"), null);
    assertThat(absent.exit()).as("cdb -q of an absent key").isNotZero();
  }

  @Test
  void emptyMapIsAValidCdbFile() throws IOException {
    Oracle.require(Oracle.CDB);
    Path file = Tools.write(dir.resolve("empty.cdb"), MapFormat.CDB, List.of());
    Oracle.Result dump = Oracle.run(List.of(Oracle.CDB, "-d", file.toString()), null);
    assertThat(dump.exit()).isZero();
    assertThat(dump.stdout()).isEqualTo("\n");
    assertThat(Files.size(file)).isEqualTo(2048);
  }
}
