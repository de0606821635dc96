package io.accessctl.mapfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.MapGen;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hash reader answers most lookups of absent keys from a bucket's filter, written with the
 * bucket's table on its first lookup: every key is still found, before and after its bucket's
 * filter is written, and no absent key is.
 */
class HashFilterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {512, 4096})
  void filtersNeverHideAKey(int pageSize) throws Exception {
    MapGen gen = MapGen.create("hash filter " + pageSize);
    List<Record> records = gen.map(MapGen.Spec.of(20000));
    Path file = Tools.write(dir.resolve("map.db"), MapFormat.HASH, records,
        WriteOptions.defaults().withPageSize(pageSize));
    Map<String, String> expected = Tools.firstValues(records);
    List<String> keys = new ArrayList<>(expected.keySet());
    try (MapReader r = MapReader.open(file)) {
      List<String> missed = new ArrayList<>();
      for (int pass = 0; pass < 2; pass++) {
        for (String k : keys) {
          String got = r.get(bytes(k)).map(MapGen::text).orElse(null);
          if (!expected.get(k).equals(got)) {
            missed.add(k);
          }
        }
        Collections.reverse(keys);
      }
      assertThat(missed).as("keys not found or with another value, %s", gen).isEmpty();
      List<String> found = new ArrayList<>();
      for (int i = 0; i < 20000; i++) {
        String absent = "absent" + i + "~" + keys.get(i % keys.size());
        if (!expected.containsKey(absent) && r.get(bytes(absent)).isPresent()) {
          found.add(absent);
        }
      }
      assertThat(found).as("absent keys found, %s", gen).isEmpty();
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
