package io.accessctl.report;

import io.accessctl.lint.Diagnostic;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reporters build their output in one {@link StringBuilder} and hand it to the writer a large
 * chunk at a time: tens of thousands of findings written piece by piece through a
 * {@link PrintWriter} cost a lock and an encoder call per piece.
 */
final class Chunks {
  /** The most characters held before they go to the writer. */
  static final int SIZE = 1 << 16;
  /**
   * From this many findings on, {@link #each} formats the second half on a thread of its own:
   * formatting a finding costs about as much as writing it.
   */
  static final int PARALLEL_FROM = 4096;

  private Chunks() {}

  /** Appends one finding, formatted by itself, to a report's text. */
  interface Format {
    void append(Diagnostic d, StringBuilder sb);
  }

  /** A builder for one report. */
  static StringBuilder builder() {
    return new StringBuilder(SIZE + 1024);
  }

  /** Writes out {@code sb} and empties it once it holds a chunk's worth. */
  static void spill(StringBuilder sb, PrintWriter out) {
    if (sb.length() >= SIZE) {
      drain(sb, out);
    }
  }

  /** Writes out whatever {@code sb} holds and empties it. */
  static void drain(StringBuilder sb, PrintWriter out) {
    out.write(chars(sb));
    sb.setLength(0);
  }

  /**
   * The text of {@code sb} as the writer takes it: a string would be copied once to be made and
   * again into characters by the writer's encoder.
   */
  private static char[] chars(StringBuilder sb) {
    char[] c = new char[sb.length()];
    sb.getChars(0, c.length, c, 0);
    return c;
  }

  /**
   * Writes every finding as {@code format} makes it, in order. A large report's second half is
   * formatted on a second thread while this one formats and writes the first.
   */
  static void each(List<Diagnostic> found, Format format, PrintWriter out) {
    int n = found.size();
    int half = n < PARALLEL_FROM || Runtime.getRuntime().availableProcessors() < 2 ? n : n / 2;
    Formatted second = half < n ? new Formatted(found.subList(half, n), format) : null;
    if (second != null) {
      second.start();
    }
    StringBuilder sb = builder();
    for (int i = 0; i < half; i++) {
      format.append(found.get(i), sb);
      spill(sb, out);
    }
    drain(sb, out);
    if (second != null) {
      for (char[] chunk : second.chunks()) {
        out.write(chunk);
      }
    }
  }

  /**
   * Findings formatted into chunks of text on a thread of its own, as characters: the writing
   * thread then only encodes them.
   */
  private static final class Formatted extends Thread {
    private final List<Diagnostic> found;
    private final Format format;
    private final List<char[]> chunks = new ArrayList<>();
    private Throwable failed;

    Formatted(List<Diagnostic> found, Format format) {
      super("accessctl-report");
      setDaemon(true);
      this.found = found;
      this.format = format;
    }

    @Override
    public void run() {
      try {
        StringBuilder sb = builder();
        for (Diagnostic d : found) {
          format.append(d, sb);
          if (sb.length() >= SIZE) {
            chunks.add(chars(sb));
            sb.setLength(0);
          }
        }
        chunks.add(chars(sb));
      } catch (Throwable t) { // handed to the writing thread, which reports it
        failed = t;
      }
    }

    /** The text, once it is all formatted. */
    List<char[]> chunks() {
      try {
        join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing the report", e);
      }
      if (failed != null) {
        throw new IllegalStateException("formatting the report failed", failed);
      }
      return chunks;
    }
  }
}
