package io.accessctl.serve;

import static io.accessctl.serve.TestMaps.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cli.Cli;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code group add} and {@code group remove}: a two-member group on 127.0.0.1 takes a third
 * member that runs the command group add printed, lets it go, and takes it back under its old
 * name; what the group cannot do is refused in one line with its exit status.
 */
class GroupMembershipTest {
  @TempDir
  Path dir;

  @Test
  void aNewMemberJoinsWithThePrintedCommand() throws Exception {
    try (GroupNodes g = new GroupNodes(dir, 3)) {
      g.start(0);
      g.start(1);
      int master = g.awaitMaster();
      int replica = g.replica(master);
      assertThat(Cli.run("push", "--no-cf", "-q", "--store", g.store(replica).toString(),
          Files.writeString(dir.resolve("v1"), "Connect:192.0.2.7\tREJECT\n").toString()).exit())
          .isZero();

      Cli.Run add = add(g, replica, g.name(2), g.address(2));
      assertThat(add.exit()).as(add.err()).isZero();
      String helpers = g.address(0) + "," + g.address(1);
      String serve = "accessctl serve --store " + g.store(2) + " --socket " + g.socket(2)
          + " --socket-mode 0660 --group mtas --node n3 --node-address " + g.address(2)
          + " --helper " + helpers;
      assertThat(add.out()).startsWith("accessctl: group mtas (master " + g.name(master)
          + ") can take n3 at " + g.address(2) + ";")
          .contains("\n  " + serve + "\n")
          .contains("\n  ExecStart=/usr/bin/" + serve + "\n");

      CompletableFuture<Cli.Run> waiting = CompletableFuture.supplyAsync(
          () -> Cli.run("group", "add", "--store", g.store(replica).toString(), "--node", "n3",
              "--node-address", g.address(2), "--wait", "60", "--format", "json"));
      List<String> args = new ArrayList<>(List.of("--no-cf"));
      args.addAll(List.of(serve.substring("accessctl serve ".length()).split(" ")));
      g.start(2, args);
      Cli.Run joined = waiting.get(90, TimeUnit.SECONDS);
      assertThat(joined.exit()).as(joined.err()).isZero();
      assertThat(joined.out()).contains("\"node\": \"n3\"").contains("\"joined\": \"replica\"")
          .contains("\"helpers\": [\n    \"" + g.address(0) + "\",\n    \"" + g.address(1));
      g.awaitAnswer(2, "connect:192.0.2.7", Reply.ok(bytes("REJECT")));

      // Asked again, it is a member already: the same command, exit 0.
      Cli.Run again = add(g, replica, "n3", g.address(2));
      assertThat(again.exit()).as(again.err()).isZero();
      assertThat(again.out()).startsWith("accessctl: n3 is a member of group mtas already "
          + "(replica);");

      // Stopped for good and removed: the majority is counted without it again.
      assertOneLine(remove(g, replica, "n3"), 69, "n3 is running: stop it first, then remove it");
      g.kill9(2);
      String master2 = g.name(g.awaitMaster());
      assertOneLine(remove(g, replica, "n9"), 69, "group mtas has no member n9");
      assertOneLine(remove(g, replica, master2), 69, master2 + " is the master of group mtas: "
          + "stop it first, and remove it once another member is elected");
      Cli.Run removed = remove(g, replica, "n3");
      assertThat(removed.exit()).as(removed.err()).isZero();
      assertThat(removed.out()).isEqualTo("accessctl: removed n3 from the group\n");
      assertThat(PushChannel.status(g.store(replica)).members())
          .extracting(GroupStatus.Member::name).containsExactly("n1", "n2");
      Cli.Run pushed = Cli.run("push", "--no-cf", "-q", "--store", g.store(replica).toString(),
          Files.writeString(dir.resolve("v2"), "Connect:192.0.2.8\tREJECT\n").toString());
      assertThat(pushed.exit()).as(pushed.err()).isZero();
      g.awaitAnswer(master, "connect:192.0.2.8", Reply.ok(bytes("REJECT")));

      // Its machine rebuilt, it comes back under its old name with an empty store.
      Cli.Run back = add(g, replica, "n3", g.address(2));
      assertThat(back.exit()).as(back.err()).isZero();
      assertThat(back.out()).contains("can take n3");
      deleteTree(g.store(2));
      g.start(2, args);
      g.awaitAnswer(2, "connect:192.0.2.8", Reply.ok(bytes("REJECT")));
    }
    assertOneLine(Cli.run("group", "remove", "--store", dir.resolve("none").toString(), "n3"), 69,
        "no accessctl serve runs on this store");
  }

  private static void deleteTree(Path p) throws java.io.IOException {
    try (java.util.stream.Stream<Path> all = Files.walk(p)) {
      for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  private static Cli.Run remove(GroupNodes g, int on, String node) {
    return Cli.run("group", "remove", "--store", g.store(on).toString(), node);
  }

  @Test
  void whatTheGroupCannotTakeIsOneLineWithItsExitStatus() throws Exception {
    try (GroupNodes g = new GroupNodes(dir, 2)) {
      g.start(0);
      g.start(1);
      g.awaitMaster();
      int[] free = GroupNodes.freePortPairs(1);
      String other = "127.0.0.1:" + free[0];

      assertOneLine(add(g, 0, "n2", other), 73, "group mtas has a member n2 at " + g.address(1)
          + "; a member keeps its address: choose another name, or group remove n2 first");
      assertOneLine(add(g, 0, "n9", g.address(1)), 73,
          g.address(1) + " is the address of member n2 of group mtas");
      try (ServerSocket busy = new ServerSocket()) {
        busy.bind(new InetSocketAddress("127.0.0.1", free[0] + 1));
        assertOneLine(add(g, 0, "n9", other), 73,
            "127.0.0.1:" + (free[0] + 1) + " is in use: something answers there already");
      }
      assertOneLine(add(g, 0, "bad/name", other), 2, "the node name \"bad/name\" must be");
      assertOneLine(add(g, 0, "n9", "127.0.0.1:65535"), 2, "the node address must be HOST:PORT");
      assertOneLine(Cli.run("group", "add", "--store", dir.resolve("none").toString(), "--node",
          "n9", "--node-address", other), 69, "no accessctl serve runs on this store");

      long t0 = System.nanoTime();
      Cli.Run late = Cli.run("group", "add", "--store", g.store(0).toString(), "--node", "n9",
          "--node-address", other, "--wait", "2");
      assertThat(late.exit()).as(late.err()).isEqualTo(75);
      assertThat(late.out()).contains("can take n9");
      assertOneLine(new Cli.Run(late.exit(), "", late.err()), 75,
          "group mtas: n9 did not join the group within 2 s");
      assertThat((System.nanoTime() - t0) / 1_000_000_000L).isLessThan(20);

      g.kill9(1);
      assertOneLine(add(g, 0, "n9", other), 75, "group mtas cannot take a member now: 1 of its 2 "
          + "members are in contact with master n1, and a majority must be");
      g.kill9(0);
      g.start(0);
      assertOneLine(add(g, 0, "n9", other), 75,
          "group mtas has no master now, so it cannot take a member");
    }
  }

  private static Cli.Run add(GroupNodes g, int on, String node, String address) {
    return Cli.run("group", "add", "--store", g.store(on).toString(), "--node", node,
        "--node-address", address, "--member-store", g.store(2 % g.size()).toString(),
        "--member-socket", g.socket(2 % g.size()).toString());
  }

  private static void assertOneLine(Cli.Run r, int exit, String contains) {
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(exit);
    assertThat(r.err()).contains(contains).doesNotContain("\tat ").endsWith("\n");
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(exit == 2 ? 2 : 1);
  }
}
