package io.accessctl.serve;

import io.accessctl.mapfile.AtomicFile;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.MapReader;
import io.accessctl.mapfile.Record;
import io.accessctl.mapfile.WriteOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator of {@code bench/serve-load.sh} and {@link ServeLoadTest}: N clients, each
 * with one persistent connection asking one key at a time (as sendmail does), on TCP loopback and
 * on a Unix socket, against in-process lookups in a hash db of the same map in the same run. Every
 * answer is checked; every run is bounded in lookups and in time and stops by itself.
 */
public final class ServeLoad {
  /** What one run measured. */
  public record Figures(String name, long lookups, long errors, double seconds, double p50Micros,
      double p99Micros) {
    public double perSecond() {
      return lookups / seconds;
    }

    @Override
    public String toString() {
      return String.format("%-34s %9d lookups %6.2f s %10.0f lookups/s  p50 %7.1f us  p99 %7.1f us"
          + "  errors %d", name, lookups, seconds, perSecond(), p50Micros, p99Micros, errors);
    }
  }

  /**
   * @param clients concurrent clients (threads, one connection each)
   * @param perClient lookups per client, after a warm-up of a tenth as many
   * @param maxTime each measured run stops at this time even if lookups remain
   * @param entries map size
   */
  public record Settings(int clients, int perClient, Duration maxTime, int entries, long seed) {}

  private ServeLoad() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int perClient = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int entries = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
    Path work = Files.createTempDirectory("serve-load");
    try {
      Settings settings = new Settings(clients, perClient, Duration.ofSeconds(seconds), entries,
          1);
      List<Figures> f = new ArrayList<>(run(work, settings, System.out));
      f.addAll(group(work.resolve("group"), settings, f.get(1), System.out));
      long errors = f.stream().mapToLong(Figures::errors).sum();
      System.exit(errors == 0 ? 0 : 1);
    } finally {
      try (var paths = Files.walk(work)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Builds the map, serves it, measures socketmap and in-process hash lookups; prints a table. */
  public static List<Figures> run(Path work, Settings s, PrintStream out) throws Exception {
    List<Record> records = records(s.entries());
    Path db = work.resolve("access.db");
    AtomicFile.replace(db, ch -> MapFormat.HASH.writer().write(records, ch,
        WriteOptions.defaults()));
    List<Figures> all = new ArrayList<>();
    out.printf("map: %d entries; %d clients x %d lookups (80%% found), at most %d s a run; %d cpus%n",
        s.entries(), s.clients(), s.perClient(), s.maxTime().toSeconds(),
        Runtime.getRuntime().availableProcessors());
    try (Store store = Store.open(work.resolve("store"))) {
      long t0 = System.nanoTime();
      store.replace("access", new MapContent(records, true, "generated", "-"));
      out.printf("push of %d entries in one transaction: %.2f s%n", s.entries(),
          (System.nanoTime() - t0) / 1e9);
      SocketmapServer server = new SocketmapServer(store, SocketmapServer.Options.defaults(),
          line -> { });
      Endpoint tcp = server.listen(Endpoint.inet("127.0.0.1", 0));
      Endpoint unix = server.listen(Endpoint.unix(work.resolve("s.sock")));
      server.start();
      try {
        all.add(measure("socketmap, TCP 127.0.0.1", s, records, () -> socketLookup(tcp)));
        all.add(measure("socketmap, Unix socket", s, records, () -> socketLookup(unix)));
      } finally {
        server.close();
      }
    }
    all.add(measure("in-process hash db (MapReader)", s, records, () -> hashLookup(db)));
    all.forEach(out::println);
    Figures tcpF = all.get(0);
    Figures hashF = all.get(2);
    out.printf("hash db in-process is %.0fx the lookups/s of socketmap over TCP; p99 %.1f us vs "
        + "%.1f us%n", hashF.perSecond() / tcpF.perSecond(), hashF.p99Micros(), tcpF.p99Micros());
    return all;
  }

  /**
   * The same clients on a Unix socket of a replica in a three-member replication group (all
   * three in this process, on 127.0.0.1), compared with {@code single}: the group must not slow
   * lookups down, since a replica answers from its own store.
   */
  public static List<Figures> group(Path work, Settings s, Figures single, PrintStream out)
      throws Exception {
    List<Record> records = records(s.entries());
    int[] ports = GroupNodes.freePortPairs(3);
    List<Store> members = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        Endpoint self = Endpoint.inet("127.0.0.1", ports[i]);
        List<Endpoint> helpers = List.of(Endpoint.inet("127.0.0.1", ports[0]));
        members.add(Store.openInGroup(work.resolve("n" + i), new Group("load", "n" + i, self,
            helpers), Duration.ofSeconds(30), line -> { }));
      }
      Store master = awaitRole(members, GroupNode.Role.MASTER);
      master.replace("access", new MapContent(records, true, "generated", "-"));
      Store replica = awaitRole(members, GroupNode.Role.REPLICA);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (replica.info("access").isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      SocketmapServer server = new SocketmapServer(replica, SocketmapServer.Options.defaults(),
          line -> { });
      Endpoint unix = server.listen(Endpoint.unix(work.resolve("r.sock")));
      server.start();
      Figures f;
      try {
        f = measure("socketmap, Unix socket, group replica", s, records,
            () -> socketLookup(unix));
      } finally {
        server.close();
      }
      out.println(f);
      out.printf("group replica vs single server (Unix socket): %.2fx the lookups/s; p99 %.1f us "
          + "vs %.1f us%n", f.perSecond() / single.perSecond(), f.p99Micros(),
          single.p99Micros());
      return List.of(f);
    } finally {
      for (int i = members.size() - 1; i >= 0; i--) {
        members.get(i).close();
      }
    }
  }

  private static Store awaitRole(List<Store> members, GroupNode.Role role)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      for (Store m : members) {
        if (m.node().orElseThrow().role() == role) {
          return m;
        }
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("no member became " + role + " within 30 s");
  }

  /** One client's way of looking a key up: the value, or null for not found. */
  private interface Lookup extends AutoCloseable {
    byte[] get(byte[] key) throws IOException;

    @Override
    void close() throws IOException;
  }

  private interface LookupFactory {
    Lookup open() throws IOException;
  }

  private static Lookup socketLookup(Endpoint e) throws IOException {
    SocketmapClient c = new SocketmapClient(e);
    return new Lookup() {
      @Override
      public byte[] get(byte[] key) throws IOException {
        Reply r = c.lookup("access", key);
        return switch (r.status()) {
          case OK -> r.text();
          case NOTFOUND -> null;
          default -> throw new IOException("server answered " + r);
        };
      }

      @Override
      public void close() throws IOException {
        c.close();
      }
    };
  }

  private static Lookup hashLookup(Path db) throws IOException {
    MapReader r = MapReader.open(db);
    return new Lookup() {
      @Override
      public byte[] get(byte[] key) {
        return r.get(key).orElse(null);
      }

      @Override
      public void close() throws IOException {
        r.close();
      }
    };
  }

  private static Figures measure(String name, Settings s, List<Record> records,
      LookupFactory factory) throws InterruptedException {
    long[][] latencies = new long[s.clients()][];
    int[] done = new int[s.clients()];
    AtomicLong errors = new AtomicLong();
    CountDownLatch ready = new CountDownLatch(s.clients());
    CountDownLatch go = new CountDownLatch(1);
    long[] window = new long[2];
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < s.clients(); t++) {
      int id = t;
      Thread th = new Thread(() -> {
        Random rnd = new Random(s.seed() * 1000 + id);
        long[] lat = new long[s.perClient()];
        latencies[id] = lat;
        try (Lookup l = factory.open()) {
          for (int i = 0; i < s.perClient() / 10; i++) {
            ask(l, records, rnd, errors); // warm-up: JIT, caches, connection
          }
          ready.countDown();
          go.await();
          long deadline = window[0] + s.maxTime().toNanos();
          int i = 0;
          for (; i < lat.length; i++) {
            long a = System.nanoTime();
            ask(l, records, rnd, errors);
            long b = System.nanoTime();
            lat[i] = b - a;
            if (b > deadline) {
              i++;
              break;
            }
          }
          done[id] = i;
        } catch (Exception e) {
          errors.incrementAndGet();
          ready.countDown();
        }
      }, "load-" + t);
      threads.add(th);
      th.start();
    }
    ready.await();
    window[0] = System.nanoTime();
    go.countDown();
    for (Thread th : threads) {
      th.join();
    }
    double seconds = (System.nanoTime() - window[0]) / 1e9;
    long total = Arrays.stream(done).asLongStream().sum();
    long[] all = new long[(int) total];
    int k = 0;
    for (int t = 0; t < s.clients(); t++) {
      if (latencies[t] != null) {
        System.arraycopy(latencies[t], 0, all, k, done[t]);
        k += done[t];
      }
    }
    Arrays.sort(all);
    return new Figures(name, total, errors.get(), seconds, percentile(all, 0.50) / 1e3,
        percentile(all, 0.99) / 1e3);
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1,
        Math.ceil(p * sorted.length) - 1)];
  }

  /** One lookup of a random key: 80% present, 20% absent. */
  private static void ask(Lookup l, List<Record> records, Random rnd, AtomicLong errors)
      throws IOException {
    int i = rnd.nextInt(records.size());
    boolean present = rnd.nextInt(5) != 0;
    Record r = records.get(i);
    byte[] key = present ? r.key() : Arrays.copyOf(r.key(), r.key().length + 1);
    if (!present) {
      key[key.length - 1] = 'x';
    }
    byte[] v = l.get(key);
    if (present ? !Arrays.equals(v, r.value()) : v != null) {
      errors.incrementAndGet();
    }
  }

  /** Keys as sendmail asks them: Connect:/Try_TLS:/Srv_Features: with hosts and addresses. */
  static List<Record> records(int n) {
    List<Record> out = new ArrayList<>(n);
    String[] values = {"REJECT", "RELAY", "OK", "NO", "ERROR:\"550 5.7.1 go away\"", "A P"};
    for (int i = 0; i < n; i++) {
      String key = switch (i % 3) {
        case 0 -> "connect:" + (10 + i / 65536 % 200) + "." + (i / 256 % 256) + "." + (i % 256);
        case 1 -> "try_tls:mx" + i + ".example" + (i % 97) + ".com";
        default -> "srv_features:host-" + i + ".example.net";
      };
      out.add(new Record(key.getBytes(StandardCharsets.ISO_8859_1),
          values[i % values.length].getBytes(StandardCharsets.ISO_8859_1)));
    }
    return out;
  }
}
