package io.accessctl.app;

import io.accessctl.mapfile.AtomicFile;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.RecordSource;
import io.accessctl.mapfile.WriteOptions;
import io.accessctl.source.AccessSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A compile's records built and its temporary file written and synced on a thread of their own,
 * while the text is still being linted: the write of a large map then costs little more than its
 * lint. The temporary file replaces the db only once {@link #commit} is called; after {@link
 * #discard} (the text has what refuses the write) it is deleted and the db is untouched, as
 * {@link AtomicFile#replace} leaves it whenever its body fails.
 */
final class PendingWrite {
  /** Thrown inside the write's body to abandon the temporary file. */
  private static final class Discarded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Discarded() {
      super(null, null, false, false);
    }
  }

  private final CountDownLatch built = new CountDownLatch(1);
  private final CountDownLatch decided = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean replace;
  /** Set by the writing thread before it ends; read after {@link Thread#join}. */
  private Throwable failure;
  private int records;

  private PendingWrite(AccessSource parsed, Path db, MapFormat format,
      Records.Duplicates duplicates, boolean withNul) {
    thread = new Thread(() -> {
      try {
        RecordSource source = Records.source(parsed, duplicates, withNul);
        records = source.size();
        built.countDown();
        AtomicFile.replace(db, ch -> {
          format.writer().write(source, ch, WriteOptions.defaults());
          ch.force(true);
          if (!awaitDecision()) {
            throw new Discarded();
          }
        });
      } catch (Discarded e) {
        // the text refused the write: the temporary file is gone, the db untouched
      } catch (IOException | RuntimeException | Error e) {
        failure = e;
      } finally {
        built.countDown();
      }
    }, "accessctl-write");
    thread.setDaemon(true);
  }

  /** Starts building the records of {@code parsed} and writing them to a temporary file. */
  static PendingWrite start(AccessSource parsed, Path db, MapFormat format,
      Records.Duplicates duplicates, boolean withNul) {
    PendingWrite w = new PendingWrite(parsed, db, format, duplicates, withNul);
    w.thread.start();
    return w;
  }

  /** Waits until the records are built (or the write failed before). */
  void awaitRecords() {
    uninterruptibly(built::await);
  }

  /**
   * Lets the temporary file replace the db and waits until it has.
   *
   * @return the number of records written
   * @throws IOException what the write threw
   * @throws IllegalArgumentException a file the format cannot hold
   */
  int commit() throws IOException {
    replace = true;
    decided.countDown();
    join();
    if (failure instanceof IOException e) {
      throw e;
    } else if (failure instanceof RuntimeException e) {
      throw e;
    } else if (failure instanceof Error e) {
      throw e;
    }
    return records;
  }

  /**
   * Deletes the temporary file, leaves the db alone, and waits until that is done. The writing
   * thread is interrupted, so that a write waiting for another process's lock on the db, or still
   * writing, gives up at once instead of holding up a compile that is refused anyway.
   */
  void discard() {
    if (decided.getCount() > 0) {
      decided.countDown();
      thread.interrupt();
      join();
    }
  }

  private boolean awaitDecision() {
    uninterruptibly(decided::await);
    return replace;
  }

  private void join() {
    uninterruptibly(thread::join);
  }

  private interface Wait {
    void run() throws InterruptedException;
  }

  /** Waits until {@code wait} returns, then restores an interrupt that came meanwhile. */
  private static void uninterruptibly(Wait wait) {
    boolean interrupted = false;
    while (true) {
      try {
        wait.run();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
