package io.accessctl.serve;

import static io.accessctl.serve.TestMaps.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.sleepycat.je.EnvironmentConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member away longer than the others kept their logs comes back through JE's network restore.
 * The members keep little log: small log files, an eager cleaner, and a disk limit that makes JE
 * delete the files it has cleaned (JE keeps them in a replication group until it needs the
 * space), all through je.properties, JE's documented place for its parameters.
 */
class NetworkRestoreTest {
  private static final String LITTLE_LOG = String.join("\n",
      EnvironmentConfig.LOG_FILE_MAX + "=1000000",
      EnvironmentConfig.CLEANER_MIN_UTILIZATION + "=90",
      EnvironmentConfig.CLEANER_MIN_FILE_UTILIZATION + "=50",
      EnvironmentConfig.CLEANER_BYTES_INTERVAL + "=200000",
      EnvironmentConfig.CLEANER_WAKEUP_INTERVAL + "=1 s",
      EnvironmentConfig.CHECKPOINTER_BYTES_INTERVAL + "=500000",
      EnvironmentConfig.MAX_DISK + "=12000000",
      EnvironmentConfig.FREE_DISK + "=0",
      "");
  private static final int ENTRIES = 20_000;
  private static final int MAX_PUSHES = 40;

  @TempDir
  Path dir;

  /**
   * One member is killed; pushes go on until both others have deleted every log file they had
   * when it died (bounded in pushes and time). Restarted, the member is restored from another,
   * answers the latest map, appears in the group status with it, and takes the next push.
   */
  @Test
  void aMemberAwayLongerThanTheLogKeptIsRestoredFromAnotherMember() throws Exception {
    try (GroupNodes g = new GroupNodes(dir, 3, LITTLE_LOG)) {
      g.startAll();
      int master = g.awaitMaster();
      long gen = 1;
      PushChannel.push(g.store(master), "access", TestMaps.generation(gen, ENTRIES));
      for (int i = 0; i < 3; i++) {
        g.awaitAnswer(i, TestMaps.key(7), Reply.ok(bytes("g" + gen)));
      }
      int away = g.replica(master);
      g.kill9(away);
      long[] lastAtKill = new long[3];
      for (int i = 0; i < 3; i++) {
        List<Long> files = logFiles(g.store(i));
        lastAtKill[i] = files.get(files.size() - 1);
      }
      long deadline = System.nanoTime() + 120_000_000_000L;
      for (int pushes = 0; !deletedSince(g, away, lastAtKill) && pushes < MAX_PUSHES
          && System.nanoTime() < deadline; pushes++) {
        PushChannel.push(g.store(master), "access", TestMaps.generation(++gen, ENTRIES));
      }
      assertThat(deletedSince(g, away, lastAtKill)).as("log files left: " + files(g)).isTrue();

      g.start(away);
      g.awaitAnswer(away, TestMaps.key(7), Reply.ok(bytes("g" + gen)));
      assertThat(g.process(away).stderr()).as(g.logs())
          .contains("copying the store from a member (network restore)")
          .contains("network restore done");
      long latest = gen;
      GroupStatus status = PushChannel.status(g.store(away));
      assertThat(status.role()).isEqualTo("replica");
      assertThat(status.members()).filteredOn(m -> m.name().equals(g.name(away)))
          .singleElement()
          .satisfies(m -> assertThat(m.generations()).containsEntry("access", latest));

      long next = latest + 1;
      PushChannel.push(g.store(away), "access", TestMaps.generation(next, 10));
      g.awaitAnswer(away, TestMaps.key(7), Reply.ok(bytes("g" + next)));
    }
  }

  /** True when every member but {@code away} has deleted each log file it had at the kill. */
  private static boolean deletedSince(GroupNodes g, int away, long[] lastFileAtKill)
      throws IOException {
    for (int i = 0; i < g.size(); i++) {
      if (i != away && logFiles(g.store(i)).get(0) <= lastFileAtKill[i]) {
        return false;
      }
    }
    return true;
  }

  private static String files(GroupNodes g) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < g.size(); i++) {
      b.append(g.name(i)).append(logFiles(g.store(i))).append(' ');
    }
    return b.toString();
  }

  /** The numbers of the JE log files in a store, in order. */
  private static List<Long> logFiles(Path store) throws IOException {
    try (Stream<Path> s = Files.list(store)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jdb"))
          .map(n -> Long.parseLong(n.substring(0, n.length() - 4), 16)).sorted().toList();
    }
  }
}
