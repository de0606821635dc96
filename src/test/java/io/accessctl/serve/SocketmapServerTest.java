package io.accessctl.serve;

import static io.accessctl.serve.TestMaps.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessctl.testutil.AccessGen;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketmapServerTest {
  @TempDir
  Path dir;

  private Store store;
  private SocketmapServer server;
  private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();

  private Endpoint start(SocketmapServer.Options options, Endpoint e) throws IOException {
    if (store == null) {
      store = Store.open(dir.resolve("store"));
    }
    server = new SocketmapServer(store, options, log::add);
    Endpoint bound = server.listen(e);
    server.start();
    return bound;
  }

  private Endpoint startUnix() throws IOException {
    return start(SocketmapServer.Options.defaults(), Endpoint.unix(dir.resolve("s.sock")));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  private void push(String... kv) throws IOException {
    if (store == null) {
      store = Store.open(dir.resolve("store"));
    }
    store.replace("access", TestMaps.of(kv));
  }

  @Test
  void answersOkNotfoundTempAndPermOnOnePersistentConnection() throws Exception {
    push("try_tls:bagoona.com", "NO", "srv_features:", "A P");
    Endpoint e = startUnix();
    try (SocketmapClient c = new SocketmapClient(e)) {
      assertThat(c.lookup("access", "Try_TLS:Bagoona.COM")).isEqualTo(Reply.ok(bytes("NO")));
      assertThat(c.lookup("access", "Srv_Features:")).isEqualTo(Reply.ok(bytes("A P")));
      assertThat(c.lookup("access", "Try_TLS:x.example")).isEqualTo(Reply.notFound());
      Reply noMap = c.lookup("aliases", "root");
      assertThat(noMap.status()).isEqualTo(Reply.Status.TEMP);
      assertThat(noMap.textString()).contains("no map \"aliases\"");
      Reply noSpace = c.exchange(bytes("access"));
      assertThat(noSpace.status()).isEqualTo(Reply.Status.PERM);
      assertThat(noSpace.textString()).contains("MAPNAME KEY");
      // the connection survives a well-formed but wrong request
      for (int i = 0; i < 1000; i++) {
        assertThat(c.lookup("access", "try_tls:bagoona.com").status()).isEqualTo(Reply.Status.OK);
      }
    }
  }

  @Test
  void tcpOnLoopbackAnswersTheSame() throws Exception {
    push("connect:127.0.0.1", "RELAY");
    Endpoint e = start(SocketmapServer.Options.defaults(), Endpoint.inet("127.0.0.1", 0));
    assertThat(e.port()).isPositive();
    try (SocketmapClient c = new SocketmapClient(e)) {
      assertThat(c.lookup("access", "Connect:127.0.0.1")).isEqualTo(Reply.ok(bytes("RELAY")));
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    push("k1", "one", "k2", "two");
    Endpoint e = startUnix();
    try (SocketmapClient c = new SocketmapClient(e)) {
      StringBuilder burst = new StringBuilder();
      for (int i = 0; i < 500; i++) {
        burst.append(new String(Netstring.encode(bytes("access k" + (i % 3))),
            java.nio.charset.StandardCharsets.ISO_8859_1));
      }
      c.send(bytes(burst.toString()));
      for (int i = 0; i < 500; i++) {
        Reply r = c.receive();
        switch (i % 3) {
          case 0 -> assertThat(r).isEqualTo(Reply.notFound());
          case 1 -> assertThat(r).isEqualTo(Reply.ok(bytes("one")));
          default -> assertThat(r).isEqualTo(Reply.ok(bytes("two")));
        }
      }
    }
  }

  @Test
  void manyConcurrentClientsEachGetTheirOwnAnswers() throws Exception {
    List<String> kv = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      kv.add("k" + i);
      kv.add("v" + i);
    }
    push(kv.toArray(String[]::new));
    Endpoint e = start(SocketmapServer.Options.defaults().withLoops(2),
        Endpoint.unix(dir.resolve("s.sock")));
    int clients = 100;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch allAnswered = new CountDownLatch(clients);
    CountDownLatch release = new CountDownLatch(1);
    List<Future<Integer>> done = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      int seed = t;
      done.add(pool.submit(() -> {
        try (SocketmapClient c = new SocketmapClient(e)) {
          Random rnd = new Random(seed);
          int ok = 0;
          for (int i = 0; i < 200; i++) {
            int k = rnd.nextInt(250);
            Reply r = c.lookup("access", "k" + k);
            if (k < 200 ? r.equals(Reply.ok(bytes("v" + k))) : r.equals(Reply.notFound())) {
              ok++;
            }
          }
          allAnswered.countDown();
          release.await(10, TimeUnit.SECONDS); // keep the connection open meanwhile
          return ok;
        }
      }));
    }
    assertThat(allAnswered.await(20, TimeUnit.SECONDS)).isTrue();
    assertThat(server.openConnections()).isEqualTo(clients);
    release.countDown();
    for (Future<Integer> f : done) {
      assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(200);
    }
    pool.shutdown();
  }

  @Test
  void aValueLongerThanTheReplyLimitIsRefusedNotCut() throws Exception {
    push("small", "x".repeat(97), "big", "x".repeat(98));
    Endpoint e = start(SocketmapServer.Options.defaults().withMaxReply(100),
        Endpoint.unix(dir.resolve("s.sock")));
    try (SocketmapClient c = new SocketmapClient(e)) {
      assertThat(c.lookup("access", "small").status()).isEqualTo(Reply.Status.OK);
      Reply big = c.lookup("access", "big");
      assertThat(big.status()).isEqualTo(Reply.Status.PERM);
      assertThat(big.textString()).contains("98 bytes").contains("limited to 100");
    }
  }

  @Test
  void connectionsOverTheLimitGetTempAndAreClosed() throws Exception {
    push("k", "v");
    Endpoint e = start(SocketmapServer.Options.defaults().withMaxClients(2),
        Endpoint.unix(dir.resolve("s.sock")));
    try (SocketmapClient a = new SocketmapClient(e); SocketmapClient b = new SocketmapClient(e);
        SocketmapClient c = new SocketmapClient(e)) {
      assertThat(a.lookup("access", "k").status()).isEqualTo(Reply.Status.OK);
      assertThat(b.lookup("access", "k").status()).isEqualTo(Reply.Status.OK);
      Reply r = c.receive();
      assertThat(r.status()).isEqualTo(Reply.Status.TEMP);
      assertThat(r.textString()).contains("too many connections");
      assertThat(c.closedByServer()).isTrue();
    }
    assertThat(server.refused()).isEqualTo(1);
  }

  @Test
  void aRequestThatDoesNotCompleteInTimeGetsTimeoutAndIsClosed() throws Exception {
    push("k", "v");
    Endpoint e = start(SocketmapServer.Options.defaults()
        .withRequestTimeout(Duration.ofMillis(300)), Endpoint.unix(dir.resolve("s.sock")));
    try (SocketmapClient c = new SocketmapClient(e)) {
      c.send(bytes("8:acc"));
      Reply r = c.receive();
      assertThat(r.status()).isEqualTo(Reply.Status.TIMEOUT);
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void malformedNetstringsGetPermAndTheConnectionIsClosed() throws Exception {
    push("k", "v");
    Endpoint e = startUnix();
    String[] bad = {"GET / HTTP/1.0\r\n\r\n", "99999999999:", "100001:", "3:abcd", "-1:x,",
        ":,", "5 :hello,"};
    for (String b : bad) {
      try (SocketmapClient c = new SocketmapClient(e)) {
        c.send(bytes(b));
        Reply r = c.receive();
        assertThat(r.status()).as(b).isEqualTo(Reply.Status.PERM);
        assertThat(c.closedByServer()).as(b).isTrue();
      }
    }
    try (SocketmapClient c = new SocketmapClient(e)) {
      assertThat(c.lookup("access", "k")).isEqualTo(Reply.ok(bytes("v")));
    }
  }

  /** Random bytes, random framings and abrupt closes: every reply is a valid one, the server stays. */
  @Test
  void fuzzedClientsNeverTakeTheServerDown() throws Exception {
    push("k", "v");
    Endpoint e = start(SocketmapServer.Options.defaults().withMaxRequest(4096)
        .withRequestTimeout(Duration.ofMillis(500)), Endpoint.unix(dir.resolve("s.sock")));
    long seed = AccessGen.seed();
    Random rnd = new Random(seed);
    try {
      for (int round = 0; round < 300; round++) {
        byte[] junk = switch (round % 4) {
          case 0 -> randomBytes(rnd, rnd.nextInt(64) + 1);
          case 1 -> bytes(rnd.nextInt(100_000) + ":" + TestMaps.text(randomBytes(rnd, 20)));
          case 2 -> Netstring.encode(randomBytes(rnd, rnd.nextInt(40)));
          default -> {
            byte[] ok = Netstring.encode(bytes("access k"));
            ok[rnd.nextInt(ok.length)] = (byte) rnd.nextInt(256);
            yield ok;
          }
        };
        try (SocketmapClient c = new SocketmapClient(e)) {
          c.send(junk);
          if (rnd.nextBoolean()) {
            continue; // hang up without reading
          }
          try {
            Reply r = c.receive();
            assertThat(r.status()).isNotNull();
          } catch (EOFException | Netstring.MalformedException closedOrIncomplete) {
            // closed after a protocol error
          } catch (IOException reset) {
            // connection reset by the server closing first
          }
        }
      }
      try (SocketmapClient c = new SocketmapClient(e)) {
        assertThat(c.lookup("access", "k")).isEqualTo(Reply.ok(bytes("v")));
      }
    } catch (AssertionError | RuntimeException err) {
      throw new AssertionError(AccessGen.replayHint(seed), err);
    }
  }

  private static byte[] randomBytes(Random rnd, int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  /** The network view of the never-a-mix rule: clients see the generation only go up. */
  @Test
  void clientsDuringPushesSeeOneGenerationOrTheNext() throws Exception {
    int keys = 500;
    store = Store.open(dir.resolve("store"));
    store.replace("access", TestMaps.generation(0, keys));
    Endpoint e = startUnix();
    TestMaps.Readers readers = TestMaps.Readers.start(8, () -> {
      SocketmapClient c = new SocketmapClient(e);
      return new TestMaps.Readers.Session() {
        @Override
        public long read(Random rnd) throws IOException {
          Reply r = c.lookup("access", TestMaps.key(rnd.nextInt(keys)));
          if (r.status() != Reply.Status.OK) {
            throw new IllegalStateException("got " + r);
          }
          return TestMaps.gen(r.text());
        }

        @Override
        public void close() throws IOException {
          c.close();
        }
      };
    });
    for (int g = 1; g <= 20; g++) {
      store.replace("access", TestMaps.generation(g, keys));
      Thread.sleep(5);
    }
    long lookups = readers.reads();
    assertThat(readers.stop()).isEmpty();
    assertThat(lookups).isGreaterThan(100);
  }

  @Test
  void closingAnswersNoMoreRemovesTheSocketFileAndLeavesAStaleFileReplaceable() throws Exception {
    push("k", "v");
    Endpoint e = startUnix();
    SocketmapClient c = new SocketmapClient(e);
    assertThat(c.lookup("access", "k").status()).isEqualTo(Reply.Status.OK);
    server.close();
    assertThat(c.closedByServer()).isTrue();
    c.close();
    assertThat(Files.exists(e.path())).isFalse();
    assertThat(log).anyMatch(l -> l.startsWith("stopped: 1 requests on 1 connections"));

    // a socket file left behind (as by kill -9) is replaced; a live one is refused
    java.nio.channels.ServerSocketChannel stale = java.nio.channels.ServerSocketChannel.open(
        java.net.StandardProtocolFamily.UNIX);
    stale.bind(e.address());
    SocketmapServer second = new SocketmapServer(store, SocketmapServer.Options.defaults(),
        log::add);
    assertThatThrownBy(() -> second.listen(e)).hasMessageContaining("another server");
    stale.close();
    assertThat(Files.exists(e.path())).isTrue();
    server = second;
    second.listen(e);
    second.start();
    try (SocketmapClient again = new SocketmapClient(e)) {
      assertThat(again.lookup("access", "k").status()).isEqualTo(Reply.Status.OK);
    }
    Files.delete(e.path());
    Files.writeString(e.path(), "not a socket");
    assertThatThrownBy(() -> new SocketmapServer(store, SocketmapServer.Options.defaults(),
        log::add).listen(e)).hasMessageContaining("not a socket");
  }
}
