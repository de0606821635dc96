package io.accessctl.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A value made on a thread of its own while the caller does other work, such as reading the
 * sendmail.cf while the map is read and parsed: on two cores the shorter of the two costs nothing.
 * {@link #get} waits for it and throws what making it threw.
 */
final class Ahead<T> {
  /** The work: what it throws is thrown by {@link #get}. */
  interface Work<T> {
    T make() throws IOException;
  }

  private final FutureTask<T> task;

  private Ahead(Work<T> work) {
    this.task = new FutureTask<>(new Unchecked<>(work));
  }

  /**
   * The work, its IOException carried as unchecked. A class, not a lambda: work started ahead
   * starts before anything else in a run, and the JVM's first lambda costs milliseconds to link.
   */
  private static final class Unchecked<T> implements Callable<T> {
    private final Work<T> work;

    Unchecked(Work<T> work) {
      this.work = work;
    }

    @Override
    public T call() {
      try {
        return work.make();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Starts {@code work} on a daemon thread named {@code name}. */
  static <T> Ahead<T> start(String name, Work<T> work) {
    Ahead<T> a = new Ahead<>(work);
    Thread t = new Thread(a.task, name);
    t.setDaemon(true);
    t.start();
    return a;
  }

  /** The value, once made. */
  T get() throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }
}
