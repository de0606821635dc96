package io.accessctl.mapfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.MapGen;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One reader asked by two threads at once (the two copies of a lookup batch share the map) finds
 * what it finds asked by one: the hash reader's bucket tables, built by whichever thread comes
 * first, included.
 */
class ConcurrentGetsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(MapFormat.class)
  void twoThreadsFindEveryValue(MapFormat format) throws Exception {
    MapGen gen = MapGen.create("concurrent gets " + format);
    List<Record> records = gen.map(MapGen.Spec.of(20000));
    Path file = Tools.write(dir.resolve("map" + format.extension()), format, records,
        WriteOptions.defaults());
    Map<String, String> expected = Tools.firstValues(records);
    List<String> keys = new ArrayList<>(expected.keySet());
    keys.add("absent~key");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (MapReader r = MapReader.open(file)) {
      List<Future<List<String>>> wrong = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        List<String> order = new ArrayList<>(keys);
        Collections.shuffle(order, new Random(t));
        wrong.add(pool.submit(() -> mismatches(r, order, expected)));
      }
      for (Future<List<String>> w : wrong) {
        assertThat(w.get()).as("keys whose value differs, %s", gen).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> mismatches(MapReader r, List<String> keys,
      Map<String, String> expected) {
    List<String> wrong = new ArrayList<>();
    for (String k : keys) {
      String got = r.get(k.getBytes(StandardCharsets.ISO_8859_1)).map(MapGen::text).orElse(null);
      if (got == null ? expected.get(k) != null : !got.equals(expected.get(k))) {
        wrong.add(k);
      }
    }
    return wrong;
  }
}
