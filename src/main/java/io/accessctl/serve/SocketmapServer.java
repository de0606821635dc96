package io.accessctl.serve;

import java.io.Closeable;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The socketmap server: answers {@code LEN:MAPNAME KEY,} with {@code OK value}, {@code NOTFOUND },
 * {@code TEMP reason} or {@code PERM reason} from a {@link Store}.
 *
 * <p>Connections are persistent (sendmail keeps one per process and map endpoint) and may
 * pipeline requests. A few event loops share them; each reads what has arrived, answers every
 * whole request at once, and writes the replies back in order. A malformed netstring (not digits,
 * a length above the limit, a missing comma) gets one {@code PERM} reply naming the problem and
 * the connection is closed, since the stream cannot be resynchronised; a well-formed request that
 * is not {@code MAPNAME SP KEY} gets {@code PERM} and the connection stays. An unknown map name
 * gets {@code TEMP}, the answer sendmail gives itself when an access db is missing.
 *
 * <p>Limits: requests and replies are bounded (a value that would make a reply longer than {@link
 * Options#maxReply} is answered {@code PERM}), a request must arrive whole within {@link
 * Options#requestTimeout}, at most {@link Options#maxClients} connections are served (more get
 * {@code TEMP} and are closed), and a client that does not read its replies is not read from.
 * Idle connections stay open unless {@link Options#idleTimeout} is set: sendmail fails the lookup
 * that finds its connection closed (a temporary failure) before it reconnects.
 */
public final class SocketmapServer implements Closeable {
  /** Server settings. */
  public record Options(int maxClients, int maxRequest, int maxReply, int loops,
      Duration requestTimeout, Duration idleTimeout) {

    public static Options defaults() {
      return new Options(1024, Reply.POSTFIX_MAX_REPLY, Reply.POSTFIX_MAX_REPLY,
          Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
          Duration.ofSeconds(30), Duration.ZERO);
    }

    public Options withMaxClients(int n) {
      return new Options(n, maxRequest, maxReply, loops, requestTimeout, idleTimeout);
    }

    public Options withMaxReply(int n) {
      return new Options(maxClients, maxRequest, n, loops, requestTimeout, idleTimeout);
    }

    public Options withMaxRequest(int n) {
      return new Options(maxClients, n, maxReply, loops, requestTimeout, idleTimeout);
    }

    public Options withLoops(int n) {
      return new Options(maxClients, maxRequest, maxReply, n, requestTimeout, idleTimeout);
    }

    public Options withRequestTimeout(Duration d) {
      return new Options(maxClients, maxRequest, maxReply, loops, d, idleTimeout);
    }

    public Options withIdleTimeout(Duration d) {
      return new Options(maxClients, maxRequest, maxReply, loops, requestTimeout, d);
    }
  }

  /** How often a loop looks for timed-out connections. */
  private static final long TICK_MS = 250;
  private static final int READ_BUFFER = 8192;
  /** A reason in an error reply is cut to this; the client only logs it. */
  private static final int MAX_REASON = 200;

  private final Store store;
  private final Options options;
  private final Consumer<String> log;
  private final List<Listener> listeners = new ArrayList<>();
  private final List<Loop> loops = new ArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running;
  private int nextLoop;

  public SocketmapServer(Store store, Options options, Consumer<String> log) {
    this.store = store;
    this.options = options;
    this.log = log;
  }

  /**
   * Binds an endpoint (before {@link #start()}); returns it with the port actually bound. A stale
   * Unix socket file left by a killed server is replaced; a live one is refused.
   */
  public Endpoint listen(Endpoint e) throws IOException {
    Listener l = Listener.bind(e);
    listeners.add(l);
    return l.endpoint;
  }

  /** Starts the event loops and the accepting threads. */
  public synchronized void start() throws IOException {
    if (listeners.isEmpty()) {
      throw new IllegalStateException("no endpoint to listen on");
    }
    running = true;
    for (int i = 0; i < options.loops(); i++) {
      Loop loop = new Loop(Selector.open());
      loops.add(loop);
      Thread t = new Thread(loop, "socketmap-loop-" + i);
      t.setDaemon(true);
      loop.thread = t;
      t.start();
    }
    for (Listener l : listeners) {
      Thread t = new Thread(() -> accept(l), "socketmap-accept-" + l.endpoint);
      t.setDaemon(true);
      l.thread = t;
      t.start();
    }
  }

  /** The endpoints being served. */
  public List<Endpoint> endpoints() {
    return listeners.stream().map(l -> l.endpoint).toList();
  }

  public long requests() {
    return requests.get();
  }

  /** Requests refused as malformed, and connections refused over the limit. */
  public long refused() {
    return refused.get();
  }

  public int openConnections() {
    return connections.get();
  }

  /** Waits until {@link #close()} has finished. */
  public void awaitTermination() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops accepting, answers what has already arrived, closes every connection and removes the
   * Unix socket files. Does not close the store.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (!running) {
        if (loops.isEmpty()) { // bound but never started
          listeners.forEach(Listener::close);
          stopped.countDown();
        }
        return;
      }
      running = false;
    }
    listeners.forEach(Listener::close);
    for (Listener l : listeners) {
      join(l.thread);
    }
    loops.forEach(l -> l.selector.wakeup());
    for (Loop l : loops) {
      join(l.thread);
    }
    log.accept("stopped: " + requests.get() + " requests on " + accepted.get() + " connections");
    stopped.countDown();
  }

  private static void join(Thread t) {
    if (t == null) {
      return;
    }
    try {
      t.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void accept(Listener l) {
    while (running) {
      SocketChannel ch;
      try {
        ch = l.channel.accept();
      } catch (ClosedChannelException closed) {
        return;
      } catch (IOException e) {
        log.accept("accept on " + l.endpoint + ": " + e.getMessage());
        sleepQuietly(100);
        continue;
      }
      accepted.incrementAndGet();
      if (connections.incrementAndGet() > options.maxClients()) {
        connections.decrementAndGet();
        refused.incrementAndGet();
        refuse(ch, "too many connections (limit " + options.maxClients() + ")");
        continue;
      }
      Loop loop;
      synchronized (this) {
        loop = loops.get(nextLoop++ % loops.size());
      }
      loop.add(ch);
    }
  }

  private static void refuse(SocketChannel ch, String reason) {
    try (ch) {
      ch.write(ByteBuffer.wrap(Netstring.encode(Reply.temp(reason).payload())));
    } catch (IOException ignored) {
      // the client went away first
    }
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The answer to one request payload. */
  Reply answer(byte[] request) {
    requests.incrementAndGet();
    int sp = 0;
    while (sp < request.length && request[sp] != ' ') {
      sp++;
    }
    if (sp == request.length) {
      refused.incrementAndGet();
      return Reply.perm("request must be \"MAPNAME KEY\": no space in " + request.length
          + " bytes");
    }
    if (sp == 0) {
      refused.incrementAndGet();
      return Reply.perm("request must be \"MAPNAME KEY\": empty map name");
    }
    String map = new String(request, 0, sp, StandardCharsets.ISO_8859_1);
    byte[] key = Arrays.copyOfRange(request, sp + 1, request.length);
    try {
      Optional<byte[]> v = store.lookup(map, key);
      if (v.isEmpty()) {
        return Reply.notFound();
      }
      int size = v.get().length + Reply.Status.OK.name().length() + 1;
      if (size > options.maxReply()) {
        return Reply.perm("the value is " + v.get().length + " bytes; replies are limited to "
            + options.maxReply());
      }
      return Reply.ok(v.get());
    } catch (Store.NoSuchMapException e) {
      return Reply.temp(reason("no map \"" + map + "\" in the store (accessctl push --map "
          + map + " SOURCE)"));
    } catch (IOException e) {
      return Reply.temp(reason(e.getMessage()));
    }
  }

  private static String reason(String s) {
    String one = s.replace('\n', ' ');
    return one.length() <= MAX_REASON ? one : one.substring(0, MAX_REASON);
  }

  /** A bound server socket. */
  private static final class Listener {
    final Endpoint endpoint;
    final ServerSocketChannel channel;
    final Object socketFileKey;
    Thread thread;

    private Listener(Endpoint endpoint, ServerSocketChannel channel, Object socketFileKey) {
      this.endpoint = endpoint;
      this.channel = channel;
      this.socketFileKey = socketFileKey;
    }

    static Listener bind(Endpoint e) throws IOException {
      if (e.isUnix()) {
        UnixSockets.clearStale(e.path());
        ServerSocketChannel ch = ServerSocketChannel.open(e.family());
        try {
          ch.bind(e.address(), 128);
        } catch (IOException ex) {
          ch.close();
          throw new IOException(e.path() + ": cannot listen: " + ex.getMessage(), ex);
        }
        return new Listener(e, ch, UnixSockets.fileKey(e.path()));
      }
      ServerSocketChannel ch = ServerSocketChannel.open(e.family());
      try {
        ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        ch.bind(e.address(), 128);
      } catch (IOException ex) {
        ch.close();
        throw new IOException(e + ": cannot listen: " + ex.getMessage(), ex);
      }
      int port = ((java.net.InetSocketAddress) ch.getLocalAddress()).getPort();
      return new Listener(Endpoint.inet(e.host(), port), ch, null);
    }

    void close() {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing
      }
      if (endpoint.isUnix()) {
        UnixSockets.removeIfOurs(endpoint.path(), socketFileKey);
      }
    }
  }

  /** One selector and the connections it serves. */
  private final class Loop implements Runnable {
    final Selector selector;
    final Queue<SocketChannel> pending = new ConcurrentLinkedQueue<>();
    Thread thread;
    private long lastSweep;

    Loop(Selector selector) {
      this.selector = selector;
    }

    void add(SocketChannel ch) {
      pending.add(ch);
      selector.wakeup();
    }

    @Override
    public void run() {
      try {
        while (running) {
          selector.select(TICK_MS);
          registerPending();
          var it = selector.selectedKeys().iterator();
          while (it.hasNext()) {
            SelectionKey k = it.next();
            it.remove();
            Connection c = (Connection) k.attachment();
            try {
              if (k.isValid() && k.isReadable()) {
                c.onReadable();
              }
              if (k.isValid() && k.isWritable()) {
                c.flush();
              }
            } catch (IOException | RuntimeException e) {
              c.close();
            }
          }
          sweep();
        }
        drain();
      } catch (IOException e) {
        log.accept("event loop failed: " + e);
      } finally {
        for (SelectionKey k : selector.keys()) {
          if (k.attachment() instanceof Connection c) {
            c.close();
          }
        }
        SocketChannel ch;
        while ((ch = pending.poll()) != null) {
          closeChannel(ch);
        }
        try {
          selector.close();
        } catch (IOException ignored) {
          // closing
        }
      }
    }

    private void registerPending() {
      SocketChannel ch;
      while ((ch = pending.poll()) != null) {
        try {
          ch.configureBlocking(false);
          SelectionKey k = ch.register(selector, SelectionKey.OP_READ);
          k.attach(new Connection(ch, k));
        } catch (IOException e) {
          closeChannel(ch);
        }
      }
    }

    /** On shutdown: write out replies already computed, for a short while. */
    private void drain() throws IOException {
      long deadline = System.nanoTime() + 1_000_000_000L;
      while (System.nanoTime() < deadline) {
        boolean waiting = false;
        for (SelectionKey k : selector.keys()) {
          if (k.isValid() && k.attachment() instanceof Connection c && c.hasOutput()) {
            c.flush();
            waiting |= c.hasOutput();
          }
        }
        if (!waiting) {
          return;
        }
        selector.select(10);
        selector.selectedKeys().clear();
      }
    }

    private void sweep() {
      long now = System.nanoTime();
      if (now - lastSweep < TICK_MS * 1_000_000L) {
        return;
      }
      lastSweep = now;
      long reqLimit = options.requestTimeout().toNanos();
      long idleLimit = options.idleTimeout().toNanos();
      for (SelectionKey k : selector.keys()) {
        if (!(k.attachment() instanceof Connection c)) {
          continue;
        }
        if (reqLimit > 0 && c.partialSince != 0 && now - c.partialSince > reqLimit) {
          refused.incrementAndGet();
          c.fail(Reply.timeout("request not complete within "
              + options.requestTimeout().toSeconds() + " s"));
        } else if (idleLimit > 0 && c.partialSince == 0 && !c.hasOutput()
            && now - c.lastActive > idleLimit) {
          c.close();
        }
      }
    }
  }

  private void closeChannel(SocketChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // closing
    }
    connections.decrementAndGet();
  }

  /** One client connection. Only its loop's thread touches it. */
  private final class Connection {
    private final SocketChannel ch;
    private final SelectionKey key;
    private final Netstring.Decoder decoder = new Netstring.Decoder(options.maxRequest());
    private final ByteBuffer in = ByteBuffer.allocate(READ_BUFFER);
    private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    private long outBytes;
    private boolean closing;
    private boolean closed;
    long lastActive = System.nanoTime();
    long partialSince;

    Connection(SocketChannel ch, SelectionKey key) {
      this.ch = ch;
      this.key = key;
      in.flip(); // empty, in read mode
    }

    boolean hasOutput() {
      return !out.isEmpty();
    }

    void onReadable() throws IOException {
      in.compact();
      int n;
      try {
        n = ch.read(in);
      } finally {
        in.flip();
      }
      if (n < 0) {
        // The client is done; send what is still owed, then close.
        closing = true;
        flush();
        return;
      }
      lastActive = System.nanoTime();
      process();
      flush();
    }

    /** Answers whole requests in the input while the output backlog is small. */
    private void process() {
      while (in.hasRemaining() && !closing && outBytes <= options.maxReply()) {
        byte[] request;
        try {
          request = decoder.next(in);
        } catch (Netstring.MalformedException e) {
          refused.incrementAndGet();
          fail(Reply.perm(reason(e.getMessage())));
          return;
        }
        if (request == null) {
          break;
        }
        queue(answer(request));
      }
      if (!decoder.inProgress()) {
        partialSince = 0;
      } else if (partialSince == 0) {
        partialSince = System.nanoTime();
      }
    }

    /** One last reply, then the connection closes. */
    void fail(Reply r) {
      in.position(in.limit());
      partialSince = 0;
      queue(r);
      closing = true;
      try {
        flush();
      } catch (IOException e) {
        close();
      }
    }

    private void queue(Reply r) {
      ByteBuffer b = ByteBuffer.wrap(Netstring.encode(r.payload()));
      outBytes += b.remaining();
      out.add(b);
    }

    void flush() throws IOException {
      while (!out.isEmpty()) {
        ByteBuffer b = out.peek();
        int before = b.remaining();
        ch.write(b);
        outBytes -= before - b.remaining();
        if (b.hasRemaining()) {
          break;
        }
        out.poll();
      }
      if (closed) {
        return;
      }
      if (out.isEmpty() && closing) {
        close();
        return;
      }
      if (out.isEmpty() && in.hasRemaining() && !closing) {
        // requests held back while the backlog was large
        process();
        if (!out.isEmpty()) {
          flush();
          return;
        }
      }
      int ops = out.isEmpty() ? 0 : SelectionKey.OP_WRITE;
      if (!closing && outBytes <= options.maxReply()) {
        ops |= SelectionKey.OP_READ;
      }
      key.interestOps(ops);
    }

    void close() {
      if (closed) {
        return;
      }
      closed = true;
      key.cancel();
      closeChannel(ch);
    }
  }
}
