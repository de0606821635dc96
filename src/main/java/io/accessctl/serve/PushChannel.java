package io.accessctl.serve;

import io.accessctl.mapfile.Record;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How {@code accessctl push} hands a map to the server that holds the store open (JE lets only
 * one process write): a Unix socket {@value #SOCKET_NAME} in the store directory, mode 0600.
 *
 * <p>The client sends netstrings: the header {@code push MAP fold|nofold COUNT DIGEST SOURCE},
 * then COUNT pairs of key and value. The server pushes them in one transaction, like a local push,
 * and answers {@code OK GENERATION ENTRIES MILLIS}, {@code ERR reason}, {@code TEMP reason} (no
 * majority or no master: nothing changed) or {@code ACKS reason} (committed on the master, not
 * acknowledged by a majority in time) or {@code MOVED reason} (this node is not the master).
 *
 * <p>In a replication group the master also listens on its {@link Group#pushAddress() push
 * address} for pushes that replicas forward, with the same protocol.
 */
public final class PushChannel implements Closeable {
  public static final String SOCKET_NAME = "push.sock";
  /** No key, value or header is longer than this. */
  private static final int MAX_ITEM = 1 << 20;
  private static final int MAX_RECORDS = 100_000_000;

  /** Thrown when no server answers at the channel, or it went away before answering. */
  public static class Unreachable extends IOException {
    private static final long serialVersionUID = 1L;

    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Thrown when nothing listens at the channel: no server runs there (a killed one may have left
   * its socket file), or this user may not connect. Nothing was sent.
   */
  public static final class NotListening extends Unreachable {
    private static final long serialVersionUID = 1L;

    NotListening(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** What takes a map that arrived: the store, or a node that forwards it to the master. */
  @FunctionalInterface
  public interface Receiver {
    MapInfo push(String map, MapContent content) throws IOException;
  }

  /** A group member's membership requests, over the push socket only (its owner's). */
  public interface Admin {
    GroupStatus status() throws IOException;

    void remove(String member) throws IOException;
  }

  private final ServerSocketChannel channel;
  private final Path path;
  private final Object fileKey;
  private final Receiver receiver;
  private Admin admin;
  private java.util.function.Supplier<java.util.Optional<String>> secret;
  private final Consumer<String> log;
  private final Thread thread;

  private PushChannel(ServerSocketChannel channel, Path path, Receiver receiver,
      Consumer<String> log) {
    this.channel = channel;
    this.path = path;
    this.fileKey = path == null ? null : UnixSockets.fileKey(path);
    this.receiver = receiver;
    this.log = log;
    this.thread = new Thread(this::accept, "push-channel");
    thread.setDaemon(true);
  }

  public static Path socketPath(Path storeDir) {
    return storeDir.resolve(SOCKET_NAME);
  }

  /** Listens for pushes to {@code store}. */
  public static PushChannel open(Store store, Consumer<String> log) throws IOException {
    return open(store.dir(), store::replace, log);
  }

  /** Listens for pushes on {@link #SOCKET_NAME} in {@code dir}, handing them to {@code r}. */
  public static PushChannel open(Path dir, Receiver r, Consumer<String> log) throws IOException {
    Path p = socketPath(dir);
    UnixSockets.clearStale(p);
    ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      ch.bind(UnixDomainSocketAddress.of(p));
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException | UnsupportedOperationException e) {
      ch.close();
      throw new IOException(p + ": cannot listen for pushes: " + e.getMessage(), e);
    }
    PushChannel pc = new PushChannel(ch, p, r, log);
    pc.thread.start();
    return pc;
  }

  /** Also answers {@code group status} and {@code group remove} through this channel. */
  public PushChannel withAdmin(Admin a) {
    this.admin = a;
    return this;
  }

  /**
   * Listens for forwarded pushes on a TCP address, handing them to {@code r}; a push must come
   * after {@code auth SECRET} with the group's push secret.
   */
  public static PushChannel listen(Endpoint at, Receiver r,
      java.util.function.Supplier<java.util.Optional<String>> secret, Consumer<String> log)
      throws IOException {
    ServerSocketChannel ch = ServerSocketChannel.open(at.family());
    try {
      ch.bind(at.address());
    } catch (IOException e) {
      ch.close();
      throw new IOException(at.host() + ":" + at.port() + ": cannot listen for forwarded "
          + "pushes: " + e.getMessage(), e);
    }
    PushChannel pc = new PushChannel(ch, null, r, log);
    pc.secret = secret;
    pc.thread.start();
    return pc;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing
    }
    if (path != null) {
      UnixSockets.removeIfOurs(path, fileKey);
    }
  }

  private void accept() {
    while (channel.isOpen()) {
      SocketChannel c;
      try {
        c = channel.accept();
      } catch (ClosedChannelException closed) {
        return;
      } catch (IOException e) {
        log.accept("push channel: " + e.getMessage());
        return;
      }
      Thread t = new Thread(() -> serve(c), "push-client");
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(SocketChannel c) {
    try (c; InputStream in = new BufferedInputStream(Channels.newInputStream(c));
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(c))) {
      String reply;
      try {
        byte[] first = readItem(in);
        if (secret != null) {
          if (!authorized(first)) {
            Netstring.write(out, "ERR not a member of the group: wrong push secret"
                .getBytes(StandardCharsets.UTF_8));
            out.flush();
            return;
          }
          first = readItem(in);
        }
        String request = new String(first, StandardCharsets.UTF_8);
        if (!request.startsWith("push ")) {
          Netstring.write(out, (secret != null ? "ERR only pushes are taken here"
              : admin(request)).getBytes(StandardCharsets.UTF_8));
          out.flush();
          return;
        }
        Header h = Header.parse(first);
        List<Record> records = new ArrayList<>(Math.min(h.count, 1 << 16));
        for (int i = 0; i < h.count; i++) {
          records.add(new Record(readItem(in), readItem(in)));
        }
        MapInfo info = receiver.push(h.map,
            new MapContent(records, h.fold, h.source, h.digest));
        log.accept("pushed " + h.source + " to map " + h.map + ": generation "
            + info.generation() + ", " + info.entries() + " entries");
        reply = "OK " + info.generation() + " " + info.entries() + " "
            + info.pushedAt().toEpochMilli();
      } catch (NoMajorityException e) {
        log.accept("push refused: " + e.getMessage());
        reply = (e.committedHere() ? "ACKS " : "TEMP ") + e.getMessage();
      } catch (NotMasterException e) {
        reply = "MOVED " + e.getMessage();
      } catch (IOException | IllegalArgumentException e) {
        reply = "ERR " + e.getMessage();
      }
      Netstring.write(out, reply.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      log.accept("push channel: " + e.getMessage());
    }
  }

  private boolean authorized(byte[] auth) {
    byte[] want = ("auth " + secret.get().orElse("")).getBytes(StandardCharsets.US_ASCII);
    return secret.get().isPresent() && java.security.MessageDigest.isEqual(want, auth);
  }

  private String admin(String request) {
    if (admin == null) {
      return "ERR this server is not a member of a replication group";
    }
    try {
      if (request.equals("status")) {
        return "OK " + admin.status().encode();
      }
      if (request.startsWith("remove ")) {
        admin.remove(request.substring("remove ".length()));
        return "OK ";
      }
      return "ERR unknown request";
    } catch (IOException | RuntimeException e) {
      return "ERR " + Store.firstLine(e);
    }
  }

  /** The group status from the member that holds the store at {@code storeDir}. */
  public static GroupStatus status(Path storeDir) throws IOException {
    return GroupStatus.decode(request(storeDir, "status"));
  }

  /** Removes {@code member} from the group, through the member at {@code storeDir}. */
  public static void remove(Path storeDir, String member) throws IOException {
    request(storeDir, "remove " + member);
  }

  private static String request(Path storeDir, String request) throws IOException {
    Path p = socketPath(storeDir);
    try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(p));
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(c));
        InputStream in = new BufferedInputStream(Channels.newInputStream(c))) {
      Netstring.write(out, request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      byte[] reply = Netstring.read(in, MAX_ITEM);
      String r = reply == null ? "ERR no answer" : new String(reply, StandardCharsets.UTF_8);
      if (!r.startsWith("OK ")) {
        throw new IOException(storeDir + ": " + (r.startsWith("ERR ") ? r.substring(4) : r));
      }
      return r.substring(3);
    } catch (java.net.SocketException e) {
      throw new Unreachable(storeDir + ": no accessctl serve runs on this store ("
          + e.getMessage() + ")", e);
    }
  }

  private static byte[] readItem(InputStream in) throws IOException {
    byte[] b = Netstring.read(in, MAX_ITEM);
    if (b == null) {
      throw new EOFException("push ended early");
    }
    return b;
  }

  private record Header(String map, boolean fold, int count, String digest, String source) {
    static Header parse(byte[] payload) {
      String[] f = new String(payload, StandardCharsets.UTF_8).split(" ", 6);
      if (f.length != 6 || !f[0].equals("push") || !(f[2].equals("fold") || f[2].equals("nofold"))) {
        throw new IllegalArgumentException("bad push header");
      }
      int count = Integer.parseInt(f[3]);
      if (count < 0 || count > MAX_RECORDS) {
        throw new IllegalArgumentException("bad record count " + count);
      }
      return new Header(Store.checkMapName(f[1]), f[2].equals("fold"), count, f[4], f[5]);
    }
  }

  /**
   * Pushes through the server that holds the store at {@code storeDir}.
   *
   * @throws IOException when no server listens there, or the server refused the push
   */
  public static MapInfo push(Path storeDir, String map, MapContent content) throws IOException {
    return push(Endpoint.unix(socketPath(storeDir)), null, map, content);
  }

  /**
   * Pushes through the channel at {@code to}, showing {@code secret} first when it is not null
   * (a forwarded push).
   *
   * @throws NoMajorityException when the group could not acknowledge it
   * @throws IOException when nothing listens there, or the server refused the push
   */
  public static MapInfo push(Endpoint to, String secret, String map, MapContent content)
      throws IOException {
    Store.checkMapName(map);
    String p = to.isUnix() ? to.path().toString() : to.host() + ":" + to.port();
    SocketChannel channel;
    try {
      channel = to.connect();
    } catch (java.net.SocketException e) {
      throw new NotListening(p + ": no server takes pushes here: " + e.getMessage(), e);
    }
    try (SocketChannel c = channel;
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(c), 1 << 16);
        InputStream in = new BufferedInputStream(Channels.newInputStream(c))) {
      if (secret != null) {
        Netstring.write(out, ("auth " + secret).getBytes(StandardCharsets.US_ASCII));
      }
      String header = "push " + map + " " + (content.fold() ? "fold" : "nofold") + " "
          + content.records().size() + " " + content.digest() + " " + content.source();
      Netstring.write(out, header.getBytes(StandardCharsets.UTF_8));
      for (Record r : content.records()) {
        Netstring.write(out, r.key());
        Netstring.write(out, r.value());
      }
      out.flush();
      byte[] reply = Netstring.read(in, MAX_ITEM);
      if (reply == null) {
        throw new EOFException(p + ": the server closed the push channel without an answer");
      }
      String r = new String(reply, StandardCharsets.UTF_8);
      if (r.startsWith("TEMP ") || r.startsWith("ACKS ")) {
        throw new NoMajorityException(r.substring(5), r.startsWith("ACKS "), null);
      }
      if (r.startsWith("MOVED ")) {
        throw new NotMasterException(r.substring(6), null);
      }
      if (!r.startsWith("OK ")) {
        throw new IOException("the server refused the push: "
            + (r.startsWith("ERR ") ? r.substring(4) : r));
      }
      String[] f = r.split(" ");
      return new MapInfo(map, Long.parseLong(f[1]), Long.parseLong(f[2]), content.fold(),
          Instant.ofEpochMilli(Long.parseLong(f[3])), content.source(), content.digest());
    } catch (java.net.SocketException | EOFException e) {
      throw new Unreachable(p + ": cannot push through the running server: " + e.getMessage(), e);
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new IOException(p + ": cannot push through the running server: " + e.getMessage(), e);
    }
  }
}
