package io.accessctl.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cli.Cli;
import io.accessctl.testutil.Oracle;
import io.accessctl.testutil.OtherUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store served by a user of its own (as the Debian package's service runs it) stays that
 * user's: root pushes and reads it through the running server without creating a file in it,
 * and a root push (or serve) while no server runs is refused instead of leaving files the server
 * could not open. Needs root, as CI has.
 */
class ServiceUserStoreTest {
  @TempDir
  Path dir;

  @Test
  void rootPushesThroughTheServiceAndLeavesNoFileOfItsOwn() throws Exception {
    OtherUser.assumeAvailable();
    Path store = Files.createDirectory(dir.resolve("store"));
    Path run = Files.createDirectory(dir.resolve("run"));
    Path source = Files.writeString(dir.resolve("access"), "Try_TLS:mx.example\tNO\n");
    List<String> accessctl = OtherUser.accessctl(dir, store, run);
    UserPrincipal service = dir.getFileSystem().getUserPrincipalLookupService()
        .lookupPrincipalByName(OtherUser.NAME);
    Files.setOwner(store, service);
    Files.setOwner(run, service);
    Path socket = run.resolve("serve.sock");

    try (ServerProcess server = ServerProcess.start(accessctl, "--no-cf", "--store",
        store.toString(), "--socket", socket.toString())) {
      Cli.Run push = Cli.run("push", "--no-cf", "--store", store.toString(), source.toString());
      assertThat(push.exit()).as(push.err() + server.stderr()).isZero();
      assertThat(push.out()).contains("through the running server");
      Cli.Run query = Cli.run("query", "--map", store.toString(), "Try_TLS:mx.example");
      assertThat(query.exit()).as(query.err()).isZero();
      try (SocketmapClient c = new SocketmapClient(Endpoint.unix(socket))) {
        assertThat(c.lookup("access", "try_tls:mx.example"))
            .isEqualTo(Reply.ok("NO".getBytes(StandardCharsets.US_ASCII)));
      }
      assertOnlyOwnedBy(store, service);
      server.terminate();
    }

    Cli.Run refused = Cli.run("push", "--no-cf", "--store", store.toString(), source.toString());
    assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(73);
    String notOwner = "accessctl: " + store + ": owned by " + OtherUser.NAME + ": only the "
        + "store's owner may write it (run this as " + OtherUser.NAME + ", or push through the "
        + "store's running accessctl serve)\n";
    assertThat(refused.err()).isEqualTo(notOwner);
    // root serving the store by hand would leave root's files behind as well
    Oracle.Result serve = ServerProcess.run(List.of(), "serve", "--no-cf", "--store",
        store.toString(), "--socket", dir.resolve("root.sock").toString());
    assertThat(serve.exit()).as(serve.stdout() + serve.stderr()).isEqualTo(73);
    assertThat(serve.stderr()).isEqualTo(notOwner);
    // reading it needs no server and writes nothing
    Cli.Run read = Cli.run("query", "--map", store.toString(), "Try_TLS:mx.example");
    assertThat(read.exit()).as(read.err()).isZero();
    assertThat(read.out()).contains("NO");
    assertOnlyOwnedBy(store, service);
  }

  private static void assertOnlyOwnedBy(Path store, UserPrincipal owner) throws IOException {
    try (Stream<Path> files = Files.walk(store)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        assertThat(Files.getOwner(f)).as(f.toString()).isEqualTo(owner);
      }
    }
  }
}
