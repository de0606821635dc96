package io.accessctl.serve;

import static io.accessctl.serve.TestMaps.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
   * down a push is refused with 75 and, once all are back, every member still has the map it had;
   * a member started alone answers from its store.
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
      Cli.Run status = Cli.run("group", "status", "--store", g.store(replica).toString(),
          "--format", "json");
      assertThat(status.exit()).as(status.err()).isZero();
      assertThat(status.out()).contains("\"group\": \"mtas\"")
          .contains("\"node\": \"" + g.name(replica) + "\"")
          .contains("\"role\": \"replica\"")
          .contains("\"master\": \"" + g.name(master) + "\"");
      for (int i = 0; i < 3; i++) {
        assertThat(status.out()).contains("\"name\": \"" + g.name(i) + "\"");
      }
      assertThat(status.out().split("\"access\": 1", -1)).as(status.out()).hasSize(4);

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

      // A member that starts while the rest of its group is away serves what it has.
      for (int i = 0; i < 3; i++) {
        g.kill9(i);
      }
      g.start(replica);
      assertThat(g.lookup(replica, "connect:192.0.2.7")).isEqualTo(Reply.ok(bytes("REJECT")));
      assertThat(g.master()).isEmpty();
    }
  }

  /**
   * A push to a member's forwarding port without the group's secret is refused. What an admin
   * gets wrong is one line and exit 73, without a stack trace: a node address in
   * use, a helper nobody answers at (bounded by --join-timeout), a wrong group name, a store of
   * another group; a push to a store that is a group member but not served is refused too.
   */
  @Test
  void badGroupSettingsAreOneLineAndExit73() throws Exception {
    try (GroupNodes g = new GroupNodes(dir, 1)) {
      g.start(0);
      g.awaitMaster();
      // The port that takes forwarded pushes takes them only with the group's secret.
      Endpoint forward = Group.pushAddressOf(Endpoint.parse(g.address(0)));
      MapContent content = TestMaps.generation(1, 3);
      for (String secret : new String[] {null, "guess"}) {
        assertThatThrownBy(() -> PushChannel.push(forward, secret, "access", content))
            .isInstanceOf(java.io.IOException.class).hasMessageContaining("push secret");
      }
      assertThat(g.lookup(0, TestMaps.key(0)).status()).isEqualTo(Reply.Status.TEMP);
      int[] free = GroupNodes.freePortPairs(1);
      String other = "127.0.0.1:" + free[0];
      assertOneLine(serve("inuse", "mtas", "n2", g.address(0), g.address(0)),
          "cannot join group mtas as n2: the node address " + g.address(0) + " is in use");
      assertOneLine(serve("lonely", "mtas", "n2", other, "127.0.0.1:" + (free[0] + 1)),
          "group mtas: no member answered at");
      assertOneLine(serve("wrongname", "mta", "n2", other, g.address(0)),
          "group mta: no member answered at " + g.address(0));
      g.kill9(0);
      assertOneLine(serve(g.store(0), "other", "n1", g.address(0), g.address(0)),
          "cannot join group other as n1: the store belongs to group mtas, not other");
      Cli.Run push = GroupNodes.push(g.store(0), map("m", "Connect:192.0.2.1\tREJECT\n"));
      assertThat(push.exit()).isEqualTo(73);
      assertThat(push.err()).isEqualTo("accessctl: " + g.store(0) + ": the store belongs to a "
          + "replication group; push through its running accessctl serve --group\n");
    }
  }

  /**
   * What a new member gets wrong says which it is: a helper that listens but takes no member of
   * that name's group (a wrong group name), helpers where nothing listens, the address of a
   * member that is down, under another name.
   */
  @Test
  void aNewMemberIsToldWhyItCannotJoin() throws Exception {
    try (GroupNodes g = new GroupNodes(dir, 3)) {
      g.startAll();
      g.awaitMaster();
      g.kill9(2);
      int[] free = GroupNodes.freePortPairs(1);
      String other = "127.0.0.1:" + free[0];
      assertOneLine(serve("wrongname", "mta", "n4", other, g.address(0)),
          "group mta: no member answered at " + g.address(0) + " within 2 s, though "
              + g.address(0) + " listens: a wrong group name, or a group without a master");
      assertOneLine(serve("lonely", "mtas", "n4", other, "127.0.0.1:" + (free[0] + 1)),
          "group mtas: no member answered at 127.0.0.1:" + (free[0] + 1) + " within 2 s "
              + "(nothing listens there: helpers down or unreachable)");
      assertOneLine(serve("usurper", "mtas", "n4", g.address(2), g.address(0)),
          "cannot join group mtas as n4: the address " + g.address(2) + " belongs to member n3 "
              + "of the group; a member keeps its name");
    }
  }

  private io.accessctl.testutil.Oracle.Result serve(String store, String group, String node,
      String address, String helper) {
    return serve(dir.resolve(store), group, node, address, helper);
  }

  private io.accessctl.testutil.Oracle.Result serve(Path store, String group, String node,
      String address, String helper) {
    return ServerProcess.run(List.of(), "serve", "--no-cf", "--store", store.toString(),
        "--socket", dir.resolve(node + "-bad.sock").toString(), "--group", group, "--node", node,
        "--node-address", address, "--helper", helper, "--join-timeout", "2");
  }

  private static void assertOneLine(io.accessctl.testutil.Oracle.Result r, String contains) {
    assertThat(r.exit()).as(r.stdout() + r.stderr()).isEqualTo(73);
    assertThat(r.stderr()).contains(contains).doesNotContain("\tat ").endsWith("\n");
    assertThat(r.stderr().strip().lines()).as(r.stderr()).hasSize(1);
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
