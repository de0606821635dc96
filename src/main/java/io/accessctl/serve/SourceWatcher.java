package io.accessctl.serve;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code serve --watch}: pushes a source file into the store whenever it changes, if it is clean.
 *
 * <p>The file is polled (modification time, size, inode), which sees edits in place as well as
 * editors' and config managers' rename-over. A change is loaded only once the file has stayed the
 * same for one more interval, so a half-written file is not pushed; a file whose content equals
 * what the map was pushed from (by digest) is not pushed again. A refused file (errors) or a
 * missing one leaves the map as it is.
 */
public final class SourceWatcher implements Closeable {
  /** Parses and checks a source; throws {@link Refused} when it must not be pushed. */
  @FunctionalInterface
  public interface Loader {
    MapContent load(Path source) throws IOException;
  }

  /** A source with errors: the message says how many and where they were reported. */
  public static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }

  private record Stamp(long modifiedNanos, long size, Object fileKey) {}

  private final Store store;
  private final String map;
  private final Path source;
  private final Duration interval;
  private final Loader loader;
  private final Consumer<String> log;
  private final Thread thread;
  private volatile boolean running = true;
  private Stamp loaded;
  private Stamp seen;
  private boolean reportedMissing;

  public SourceWatcher(Store store, String map, Path source, Duration interval, Loader loader,
      Consumer<String> log) {
    this.store = store;
    this.map = map;
    this.source = source;
    this.interval = interval;
    this.loader = loader;
    this.log = log;
    this.thread = new Thread(this::run, "watch-" + source.getFileName());
    thread.setDaemon(true);
  }

  /** Pushes the file now if it differs from the map, then watches it on a thread of its own. */
  public void start() {
    Stamp now = stamp();
    seen = now;
    if (now != null) {
      load(now);
    }
    thread.start();
  }

  private void run() {
    while (running) {
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      poll();
    }
  }

  /** One look at the file: loads it when it changed and has since kept still. */
  void poll() {
    Stamp now = stamp();
    if (now == null) {
      if (!reportedMissing) {
        reportedMissing = true;
        log.accept(source + ": missing; map " + map + " stays as it is");
      }
      seen = null;
      return;
    }
    reportedMissing = false;
    boolean settled = now.equals(seen);
    seen = now;
    if (settled && !now.equals(loaded)) {
      load(now);
    }
  }

  private void load(Stamp stamp) {
    loaded = stamp;
    try {
      MapContent content = loader.load(source);
      if (!Objects.equals(stamp, stamp())) {
        loaded = null; // changed while we read it: try again once it settles
        return;
      }
      String before = store.info(map).map(MapInfo::digest).orElse(null);
      if (content.digest().equals(before)) {
        return;
      }
      MapInfo info = store.replace(map, content);
      log.accept("pushed " + source + " to map " + map + ": generation " + info.generation()
          + ", " + info.entries() + " entries");
    } catch (Refused e) {
      log.accept(e.getMessage() + "; map " + map + " stays "
          + store.info(map).map(i -> "at generation " + i.generation()).orElse("empty"));
    } catch (IOException | RuntimeException e) {
      log.accept(source + ": not pushed: " + e.getMessage());
    }
  }

  private Stamp stamp() {
    try {
      BasicFileAttributes a = Files.readAttributes(source, BasicFileAttributes.class);
      return new Stamp(a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
          a.size(), a.fileKey());
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
