package io.accessctl.app;

import io.accessctl.serve.Endpoint;
import io.accessctl.serve.Group;
import io.accessctl.serve.GroupPush;
import io.accessctl.serve.MapInfo;
import io.accessctl.serve.PushChannel;
import io.accessctl.serve.SocketmapServer;
import io.accessctl.serve.SourceWatcher;
import io.accessctl.serve.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The live store served as a socketmap: the store, the server on its endpoints, the push channel
 * {@code accessctl push} reaches it through, and optionally a watched source pushed on change.
 */
public final class Serve implements AutoCloseable {
  /**
   * @param socketMode permissions of Unix-domain socket files, or null for the umask's
   * @param watch a text map pushed into {@code map} now and on every change, or null
   * @param loader reads and judges the watched source (compile's rules)
   * @param group the replication group this node is a member of, or null for a store of one
   * @param joinTimeout how long a node tries to reach its group at start, and a push waits for
   *     a master
   */
  public record Request(Path store, String map, List<Endpoint> endpoints,
      Set<PosixFilePermission> socketMode, SocketmapServer.Options options, Path watch,
      Duration watchInterval, SourceWatcher.Loader loader, Group group, Duration joinTimeout) {}

  private final Store store;
  private final SocketmapServer server;
  private final List<Endpoint> bound = new ArrayList<>();
  private PushChannel push;
  private PushChannel forwarded;
  private volatile boolean mustRestart;
  private SourceWatcher watcher;

  private Serve(Store store, SocketmapServer server) {
    this.store = store;
    this.server = server;
  }

  /**
   * Opens the store and starts serving.
   *
   * @param log told what the server does, one line at a time
   * @throws WriteFailure when the store cannot be opened (another server holds it?) or an
   *     endpoint cannot be bound
   */
  public static Serve start(Request r, Consumer<String> log) {
    Store s;
    try {
      s = r.group() == null ? Store.open(r.store())
          : Store.openInGroup(r.store(), r.group(), r.joinTimeout(), log);
    } catch (IOException e) {
      throw new WriteFailure(IoProblems.describe(e), e);
    }
    Serve serve = new Serve(s, new SocketmapServer(s, r.options(), log));
    s.node().ifPresent(n -> n.onInvalid(() -> {
      serve.mustRestart = true;
      new Thread(serve::close, "group-restart").start();
    }));
    try {
      serve.listen(r, log);
    } catch (IOException e) {
      serve.close();
      throw new WriteFailure(IoProblems.describe(e), e);
    }
    return serve;
  }

  private void listen(Request r, Consumer<String> log) throws IOException {
    for (Endpoint e : r.endpoints()) {
      Endpoint b = server.listen(e);
      if (b.isUnix() && r.socketMode() != null) {
        Files.setPosixFilePermissions(b.path(), r.socketMode());
      }
      bound.add(b);
    }
    PushChannel.Receiver receiver = store::replace;
    if (r.group() != null) {
      // Every member listens: which one is the master changes with each election.
      forwarded = PushChannel.listen(r.group().pushAddress(), store::replace,
          store.node().orElseThrow()::pushSecret, log);
      receiver = new GroupPush(store, r.joinTimeout());
    }
    try {
      push = PushChannel.open(store.dir(), receiver, log);
      store.node().ifPresent(push::withAdmin);
    } catch (IOException e) {
      log.accept(e.getMessage() + "; accessctl push cannot reach this server");
    }
    if (r.watch() != null) {
      watcher = new SourceWatcher(store, r.map(), r.watch(), r.watchInterval(), r.loader(), log);
      watcher.start();
    }
    server.start();
  }

  /** The endpoints listened on, as bound (a port 0 made a real one). */
  public List<Endpoint> bound() {
    return List.copyOf(bound);
  }

  /** The store's maps when serving began. */
  public List<MapInfo> maps() {
    return store.maps();
  }

  /** Returns once the server has stopped. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /** True when the server stopped because its group member must be restarted to rejoin. */
  public boolean mustRestart() {
    return mustRestart;
  }

  /** Stops the watcher, the push channel and the server, and closes the store. */
  @Override
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
    if (push != null) {
      push.close();
    }
    if (forwarded != null) {
      forwarded.close();
    }
    server.close();
    store.close();
  }
}
