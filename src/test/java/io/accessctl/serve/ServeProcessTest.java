package io.accessctl.serve;

import static io.accessctl.serve.TestMaps.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cli.Cli;
import io.accessctl.testutil.AccessGen;
import io.accessctl.testutil.Oracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as a process: signals, kill -9, and JE's one-writer rule across processes. */
class ServeProcessTest {
  @TempDir
  Path dir;

  private Path store() {
    return dir.resolve("store");
  }

  @Test
  void sigtermClosesConnectionsTheStoreAndTheSocketFiles() throws Exception {
    Path src = dir.resolve("access");
    Files.writeString(src, "Try_TLS:bagoona.com\tNO\n");
    assertThat(Cli.run("push", "--no-cf", "-q", "--store", store().toString(), src.toString())
        .exit()).isZero();
    Path sock = dir.resolve("s.sock");
    try (ServerProcess sp = ServerProcess.start("--no-cf", "--store", store().toString(),
        "--socket", sock.toString())) {
      assertThat(sp.stdout())
          .contains("  map access: generation 1, 1 entries, from " + src)
          .contains("  sendmail.cf: Kaccess socket -T<TMPF> local:" + sock)
          .contains("  postfix:     socketmap:unix:" + sock + ":access");
      SocketmapClient c = new SocketmapClient(sp.endpoint());
      assertThat(c.lookup("access", "Try_TLS:Bagoona.COM")).isEqualTo(Reply.ok(bytes("NO")));
      assertThat(sp.terminate()).isEqualTo(143);
      assertThat(c.closedByServer()).isTrue();
      c.close();
      assertThat(sp.stderr()).as(sp.stdout()).contains("accessctl serve: stopped: 1 requests on 1 connections");
      assertThat(sock).doesNotExist();
      assertThat(PushChannel.socketPath(store())).doesNotExist();
    }
    try (Store s = Store.open(store())) {
      assertThat(s.lookup("access", bytes("try_tls:bagoona.com")).map(TestMaps::text))
          .contains("NO");
    }
  }

  /**
   * One writer: a second server on the same store is refused, push goes through the running
   * server, and read-only opens in other processes see what it committed. Then kill -9 during a
   * push of 10,000 entries: the restarted server has the whole old map or the whole new one.
   */
  @Test
  void afterKill9DuringAPushTheStoreComesBackWithTheLastCommittedMap() throws Exception {
    Path src = dir.resolve("access");
    Files.writeString(src, "Connect:192.0.2.1\tREJECT\n");
    String store = store().toString();
    Path sock = dir.resolve("s.sock");
    int keys = 10_000;
    long seed = AccessGen.seed();
    Random rnd = new Random(seed);
    boolean committed;
    try (ServerProcess sp = ServerProcess.start("--no-cf", "--store", store, "--socket",
        sock.toString(), "--listen", "127.0.0.1:0")) {
      Oracle.Result second = ServerProcess.run(List.of(), "serve", "--no-cf", "--store", store,
          "--listen", "127.0.0.1:0");
      assertThat(second.exit()).isEqualTo(73);
      assertThat(second.stderr()).contains("open for writing in another process");

      Cli.Run push = Cli.run("push", "--no-cf", "--store", store, src.toString());
      assertThat(push.exit()).as(push.err()).isZero();
      assertThat(push.out()).contains("(generation 1, 1 entries, through the running server)");
      Endpoint tcp = sp.endpoints().get(1);
      try (SocketmapClient c = new SocketmapClient(tcp)) {
        assertThat(c.lookup("access", "Connect:192.0.2.1")).isEqualTo(Reply.ok(bytes("REJECT")));
      }
      try (Store ro = Store.openReadOnly(store())) {
        assertThat(ro.info("access").orElseThrow().generation()).isEqualTo(1);
      }
      // query and lookup take the store as their MAP, beside the server
      Cli.Run query = Cli.run("query", "--map", store, "Connect:192.0.2.1");
      assertThat(query.exit()).as(query.err()).isZero();
      assertThat(query.out()).isEqualTo("REJECT\n");
      Cli.Run lookup = Cli.run("lookup", "--no-cf", "--map", store, "--format", "json",
          "Connect", "host.example", "--addr", "192.0.2.1");
      assertThat(lookup.out()).as(lookup.err()).contains("\"result\":\"REJECT\"");

      assertThat(PushChannel.push(store(), "access", TestMaps.generation(2, keys)).generation())
          .isEqualTo(2);
      CompletableFuture<MapInfo> third = CompletableFuture.supplyAsync(() -> {
        try {
          return PushChannel.push(store(), "access", TestMaps.generation(3, keys));
        } catch (java.io.IOException e) {
          return null;
        }
      });
      Thread.sleep(rnd.nextInt(400));
      sp.kill9();
      committed = third.join() != null;
    }
    assertThat(sock).exists(); // left behind by kill -9; the next server replaces it
    try (ServerProcess sp = ServerProcess.start("--no-cf", "--store", store, "--socket",
        sock.toString())) {
      Set<String> seen = new HashSet<>();
      try (SocketmapClient c = new SocketmapClient(sp.endpoint())) {
        for (int i = 0; i < 300; i++) {
          Reply r = c.lookup("access", TestMaps.key(i == 0 ? keys - 1 : rnd.nextInt(keys)));
          assertThat(r.status()).isEqualTo(Reply.Status.OK);
          seen.add(r.textString());
        }
      }
      assertThat(seen).as(AccessGen.replayHint(seed)).hasSize(1);
      if (committed) {
        assertThat(seen).containsExactly("g3");
      } else {
        assertThat(seen).containsAnyOf("g2", "g3");
      }
      assertThat(sp.stdout()).containsPattern("map access: generation [23], 10000 entries");
    }
  }
}
