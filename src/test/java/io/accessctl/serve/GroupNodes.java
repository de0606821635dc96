package io.accessctl.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.sleepycat.je.rep.ReplicationConfig;
import io.accessctl.cli.Cli;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A replication group of {@code accessctl serve} processes on 127.0.0.1, each with its own store
 * and Unix socket, for tests that kill and restart members. Every wait is bounded.
 */
final class GroupNodes implements AutoCloseable {
  /** How long a member waits for its group, and a push for a master. */
  static final int JOIN_SECONDS = 6;
  /** Ports are picked from here up to the ephemeral range: clear of well-known services. */
  private static final int LOWEST_PORT = 20000;
  /** Linux's default start of the ephemeral range. */
  private static final int DEFAULT_EPHEMERAL_LOW = 32768;

  private final Path dir;
  private final int[] ports;
  private final ServerProcess[] nodes;
  private final String jeProperties;

  GroupNodes(Path dir, int size) throws IOException {
    this(dir, size, "");
  }

  /**
   * @param jeProperties more lines for every member's je.properties (JE's parameters)
   */
  GroupNodes(Path dir, int size, String jeProperties) throws IOException {
    this.dir = dir;
    this.ports = freePortPairs(size);
    this.nodes = new ServerProcess[size];
    this.jeProperties = jeProperties;
  }

  /**
   * Ports P with P and P+1 free (the node address and its push address), below the kernel's
   * ephemeral range: a port the kernel hands out for binding port 0 is also one it hands out as
   * the source of an outgoing connection, and the members' own connections to each other took
   * such a port between this check and a later member's start ("the node address … is in use").
   */
  static int[] freePortPairs(int n) throws IOException {
    int below = ephemeralLow();
    int[] out = new int[n];
    int found = 0;
    for (int tries = 0; found < n && tries < 2000; tries++) {
      int p = ThreadLocalRandom.current().nextInt(LOWEST_PORT, below - 1);
      if (contains(out, found, p - 1) || contains(out, found, p) || contains(out, found, p + 1)) {
        continue;
      }
      try (ServerSocket a = new ServerSocket(); ServerSocket b = new ServerSocket()) {
        a.bind(new InetSocketAddress("127.0.0.1", p));
        b.bind(new InetSocketAddress("127.0.0.1", p + 1));
        out[found++] = p;
      } catch (IOException inUse) {
        // try another
      }
    }
    assertThat(found).as("free port pairs").isEqualTo(n);
    return out;
  }

  /** The first port of the kernel's ephemeral range (Linux's default when unreadable or too low). */
  private static int ephemeralLow() {
    try {
      String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
      int low = Integer.parseInt(range.split("\\s+")[0]);
      return low > LOWEST_PORT + 1000 ? low : DEFAULT_EPHEMERAL_LOW;
    } catch (IOException | RuntimeException e) {
      return DEFAULT_EPHEMERAL_LOW;
    }
  }

  private static boolean contains(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  int size() {
    return nodes.length;
  }

  String name(int i) {
    return "n" + (i + 1);
  }

  Path store(int i) {
    return dir.resolve(name(i));
  }

  Path socket(int i) {
    return dir.resolve(name(i) + ".sock");
  }

  String address(int i) {
    return "127.0.0.1:" + ports[i];
  }

  /** The serve arguments of member {@code i}. */
  List<String> args(int i) {
    List<String> helpers = new ArrayList<>();
    for (int j = 0; j < nodes.length; j++) {
      // the first start of the first member starts the group: it is its own only helper
      if (i != 0 || j == 0 || Files.exists(store(0).resolve("00000000.jdb"))) {
        helpers.add(address(j));
      }
    }
    return List.of("--no-cf", "--store", store(i).toString(), "--socket", socket(i).toString(),
        "--group", "mtas", "--node", name(i), "--node-address", address(i),
        "--helper", String.join(",", helpers), "--join-timeout", Integer.toString(JOIN_SECONDS));
  }

  /**
   * Starts member {@code i}. JE's timeouts are shortened for the test through je.properties in
   * the store directory, JE's documented place for them.
   */
  ServerProcess start(int i) throws IOException, InterruptedException {
    return start(i, args(i));
  }

  /** Starts member {@code i} with these serve arguments. */
  ServerProcess start(int i, List<String> args) throws IOException, InterruptedException {
    Files.createDirectories(store(i));
    Files.writeString(store(i).resolve("je.properties"),
        ReplicationConfig.INSUFFICIENT_REPLICAS_TIMEOUT + "=3 s\n" + jeProperties);
    nodes[i] = ServerProcess.start(args.toArray(String[]::new));
    return nodes[i];
  }

  void startAll() throws IOException, InterruptedException {
    for (int i = 0; i < nodes.length; i++) {
      start(i);
    }
  }

  boolean alive(int i) {
    return nodes[i] != null && nodes[i].isAlive();
  }

  void kill9(int i) throws InterruptedException {
    nodes[i].kill9();
  }

  ServerProcess process(int i) {
    return nodes[i];
  }

  /** The member that says it is the master now, waiting for an election up to 30 s. */
  int awaitMaster() throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      Optional<Integer> m = master();
      if (m.isPresent()) {
        return m.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no master within 30 s:\n" + logs());
  }

  /** The live member whose last role line says master. */
  Optional<Integer> master() {
    for (int i = 0; i < nodes.length; i++) {
      if (alive(i) && lastRole(i).endsWith("is the master")) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** A live member that is not the master. */
  int replica(int master) {
    for (int i = 0; i < nodes.length; i++) {
      if (i != master && alive(i)) {
        return i;
      }
    }
    throw new AssertionError("no live replica");
  }

  private String lastRole(int i) {
    String role = "";
    for (String line : nodes[i].stderr().split("\n")) {
      if (line.contains(": node " + name(i) + " is ")) {
        role = line;
      }
    }
    return role;
  }

  /** {@code accessctl push} on member {@code i}'s store (in this JVM; the member takes it). */
  static Cli.Run push(Path store, Path source) {
    return Cli.run("push", "--no-cf", "-q", "--store", store.toString(), source.toString());
  }

  Cli.Run push(int i, Path source) {
    return push(store(i), source);
  }

  /** One lookup on member {@code i}'s socket. */
  Reply lookup(int i, String key) throws IOException {
    try (SocketmapClient c = new SocketmapClient(Endpoint.unix(socket(i)))) {
      return c.lookup("access", key);
    }
  }

  /** Waits up to 20 s for member {@code i} to answer {@code key} with {@code want}. */
  void awaitAnswer(int i, String key, Reply want) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    Reply r = null;
    while (System.nanoTime() < deadline) {
      r = lookup(i, key);
      if (r.equals(want)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(name(i) + " answers " + r + " for " + key + ", not " + want
        + " after 20 s:\n" + logs());
  }

  String logs() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < nodes.length; i++) {
      if (nodes[i] != null) {
        b.append("--- ").append(name(i)).append('\n').append(nodes[i].stdout())
            .append(nodes[i].stderr());
      }
    }
    return b.toString();
  }

  @Override
  public void close() {
    for (ServerProcess p : nodes) {
      if (p != null) {
        p.close();
      }
    }
  }
}
