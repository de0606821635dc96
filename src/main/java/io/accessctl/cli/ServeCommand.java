package io.accessctl.cli;

import io.accessctl.app.Push;
import io.accessctl.app.Serve;
import io.accessctl.serve.Endpoint;
import io.accessctl.serve.Group;
import io.accessctl.serve.MapContent;
import io.accessctl.serve.MapInfo;
import io.accessctl.serve.SocketmapServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code accessctl serve --store DIR --socket PATH}: the live store as a socketmap for sendmail
 * ({@code Kaccess socket -T<TMPF> local:PATH}) and Postfix ({@code socketmap:unix:PATH:access}).
 * Runs until SIGTERM or SIGINT, then closes connections, the store and the socket files.
 */
@Command(name = "serve",
    description = {"Answer socketmap lookups (sendmail's socket map class, Postfix's socketmap: "
        + "table) from the live store that accessctl push fills.",
        "Lookups apply sendmail's key rules (ASCII case folding unless pushed with -f, keys cut "
            + "to 256 bytes). A map the store does not hold is answered TEMP; a malformed request "
            + "PERM. Stops cleanly on SIGTERM."},
    exitCodeList = {"0:stopped by a signal", "2:usage error",
        "75:a group member must be restarted to rejoin its group (JE closed its environment, "
            + "e.g. to roll back a push the group never acknowledged); systemd's Restart= does it",
        "66:the --watch source cannot be read",
        "73:the store cannot be opened (another server holds it, or it is another user's), an "
            + "endpoint cannot be bound, "
            + "or the group cannot be joined (wrong group name, node address in use, no helper "
            + "answered within --join-timeout, a store of another group)"})
public final class ServeCommand extends Subcommand {
  @Mixin
  StoreOptions store;

  @Option(names = "--socket", paramLabel = "PATH",
      description = "Listen on this Unix-domain socket (repeatable); a stale socket file is "
          + "replaced.")
  List<String> sockets = new ArrayList<>();

  @Option(names = "--listen", paramLabel = "HOST:PORT",
      description = "Listen on this TCP address (repeatable), e.g. 127.0.0.1:8778; port 0 "
          + "picks a free one.")
  List<String> listen = new ArrayList<>();

  @Option(names = "--socket-mode", paramLabel = "MODE",
      description = "Permissions of the socket files, in octal (e.g. 0660; default: the umask's).")
  String socketMode;

  @Option(names = "--watch", paramLabel = "SOURCE",
      description = "Push SOURCE into --map now and whenever it changes, if it is clean.")
  Path watch;

  @Option(names = "--watch-interval", paramLabel = "MS", defaultValue = "1000",
      description = "How often --watch looks at the file, in milliseconds (default: "
          + "${DEFAULT-VALUE}).")
  long watchInterval;

  @Option(names = "--max-clients", paramLabel = "N", defaultValue = "1024",
      description = "Connections served at once; more are answered TEMP and closed "
          + "(default: ${DEFAULT-VALUE}).")
  int maxClients;

  @Option(names = "--max-reply", paramLabel = "BYTES", defaultValue = "100000",
      description = "Longest reply; a longer value is answered PERM (default: ${DEFAULT-VALUE}, "
          + "Postfix's limit).")
  int maxReply;

  @Option(names = "--threads", paramLabel = "N",
      description = "Event loops (default: the processors, at most 4).")
  Integer threads;

  @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "A started request must be complete within this time (default: "
          + "${DEFAULT-VALUE}).")
  long requestTimeout;

  @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "0",
      description = "Close connections idle this long; 0 keeps them, as sendmail expects "
          + "(default: ${DEFAULT-VALUE}).")
  long idleTimeout;

  @Option(names = "--group", paramLabel = "NAME",
      description = "Run as a member of this replication group (Berkeley DB JE High "
          + "Availability): pushes on any member reach all, each member answers from its own "
          + "replica. Needs --node and --node-address.")
  String group;

  @Option(names = "--node", paramLabel = "NAME",
      description = "This member's name in the group, unique in it.")
  String node;

  @Option(names = "--node-address", paramLabel = "HOST:PORT",
      description = "This member's replication address; the next port (PORT+1) on the same host "
          + "takes pushes forwarded to the master.")
  String nodeAddress;

  @Option(names = "--helper", paramLabel = "HOST:PORT", split = ",",
      description = "Other members' node addresses to join through (repeatable or "
          + "comma-separated); without it, or naming itself, the node starts a new group.")
  List<String> helpers = new ArrayList<>();

  @Option(names = "--join-timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "How long a member waits for its group at start (a new member fails after "
          + "it, one with data serves its replica and keeps trying) and a push waits for a "
          + "master (default: ${DEFAULT-VALUE}).")
  long joinTimeout;

  @Mixin
  PushCommand.SourceGate gate;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = out();
    PrintWriter err = err();
    List<Endpoint> endpoints = endpoints();
    Set<PosixFilePermission> mode = socketMode == null ? null : mode(socketMode);
    String map = store.mapName(spec);
    SocketmapServer.Options options = options();
    Consumer<String> log = line -> {
      synchronized (err) {
        err.println("accessctl serve: " + line);
        err.flush();
      }
    };

    Group member = group();
    Serve serve = Serve.start(new Serve.Request(store.dir, map, endpoints, mode, options, watch,
        Duration.ofMillis(watchInterval), this::watched, member, Duration.ofSeconds(joinTimeout)),
        log);
    banner(out, serve, map);
    Runtime.getRuntime().addShutdownHook(new Thread(serve::close, "accessctl-shutdown"));
    serve.awaitTermination();
    return serve.mustRestart() ? ExitCodes.TEMP_FAIL : ExitCodes.OK;
  }

  /** The --watch source, if it may be pushed; what --force overrides is said before the push. */
  private MapContent watched(Path src) throws IOException {
    PrintWriter err = err();
    Push.Loaded l = gate.load(src, err, root.console.interactive());
    if (l.checked().overridden()) {
      synchronized (err) {
        err.println(PolicyOptions.overrode("pushing " + src, l.checked().count()));
        err.flush();
      }
    }
    return l.content();
  }

  private void banner(PrintWriter out, Serve serve, String map) {
    List<Endpoint> bound = serve.bound();
    for (Endpoint b : bound) {
      out.println("accessctl: serving " + store.dir + " on " + b.sendmailSpec());
    }
    List<MapInfo> maps = serve.maps();
    if (maps.isEmpty()) {
      out.println("  no map yet: accessctl push --store " + store.dir + " SOURCE");
    }
    for (MapInfo m : maps) {
      out.println("  map " + m.name() + ": generation " + m.generation() + ", " + m.entries()
          + " entries, from " + m.source() + " at " + m.pushedAt());
    }
    Endpoint first = bound.get(0);
    out.println("  sendmail.cf: K" + map + " socket -T<TMPF> " + first.sendmailSpec());
    out.println("  postfix:     " + first.postfixSpec(map));
    out.flush();
  }

  private Group group() {
    if (group == null && node == null && nodeAddress == null && helpers.isEmpty()) {
      return null;
    }
    if (group == null || node == null || nodeAddress == null) {
      throw new ParameterException(spec.commandLine(),
          "a group member needs --group, --node and --node-address");
    }
    if (watch != null) {
      throw new ParameterException(spec.commandLine(), "--watch serves one store; in a group, "
          + "push from any member instead");
    }
    if (joinTimeout < 1) {
      throw new ParameterException(spec.commandLine(), "--join-timeout must be at least 1");
    }
    try {
      List<Endpoint> hs = new ArrayList<>();
      for (String h : helpers) {
        hs.add(Endpoint.parse(h));
      }
      return new Group(group, node, Endpoint.parse(nodeAddress), hs);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private List<Endpoint> endpoints() {
    List<Endpoint> all = new ArrayList<>();
    try {
      for (String sock : sockets) {
        Endpoint e = sock.contains(":") ? Endpoint.parse(sock) : Endpoint.unix(Path.of(sock));
        all.add(e);
      }
      for (String l : listen) {
        all.add(Endpoint.parse(l));
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (all.isEmpty()) {
      throw new ParameterException(spec.commandLine(),
          "say where to listen: --socket PATH or --listen HOST:PORT");
    }
    return all;
  }

  private SocketmapServer.Options options() {
    if (maxClients < 1 || maxReply < 16 || requestTimeout < 0 || idleTimeout < 0
        || watchInterval < 10 || (threads != null && threads < 1)) {
      throw new ParameterException(spec.commandLine(), "--max-clients and --threads must be at "
          + "least 1, --max-reply at least 16, --watch-interval at least 10 ms, timeouts not "
          + "negative");
    }
    SocketmapServer.Options o = SocketmapServer.Options.defaults().withMaxClients(maxClients)
        .withMaxReply(maxReply).withRequestTimeout(Duration.ofSeconds(requestTimeout))
        .withIdleTimeout(Duration.ofSeconds(idleTimeout));
    return threads == null ? o : o.withLoops(threads);
  }

  private Set<PosixFilePermission> mode(String octal) {
    int m;
    try {
      m = Integer.parseInt(octal, 8);
    } catch (NumberFormatException e) {
      m = -1;
    }
    if (m < 0 || m > 0777) {
      throw new ParameterException(spec.commandLine(),
          "--socket-mode \"" + octal + "\" is not an octal mode like 0660");
    }
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ … OTHERS_EXECUTE
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < bits.length; i++) {
      if ((m & (0400 >> i)) != 0) {
        set.add(bits[i]);
      }
    }
    return set;
  }
}
