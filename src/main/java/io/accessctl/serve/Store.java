package io.accessctl.serve;

import com.sleepycat.je.Database;
import com.sleepycat.je.DatabaseConfig;
import com.sleepycat.je.DatabaseEntry;
import com.sleepycat.je.DatabaseException;
import com.sleepycat.je.DatabaseNotFoundException;
import com.sleepycat.je.Durability;
import com.sleepycat.je.Environment;
import com.sleepycat.je.EnvironmentConfig;
import com.sleepycat.je.EnvironmentLockedException;
import com.sleepycat.je.LockMode;
import com.sleepycat.je.OperationStatus;
import com.sleepycat.je.Transaction;
import com.sleepycat.je.TransactionConfig;
import com.sleepycat.je.rep.InsufficientAcksException;
import com.sleepycat.je.rep.InsufficientReplicasException;
import com.sleepycat.je.rep.ReplicaWriteException;
import com.sleepycat.je.rep.UnknownMasterException;
import io.accessctl.mapfile.Record;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The live access maps: a Berkeley DB Java Edition environment in one directory.
 *
 * <p>Each push writes the map's new content into a fresh database ({@code map:NAME:GEN}) and, in
 * the same transaction, points the map's record in {@code accessctl.meta} at it; the commit is
 * synchronous. Readers take the current generation, which is swapped in one step after the commit,
 * so a lookup sees the old map or the new one, never a mix, and never waits for a push. A
 * generation that is no longer current is closed and dropped when its last reader leaves. After a
 * crash (kill -9), JE's recovery rolls back an unfinished push and the store opens with the last
 * committed map; databases a crash left behind are dropped on the next writable open.
 *
 * <p>Only one process can open a store for writing (JE's {@code je.lck}); others may open it read
 * only and see the content committed when they opened it.
 */
public final class Store implements Closeable {
  /** The database that holds one {@link MapInfo} per map name. */
  static final String META = "accessctl.meta";
  private static final String GENERATION_PREFIX = "map:";
  private static final Pattern MAP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}");
  /** JE's cache as a share of the heap: the maps are small; the rest is for connections. */
  private static final int CACHE_PERCENT = 40;

  /** Thrown when another process (usually a running server) holds the store for writing. */
  public static final class LockedException extends IOException {
    private static final long serialVersionUID = 1L;

    LockedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Thrown for a map name the store does not hold (nothing was pushed under that name). */
  public static final class NoSuchMapException extends IOException {
    private static final long serialVersionUID = 1L;

    NoSuchMapException(String message) {
      super(message);
    }
  }

  private final Path dir;
  private final boolean readOnly;
  private final Environment env;
  private final GroupNode node;
  private volatile Database meta;
  private final Map<String, Generation> current = new ConcurrentHashMap<>();
  /** Databases this process has open, which a push must not drop. */
  private final java.util.Set<String> openHere = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private Store(Path dir, boolean readOnly) throws IOException {
    this.dir = dir;
    this.readOnly = readOnly;
    this.node = null;
    EnvironmentConfig ec = new EnvironmentConfig()
        .setAllowCreate(!readOnly)
        .setReadOnly(readOnly)
        .setTransactional(true);
    ec.setDurability(Durability.COMMIT_SYNC);
    ec.setCachePercent(CACHE_PERCENT);
    ec.setConfigParam(EnvironmentConfig.STATS_COLLECT, "false");
    ec.setConfigParam(EnvironmentConfig.FILE_LOGGING_LEVEL, "WARNING");
    try {
      env = new Environment(dir.toFile(), ec);
    } catch (EnvironmentLockedException e) {
      throw new LockedException(dir + ": the store is open for writing in another process "
          + "(a running accessctl serve?)", e);
    } catch (UnsupportedOperationException e) {
      throw new IOException(dir + ": the store belongs to a replication group; push through "
          + "its running accessctl serve --group", e);
    } catch (DatabaseException | IllegalArgumentException e) {
      throw new IOException(dir + ": cannot open the store: " + firstLine(e), e);
    }
    try {
      meta = openMeta();
      if (meta != null) {
        loadCurrent();
        if (!readOnly) {
          dropUnreferenced();
        }
      }
    } catch (DatabaseException | IOException | IllegalArgumentException e) {
      closeQuietly();
      throw e instanceof IOException io ? io
          : new IOException(dir + ": cannot read the store: " + firstLine(e), e);
    }
  }

  private Store(Path dir, GroupNode node) throws IOException {
    this.dir = dir;
    this.readOnly = false;
    this.node = node;
    this.env = node.environment();
    try {
      meta = openMeta();
      if (meta != null) {
        loadCurrent();
      }
    } catch (DatabaseException | IOException | IllegalArgumentException e) {
      closeQuietly();
      throw e instanceof IOException io ? io
          : new IOException(dir + ": cannot read the store: " + firstLine(e), e);
    }
    node.publish(() -> {
      Map<String, Long> g = new java.util.TreeMap<>();
      current.forEach((name, gen) -> g.put(name, gen.info.generation()));
      return g;
    });
    node.follow(this::refresh);
  }

  /**
   * Opens the store in {@code dir} as a member of a replication group, joining it (or starting it,
   * when the node is its own helper). The store follows what the master commits.
   *
   * @param log told about elections and role changes
   */
  public static Store openInGroup(Path dir, Group group, java.time.Duration joinTimeout,
      java.util.function.Consumer<String> log) throws IOException {
    Files.createDirectories(dir);
    checkWritable(dir);
    // The push secret is in the store's files: they are the owner's alone.
    Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString(
        "rwx------"));
    GroupNode n = GroupNode.join(dir, group, joinTimeout, log);
    return new Store(dir, n);
  }

  /** This node in its group, or empty for a store of one process. */
  public Optional<GroupNode> node() {
    return Optional.ofNullable(node);
  }

  /** Opens (creating it if needed) the store in {@code dir} for reading and writing. */
  public static Store open(Path dir) throws IOException {
    Files.createDirectories(dir);
    checkWritable(dir);
    return new Store(dir, false);
  }

  /**
   * Only the store's owner writes it. JE's own message for a store it may not write names none
   * of this; and root may write any store, but the files JE would create would be root's, which
   * the owner's server could then not open.
   */
  private static void checkWritable(Path dir) throws IOException {
    Path lock = dir.resolve("je.lck");
    if (!Files.isWritable(dir) || (Files.exists(lock) && !Files.isWritable(lock))) {
      throw new IOException(dir + ": Permission denied: only the store's owner may write it");
    }
    java.nio.file.attribute.UserPrincipal owner = Files.getOwner(dir);
    java.nio.file.attribute.UserPrincipal me;
    try {
      me = dir.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByName(System.getProperty("user.name"));
    } catch (java.nio.file.attribute.UserPrincipalNotFoundException
        | UnsupportedOperationException e) {
      return; // a user without a name: the file permissions decide alone
    }
    if (!owner.equals(me)) {
      throw new IOException(dir + ": owned by " + owner.getName() + ": only the store's owner "
          + "may write it (run this as " + owner.getName() + ", or push through the store's "
          + "running accessctl serve)");
    }
  }

  /** Opens an existing store read-only, beside a server that may hold it for writing. */
  public static Store openReadOnly(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString());
    }
    return new Store(dir, true);
  }

  /** True when {@code dir} holds a store (JE's log files), so callers can tell it from other dirs. */
  public static boolean isStore(Path dir) {
    return Files.isRegularFile(dir.resolve("00000000.jdb"))
        || Files.isRegularFile(dir.resolve("je.lck"));
  }

  /** Checks a map name: letters, digits and {@code _ . + -}, at most 64 bytes. */
  public static String checkMapName(String name) {
    if (!MAP_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("map name \"" + name + "\" must be 1 to 64 letters, "
          + "digits, '_', '.', '+' or '-' (and start with a letter or digit)");
    }
    return name;
  }

  public Path dir() {
    return dir;
  }

  /** The maps in the store, by name. */
  public List<MapInfo> maps() {
    List<MapInfo> out = new ArrayList<>();
    current.values().forEach(g -> out.add(g.info));
    out.sort(java.util.Comparator.comparing(MapInfo::name));
    return out;
  }

  public Optional<MapInfo> info(String map) {
    Generation g = current.get(map);
    return g == null ? Optional.empty() : Optional.of(g.info);
  }

  /**
   * Replaces the whole content of {@code map} in one transaction, committed to disk before this
   * returns. A key that comes twice keeps its first value (makemap's rule).
   */
  public synchronized MapInfo replace(String map, MapContent content) throws IOException {
    List<Record> records = content.records();
    boolean fold = content.fold();
    String source = content.source();
    String digest = content.digest();
    checkMapName(map);
    ensureOpen();
    if (readOnly) {
      throw new IOException(dir + ": the store is open read-only");
    }
    if (node != null && !node.isMaster()) {
      throw new NotMasterException(dir + ": this node is not the master", null);
    }
    long gen = nextGeneration(map);
    String dbName = databaseName(map, gen);
    MapInfo info = new MapInfo(map, gen, 0, fold, Instant.now(), source, digest);
    Transaction txn = null;
    Database db = null;
    boolean newMeta = meta == null;
    try {
      txn = env.beginTransaction(null, node == null ? null
          : new TransactionConfig().setDurability(GroupNode.MAJORITY));
      if (newMeta) {
        meta = env.openDatabase(txn, META, dbConfig(true));
      }
      if (node != null) {
        dropOldGenerations(txn, map);
      }
      db = env.openDatabase(txn, dbName, dbConfig(true).setExclusiveCreate(true));
      long n = 0;
      DatabaseEntry k = new DatabaseEntry();
      DatabaseEntry v = new DatabaseEntry();
      for (Record r : records) {
        k.setData(r.key());
        v.setData(r.value());
        if (db.putNoOverwrite(txn, k, v) == OperationStatus.SUCCESS) {
          n++;
        }
      }
      info = new MapInfo(map, gen, n, fold, Instant.now(), source, digest);
      meta.put(txn, utf8(map), new DatabaseEntry(info.encode()));
      try {
        txn.commit();
      } catch (InsufficientAcksException e) {
        txn = null;
        swap(map, new Generation(db, dbName, info));
        throw new NoMajorityException("generation " + gen + " of map " + map + " was committed "
            + "on this master but a majority did not acknowledge it in time: the other nodes "
            + "take it when they reconnect, unless a master elected without this node wins", true,
            e);
      }
      txn = null;
    } catch (InsufficientReplicasException e) {
      closeQuietly(db);
      throw new NoMajorityException("no majority of group " + node.group().name()
          + " is in contact with the master (" + firstLine(e) + ")", false, e);
    } catch (ReplicaWriteException | UnknownMasterException e) {
      closeQuietly(db);
      throw new NotMasterException(dir + ": this node is no longer the master", e);
    } catch (DatabaseException | IllegalStateException e) {
      closeQuietly(db);
      throw new IOException(dir + ": push of map " + map + " failed: " + firstLine(e), e);
    } finally {
      if (txn != null) {
        abortQuietly(txn);
        if (newMeta) {
          // opened inside the aborted transaction: no longer usable
          closeQuietly(meta);
          meta = null;
        }
      }
    }
    swap(map, new Generation(db, dbName, info));
    return info;
  }

  /** Makes {@code g} current; a store of one process drops the old one when its readers leave. */
  private void swap(String map, Generation g) {
    Generation old = current.put(map, g);
    if (old != null) {
      old.retire(node == null);
    }
  }

  /**
   * In a group, generations are dropped by the master one push later than on a single store, in
   * the push's own transaction: a replica may still be reading the previous one when the new one
   * arrives, and JE closes a replica's handle to a dropped database under its readers.
   */
  private void dropOldGenerations(Transaction txn, String map) {
    Generation keep = current.get(map);
    String prefix = GENERATION_PREFIX + map + ":";
    for (String name : env.getDatabaseNames()) {
      if (name.startsWith(prefix) && (keep == null || !keep.dbName.equals(name))
          && !openHere.contains(name)) {
        env.removeDatabase(txn, name);
      }
    }
  }

  /**
   * Takes what replication brought: every map whose committed generation is not the one served
   * is switched to it, in one step per map as after a local push.
   */
  private synchronized void refresh() {
    if (closed) {
      return;
    }
    node.ensurePushSecret();
    if (meta == null) {
      meta = openMeta();
      if (meta == null) {
        return;
      }
    }
    DatabaseEntry k = new DatabaseEntry();
    DatabaseEntry v = new DatabaseEntry();
    List<MapInfo> committed = new ArrayList<>();
    try (var c = meta.openCursor(null, com.sleepycat.je.CursorConfig.READ_COMMITTED)) {
      while (c.getNext(k, v, LockMode.DEFAULT) == OperationStatus.SUCCESS) {
        committed.add(MapInfo.decode(new String(k.getData(), StandardCharsets.UTF_8),
            v.getData()));
      }
    } catch (IOException | DatabaseException | IllegalStateException e) {
      return; // a replay holds the record, or the node is changing role: the next round takes it
    }
    for (MapInfo info : committed) {
      Generation g = current.get(info.name());
      if (g == null || g.info.generation() != info.generation()) {
        String dbName = databaseName(info.name(), info.generation());
        try {
          swap(info.name(), new Generation(env.openDatabase(null, dbName, dbConfig(false)),
              dbName, info));
        } catch (DatabaseException | IllegalStateException e) {
          return;
        }
      }
    }
  }

  /** JE's database names, for tests and diagnostics. */
  List<String> databaseNames() {
    return env.getDatabaseNames();
  }

  /** A pinned view of one generation of a map: several reads that see one content. */
  public final class View implements Closeable {
    private final Generation gen;
    private boolean released;

    private View(Generation gen) {
      this.gen = gen;
    }

    public MapInfo info() {
      return gen.info;
    }

    /** The value stored under exactly these key bytes. */
    public Optional<byte[]> get(byte[] storedKey) throws IOException {
      return gen.get(storedKey);
    }

    /** The value for a requested key, after sendmail's key rules ({@link Keys#lookupKey}). */
    public Optional<byte[]> lookup(byte[] requestedKey) throws IOException {
      return gen.get(Keys.lookupKey(requestedKey, gen.info.fold()));
    }

    @Override
    public void close() {
      if (!released) {
        released = true;
        gen.release();
      }
    }
  }

  /** Pins the current generation of {@code map}; close the view soon. */
  public View view(String map) throws IOException {
    while (true) {
      ensureOpen();
      Generation g = current.get(map);
      if (g == null) {
        throw new NoSuchMapException("no map named \"" + map + "\" in " + dir);
      }
      if (g.acquire()) {
        return new View(g);
      }
      // retired between the get and the acquire: the next one is already current
    }
  }

  /** One lookup of a requested key in the current generation (sendmail's key rules applied). */
  public Optional<byte[]> lookup(String map, byte[] requestedKey) throws IOException {
    try (View v = view(map)) {
      return v.lookup(requestedKey);
    }
  }

  @Override
  public void close() {
    if (node != null) {
      node.stopFollowing();
    }
    closeStore();
  }

  private synchronized void closeStore() {
    if (closed) {
      return;
    }
    closed = true;
    List<Generation> live = new ArrayList<>(current.values());
    current.clear();
    live.forEach(g -> g.retire(false));
    long deadline = System.nanoTime() + 5_000_000_000L;
    for (Generation g : live) {
      while (!g.disposed() && System.nanoTime() < deadline) {
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    closeQuietly();
  }

  private void closeQuietly() {
    if (meta != null) {
      closeQuietly(meta);
    }
    if (node != null) {
      node.close();
      return;
    }
    try {
      env.close();
    } catch (DatabaseException | IllegalStateException e) {
      // a database handle a stuck reader still holds; JE closes the files regardless
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException(dir + ": the store is closed");
    }
  }

  private Database openMeta() {
    try {
      // In a group only a push creates it: a replica cannot, and the master does it in the push.
      return env.openDatabase(null, META, dbConfig(!readOnly && node == null));
    } catch (DatabaseNotFoundException e) {
      return null;
    }
  }

  private DatabaseConfig dbConfig(boolean create) {
    return new DatabaseConfig().setTransactional(true).setAllowCreate(create)
        .setReadOnly(readOnly);
  }

  private void loadCurrent() throws IOException {
    DatabaseEntry k = new DatabaseEntry();
    DatabaseEntry v = new DatabaseEntry();
    try (var c = meta.openCursor(null, null)) {
      while (c.getNext(k, v, LockMode.DEFAULT) == OperationStatus.SUCCESS) {
        String name = new String(k.getData(), StandardCharsets.UTF_8);
        MapInfo info = MapInfo.decode(name, v.getData());
        String dbName = databaseName(name, info.generation());
        Database db = env.openDatabase(null, dbName, dbConfig(false));
        current.put(name, new Generation(db, dbName, info));
      }
    }
  }

  /** Drops generations no map points at: left by a crash between a push and the drop. */
  private void dropUnreferenced() {
    for (String name : env.getDatabaseNames()) {
      if (name.startsWith(GENERATION_PREFIX)
          && current.values().stream().noneMatch(g -> g.dbName.equals(name))) {
        env.removeDatabase(null, name);
      }
    }
  }

  private long nextGeneration(String map) {
    long max = info(map).map(MapInfo::generation).orElse(0L);
    String prefix = GENERATION_PREFIX + map + ":";
    for (String name : env.getDatabaseNames()) {
      if (name.startsWith(prefix)) {
        try {
          max = Math.max(max, Long.parseLong(name.substring(prefix.length())));
        } catch (NumberFormatException ignored) {
          // not ours
        }
      }
    }
    return max + 1;
  }

  static String databaseName(String map, long generation) {
    return GENERATION_PREFIX + map + ":" + generation;
  }

  static DatabaseEntry utf8(String s) {
    return new DatabaseEntry(s.getBytes(StandardCharsets.UTF_8));
  }

  static void closeQuietly(Database db) {
    if (db == null) {
      return;
    }
    try {
      db.close();
    } catch (DatabaseException | IllegalStateException e) {
      // closing is best effort
    }
  }

  private static void abortQuietly(Transaction txn) {
    try {
      txn.abort();
    } catch (DatabaseException | IllegalStateException e) {
      // the environment is failing; recovery will roll the transaction back
    }
  }

  static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /**
   * One committed content of a map and its readers. {@code state} counts the readers; its sign
   * bit says "retired": no new reader may enter, and the last one out closes the database.
   */
  private final class Generation {
    private static final int RETIRED = Integer.MIN_VALUE;

    final Database db;
    final String dbName;
    final MapInfo info;
    private final AtomicInteger state = new AtomicInteger();
    private volatile boolean drop;
    private volatile boolean disposed;

    Generation(Database db, String dbName, MapInfo info) {
      this.db = db;
      this.dbName = dbName;
      this.info = info;
      openHere.add(dbName);
    }

    boolean acquire() {
      while (true) {
        int s = state.get();
        if (s < 0) {
          return false;
        }
        if (state.compareAndSet(s, s + 1)) {
          return true;
        }
      }
    }

    void release() {
      if (state.decrementAndGet() == RETIRED) {
        dispose();
      }
    }

    /** No new readers; close (and with {@code dropIt}, delete) once the last one has left. */
    void retire(boolean dropIt) {
      drop = dropIt;
      int before = state.getAndUpdate(s -> s | RETIRED);
      if (before == 0) {
        dispose();
      }
    }

    boolean disposed() {
      return disposed;
    }

    Optional<byte[]> get(byte[] key) throws IOException {
      DatabaseEntry v = new DatabaseEntry();
      try {
        // The database is never written after its commit, so reads need no locks.
        OperationStatus st = db.get(null, new DatabaseEntry(key), v, LockMode.READ_UNCOMMITTED);
        return st == OperationStatus.SUCCESS ? Optional.of(v.getData()) : Optional.empty();
      } catch (DatabaseException | IllegalStateException e) {
        throw new IOException(dir + ": lookup in map " + info.name() + " failed: "
            + firstLine(e), e);
      }
    }

    private void dispose() {
      closeQuietly(db);
      openHere.remove(dbName);
      if (drop && !closed) {
        try {
          env.removeDatabase(null, dbName);
        } catch (DatabaseException | IllegalStateException e) {
          // dropped on the next writable open instead
        }
      }
      disposed = true;
    }
  }
}
