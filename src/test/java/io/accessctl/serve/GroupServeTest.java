package io.accessctl.serve;

import static io.accessctl.serve.TestMaps.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cli.Cli;
import io.accessctl.testutil.AccessGen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --group}: three members as processes of their own on 127.0.0.1 (so kill -9 is
 * real), each with its own store and Unix socket.
 */
class GroupServeTest {
  private static final Reply NOT_FOUND = Reply.notFound();

  @TempDir
  Path dir;

  private Path map(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  /**
   * A push on a replica reaches all three; after kill -9 of the master the survivors keep
   * answering through the election (never TEMP), a push on a survivor is taken by the new master
   * and answered by both; the killed member restarts with the latest map; with two of three
   * down a push is refused with 75 and, once all are back, every member still has the map it had.
   */
  @Test
  void pushesReachEveryMemberAndSurviveTheLossOfTheMaster() throws Exception {
    try (GroupNodes g = new GroupNodes(dir, 3)) {
      g.startAll();
      int master = g.awaitMaster();
      int replica = g.replica(master);

      Cli.Run first = g.push(replica, map("v1", "Try_TLS:bagoona.com\tNO\n"));
      assertThat(first.exit()).as(first.err()).isZero();
      for (int i = 0; i < 3; i++) {
        g.awaitAnswer(i, "Try_TLS:Bagoona.COM", Reply.ok(bytes("NO")));
      }

      g.kill9(master);
      List<Integer> survivors = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        if (i != master) {
          survivors.add(i);
        }
      }
      // Through the election: every answer comes from the local replica.
      int lookups = 0;
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (g.master().isEmpty() && System.nanoTime() < deadline) {
        for (int s : survivors) {
          assertThat(g.lookup(s, "Try_TLS:bagoona.com")).as(g.logs())
              .isEqualTo(Reply.ok(bytes("NO")));
          lookups++;
        }
        Thread.sleep(20);
      }
      assertThat(lookups).as("lookups during the election").isPositive();
      int newMaster = g.awaitMaster();
      assertThat(newMaster).isNotEqualTo(master);

      Cli.Run second = g.push(survivors.get(0), map("v2", "Try_TLS:bagoona.com\tNO\n"
          + "Connect:192.0.2.7\tREJECT\n"));
      assertThat(second.exit()).as(second.err() + g.logs()).isZero();
      for (int s : survivors) {
        g.awaitAnswer(s, "connect:192.0.2.7", Reply.ok(bytes("REJECT")));
      }

      g.start(master);
      g.awaitAnswer(master, "connect:192.0.2.7", Reply.ok(bytes("REJECT")));

      // Two of three down: no majority, the push is refused and changes nothing.
      int alone = g.awaitMaster();
      for (int i = 0; i < 3; i++) {
        if (i != alone) {
          g.kill9(i);
        }
      }
      long t0 = System.nanoTime();
      Cli.Run refused = g.push(alone, map("v3", "Connect:192.0.2.7\tOK\n"));
      assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(75);
      assertThat(refused.err()).contains("the map was not changed").doesNotContain("\tat ");
      assertThat((System.nanoTime() - t0) / 1_000_000_000L).isLessThan(30);
      assertThat(g.lookup(alone, "connect:192.0.2.7")).isEqualTo(Reply.ok(bytes("REJECT")));
      for (int i = 0; i < 3; i++) {
        if (i != alone) {
          g.start(i);
        }
      }
      g.awaitMaster();
      for (int i = 0; i < 3; i++) {
        assertThat(g.lookup(i, "connect:192.0.2.7")).as(g.name(i))
            .isEqualTo(Reply.ok(bytes("REJECT")));
      }
    }
  }

  /**
   * No acknowledged push is lost: rounds of a push on a random member with a random member
   * killed (kill -9) and restarted in between end with every member on the last acknowledged
   * map. Bounded: a few rounds, each wait bounded.
   */
  @Test
  void randomPushesAndKillsEndOnTheLastAcknowledgedMap() throws Exception {
    long seed = AccessGen.seed();
    Random rnd = new Random(seed);
    int rounds = 5;
    try (GroupNodes g = new GroupNodes(dir, 3)) {
      g.startAll();
      g.awaitMaster();
      int acked = -1;
      for (int round = 0; round < rounds; round++) {
        int on = rnd.nextInt(3);
        Cli.Run r = g.push(on, map("round" + round, "Connect:192.0.2." + round + "\tREJECT\n"));
        if (r.exit() == 0) {
          acked = round;
        } else {
          assertThat(r.exit()).as(AccessGen.replayHint(seed) + r.err()).isEqualTo(75);
        }
        int victim = rnd.nextInt(3);
        g.kill9(victim);
        if (rnd.nextBoolean()) {
          Thread.sleep(rnd.nextInt(1500)); // sometimes push while it is away
          int other = (victim + 1 + rnd.nextInt(2)) % 3;
          Cli.Run away = g.push(other, map("away" + round, "Connect:198.51.100." + round
              + "\tREJECT\n"));
          if (away.exit() == 0) {
            acked = 100 + round;
          }
        }
        g.start(victim);
      }
      assertThat(acked).as(AccessGen.replayHint(seed) + " no push was acknowledged").isNotNegative();
      String key = acked >= 100 ? "connect:198.51.100." + (acked - 100) : "connect:192.0.2." + acked;
      g.awaitMaster();
      for (int i = 0; i < 3; i++) {
        g.awaitAnswer(i, key, Reply.ok(bytes("REJECT")));
      }
    }
  }
}
