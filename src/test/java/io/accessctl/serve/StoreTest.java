package io.accessctl.serve;

import static io.accessctl.serve.TestMaps.bytes;
import static io.accessctl.serve.TestMaps.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @TempDir
  Path dir;

  @Test
  void lookupsApplySendmailsKeyRulesToWhatWasPushed() throws Exception {
    try (Store s = Store.open(dir)) {
      s.replace("access", TestMaps.of("try_tls:bagoona.com", "NO", "srv_features:", "A P"));
      assertThat(s.lookup("access", bytes("Try_TLS:Bagoona.COM")).map(TestMaps::text))
          .contains("NO");
      assertThat(s.lookup("access", bytes("Srv_Features:")).map(TestMaps::text)).contains("A P");
      assertThat(s.lookup("access", bytes("Try_TLS:other.com"))).isEmpty();
      assertThatThrownBy(() -> s.lookup("mailertable", bytes("x")))
          .isInstanceOf(Store.NoSuchMapException.class).hasMessageContaining("mailertable");
      assertThat(s.info("access").orElseThrow().entries()).isEqualTo(2);
    }
  }

  @Test
  void aKeyThatComesTwiceKeepsItsFirstValueAsInMakemap() throws Exception {
    try (Store s = Store.open(dir)) {
      MapInfo info = s.replace("access", TestMaps.of("connect:10", "OK", "connect:10", "REJECT"));
      assertThat(info.entries()).isEqualTo(1);
      assertThat(s.lookup("access", bytes("connect:10")).map(TestMaps::text)).contains("OK");
    }
  }

  @Test
  void mapNamesAreChecked() throws Exception {
    try (Store s = Store.open(dir)) {
      assertThatThrownBy(() -> s.replace("bad name", TestMaps.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void reopeningFindsTheLastCommittedMapAndOldGenerationsAreGone() throws Exception {
    try (Store s = Store.open(dir)) {
      for (int g = 1; g <= 3; g++) {
        assertThat(s.replace("access", TestMaps.generation(g, 10)).generation()).isEqualTo(g);
      }
      s.replace("other", TestMaps.of("a", "b"));
    }
    try (Store s = Store.open(dir)) {
      assertThat(s.lookup("access", bytes("k7")).map(TestMaps::text)).contains("g3");
      assertThat(s.maps()).extracting(MapInfo::name).containsExactly("access", "other");
      assertThat(s.databaseNames()).containsExactlyInAnyOrder(Store.META,
          Store.databaseName("access", 3), Store.databaseName("other", 1));
      assertThat(s.replace("access", TestMaps.generation(4, 1)).generation()).isEqualTo(4);
    }
  }

  @Test
  void readOnlyOpensSeeTheCommittedMap() throws Exception {
    // Beside a writing process (JE refuses both in one process), and a second writing process
    // refused: ServeCommandTest, which runs the server as a process of its own.
    try (Store s = Store.open(dir)) {
      s.replace("access", TestMaps.of("connect:10", "RELAY"));
    }
    try (Store ro = Store.openReadOnly(dir)) {
      assertThat(ro.lookup("access", bytes("Connect:10")).map(TestMaps::text)).contains("RELAY");
      assertThatThrownBy(() -> ro.replace("access", TestMaps.of()))
          .hasMessageContaining("read-only");
    }
  }

  @Test
  void aReadOnlyOpenOfSomethingElseFailsWithOneLine() {
    assertThatThrownBy(() -> Store.openReadOnly(dir.resolve("missing")))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
    assertThat(Store.isStore(dir)).isFalse();
  }

  /**
   * Readers never see a mix: a reader that has seen generation G never sees an older one again,
   * and a view pinned to one generation reads every key from it, while pushes replace the map.
   */
  @Test
  void readersDuringPushesSeeTheOldMapOrTheNewNeverAMix() throws Exception {
    int keys = 2000;
    try (Store s = Store.open(dir)) {
      s.replace("access", TestMaps.generation(0, keys));
      AtomicInteger opened = new AtomicInteger();
      TestMaps.Readers readers = TestMaps.Readers.start(8, () -> opened.incrementAndGet() % 2 == 0
          ? rnd -> readOneView(s, keys, rnd)
          : rnd -> TestMaps.gen(s.lookup("access", bytes(TestMaps.key(rnd.nextInt(keys))))
              .orElseThrow()));
      long during = 0;
      for (int g = 1; g <= 25; g++) {
        long before = readers.reads();
        s.replace("access", TestMaps.generation(g, keys));
        during += readers.reads() - before;
      }
      assertThat(readers.stop()).isEmpty();
      assertThat(during).as("reads that went on while pushes ran").isPositive();
      assertThat(s.lookup("access", bytes("k1")).map(TestMaps::text)).contains("g25");
      assertThat(s.databaseNames()).containsExactlyInAnyOrder(Store.META,
          Store.databaseName("access", 26));
    }
  }

  /** 50 keys from one pinned generation: all must name it. */
  private static long readOneView(Store s, int keys, Random rnd) throws Exception {
    try (Store.View v = s.view("access")) {
      long g = v.info().generation() - 1;
      for (int i = 0; i < 50; i++) {
        Optional<byte[]> val = v.get(bytes(TestMaps.key(rnd.nextInt(keys))));
        if (val.isEmpty() || TestMaps.gen(val.get()) != g) {
          throw new IllegalStateException("view of generation " + g + " read "
              + val.map(TestMaps::text).orElse("nothing"));
        }
      }
      return g;
    }
  }
}
