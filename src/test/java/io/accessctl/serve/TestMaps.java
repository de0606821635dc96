package io.accessctl.serve;

import io.accessctl.mapfile.Record;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Map contents for the serve tests. */
final class TestMaps {
  private TestMaps() {}

  /** Key/value pairs as stored (keys already folded), folded lookups. */
  static MapContent of(String... keysAndValues) {
    List<Record> r = new ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      r.add(Record.of(keysAndValues[i], keysAndValues[i + 1]));
    }
    return new MapContent(r, true, "test", "digest-" + String.join(",", keysAndValues).hashCode());
  }

  /** Generation {@code g}: keys {@code k0}…{@code k(n-1)}, every value {@code g<g>}. */
  static MapContent generation(long g, int n) {
    List<Record> r = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      r.add(Record.of(key(i), "g" + g));
    }
    return new MapContent(r, true, "gen" + g, "digest-" + g);
  }

  static String key(int i) {
    return "k" + i;
  }

  /** The generation a value of {@link #generation} names. */
  static long gen(byte[] value) {
    return Long.parseLong(new String(value, 1, value.length - 1, StandardCharsets.ISO_8859_1));
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  /**
   * Reader threads for the never-a-mix tests: each opens a session and reads until stopped; the
   * generation a thread sees must never go down.
   */
  static final class Readers {
    /** One reader's connection or handle. */
    interface Session extends AutoCloseable {
      /** One read; returns the generation it saw, or throws naming what was wrong. */
      long read(Random rnd) throws Exception;

      @Override
      default void close() throws java.io.IOException {}
    }

    /** Opens a reader's session, on its own thread. */
    interface Opener {
      Session open() throws Exception;
    }

    private final AtomicBoolean stop = new AtomicBoolean();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong reads = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    static Readers start(int n, Opener opener) {
      Readers r = new Readers();
      for (int t = 0; t < n; t++) {
        Thread th = new Thread(() -> r.loop(opener));
        r.threads.add(th);
        th.start();
      }
      return r;
    }

    private void loop(Opener opener) {
      Random rnd = new Random();
      try (Session s = opener.open()) {
        long last = 0;
        while (!stop.get() && failures.isEmpty()) {
          long g = s.read(rnd);
          if (g < last) {
            failures.add("saw g" + last + " and then g" + g);
          }
          last = g;
          reads.incrementAndGet();
        }
      } catch (Exception e) {
        failures.add(e.toString());
      }
    }

    long reads() {
      return reads.get();
    }

    /** Stops and joins the readers; returns what went wrong. */
    List<String> stop() throws InterruptedException {
      stop.set(true);
      for (Thread th : threads) {
        th.join(10_000);
      }
      return List.copyOf(failures);
    }
  }
}
