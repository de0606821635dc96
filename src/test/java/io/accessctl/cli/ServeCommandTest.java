package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.serve.Reply;
import io.accessctl.serve.ServerProcess;
import io.accessctl.serve.SocketmapClient;
import io.accessctl.testutil.Oracle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  @TempDir
  Path dir;

  @Test
  void withoutAnEndpointItIsAUsageError() {
    Cli.Run r = Cli.run("serve", "--store", dir.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--socket PATH or --listen HOST:PORT");
    assertThat(Cli.run("serve", "--store", dir.toString(), "--listen", "nowhere").err())
        .contains("expected HOST:PORT");
    assertThat(Cli.run("serve", "--store", dir.toString(), "--socket", "/tmp/x.sock",
        "--socket-mode", "999").err()).contains("not an octal mode");
  }

  @Test
  void theHelpNamesTheSocketmapReplies() {
    Cli.Run r = Cli.run("serve", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--watch=SOURCE").contains("TEMP").contains("SIGTERM");
  }

  /** Berkeley DB JE stays off the start-up path: lint, query, --help load none of its classes. */
  @Test
  void onlyServeAndPushLoadBerkeleyDbJe() throws Exception {
    Path src = dir.resolve("access");
    Files.writeString(src, "Connect:10\tRELAY\n");
    for (List<String> args : List.of(List.of("--help"), List.of("lint", "--no-cf", src.toString()),
        List.of("query", "--map", src.toString(), "Connect:10"), List.of("push", "--help"))) {
      Oracle.Result r = ServerProcess.run(List.of("-verbose:class"), args.toArray(String[]::new));
      assertThat(r.exit()).as(args + r.stderr()).isZero();
      assertThat(r.stdout()).as(args.toString()).contains("io.accessctl.cli.Main")
          .doesNotContain("com.sleepycat");
    }
    Oracle.Result push = ServerProcess.run(List.of("-verbose:class"), "push", "--no-cf", "-q",
        "--store", dir.resolve("store").toString(), src.toString());
    assertThat(push.exit()).as(push.stderr()).isZero();
    assertThat(push.stdout()).contains("com.sleepycat.je.Environment");
  }

  @Test
  void watchRepushesTheSourceWhenItChangesAndKeepsTheMapWhenItHasErrors() throws Exception {
    Path src = dir.resolve("access");
    Files.writeString(src, "Try_TLS:bagoona.com\tNO\n");
    try (ServerProcess sp = ServerProcess.start("--no-cf", "--store",
        dir.resolve("store").toString(), "--socket", dir.resolve("s.sock").toString(),
        "--watch", src.toString(), "--watch-interval", "50");
        SocketmapClient c = new SocketmapClient(sp.endpoint())) {
      assertThat(c.lookup("access", "Try_TLS:bagoona.com")).isEqualTo(ok("NO"));
      assertThat(sp.stdout()).contains("map access: generation 1, 1 entries");

      Files.writeString(src, "Try_TLS:bagoona.com\tNO\nTry_TLS:other.example\tNO\n");
      awaitReply(c, "Try_TLS:other.example", ok("NO"));

      // an inline comment in a Try_TLS value is a lint error: the map stays as it is
      Files.writeString(src, "Try_TLS:third.example\tNO # broken\n");
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!sp.stderr().contains("block the push") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(sp.stderr()).contains("block the push; map access stays at generation 2");
      assertThat(c.lookup("access", "Try_TLS:other.example")).isEqualTo(ok("NO"));
      assertThat(c.lookup("access", "Try_TLS:third.example")).isEqualTo(Reply.notFound());
    }
  }

  private static Reply ok(String v) {
    return Reply.ok(v.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static void awaitReply(SocketmapClient c, String key, Reply want) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    Reply r = c.lookup("access", key);
    while (!r.equals(want) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      r = c.lookup("access", key);
    }
    assertThat(r).isEqualTo(want);
  }
}
