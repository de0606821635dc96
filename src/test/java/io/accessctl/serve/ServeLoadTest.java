package io.accessctl.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small, bounded run of the load generator: 8 clients, every answer right. */
class ServeLoadTest {
  @TempDir
  Path dir;

  @Test
  void eightClientsOnLoopbackGetEveryAnswerRight() throws Exception {
    List<ServeLoad.Figures> f = ServeLoad.run(dir,
        new ServeLoad.Settings(8, 2000, Duration.ofSeconds(5), 20_000, 7), System.out);
    assertThat(f).extracting(ServeLoad.Figures::name).containsExactly(
        "socketmap, TCP 127.0.0.1", "socketmap, Unix socket", "in-process hash db (MapReader)");
    for (ServeLoad.Figures x : f) {
      assertThat(x.errors()).as(x.toString()).isZero();
      assertThat(x.lookups()).as(x.toString()).isPositive();
    }
  }

  @Test
  void eightClientsOnAGroupReplicaGetEveryAnswerRight() throws Exception {
    ServeLoad.Settings s = new ServeLoad.Settings(8, 1000, Duration.ofSeconds(5), 5_000, 7);
    ServeLoad.Figures single = new ServeLoad.Figures("single", 1, 0, 1, 1, 1);
    List<ServeLoad.Figures> f = ServeLoad.group(dir, s, single, System.out);
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.errors()).as(x.toString()).isZero();
      assertThat(x.lookups()).as(x.toString()).isEqualTo(8 * 1000);
    });
  }
}
