package io.accessctl.report;

import io.accessctl.lint.Diagnostic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Renders a report's findings on two threads: from {@link #PARALLEL_FROM} findings on, the second
 * half is rendered on a thread of its own while this one renders and writes the first, since
 * rendering a finding costs about as much as writing it.
 */
final class Chunks {
  /** From this many findings on, {@link #each} renders the second half on a thread of its own. */
  static final int PARALLEL_FROM = 4096;

  private Chunks() {}

  /** Appends one finding, rendered by itself, to a report's text. */
  interface Format {
    void append(Diagnostic d, ByteText out);
  }

  /**
   * Appends consecutive findings of a report, spilling as it goes ({@link ByteText#spill});
   * {@code first} says whether they start the report's list of findings.
   */
  interface Part {
    void render(List<Diagnostic> found, boolean first, ByteText out);
  }

  /** Writes every finding as {@code format} makes it, in order. */
  static void each(List<Diagnostic> found, Format format, ByteText out) {
    each(found, (part, first, text) -> {
      for (Diagnostic d : part) {
        format.append(d, text);
        text.spill();
      }
    }, out);
  }

  /** Writes every finding as {@code part} renders them, in order, after what {@code out} holds. */
  static void each(List<Diagnostic> found, Part part, ByteText out) {
    int n = found.size();
    int half = n < PARALLEL_FROM || Runtime.getRuntime().availableProcessors() < 2 ? n : n / 2;
    Rendered second = half < n ? new Rendered(found.subList(half, n), part) : null;
    if (second != null) {
      second.start();
    }
    part.render(found.subList(0, half), true, out);
    if (second != null) {
      out.drain();
      for (byte[] chunk : second.chunks()) {
        out.pass(chunk);
      }
    }
  }

  /** Findings rendered into chunks of bytes on a thread of its own. */
  private static final class Rendered extends Thread {
    private final List<Diagnostic> found;
    private final Part part;
    private final List<byte[]> chunks = new ArrayList<>();
    private Throwable failed;

    Rendered(List<Diagnostic> found, Part part) {
      super("accessctl-report");
      setDaemon(true);
      this.found = found;
      this.part = part;
    }

    @Override
    public void run() {
      try {
        ByteText text = new ByteText((bytes, length) -> chunks.add(Arrays.copyOf(bytes, length)));
        part.render(found, false, text);
        text.drain();
      } catch (Throwable t) { // handed to the writing thread, which reports it
        failed = t;
      }
    }

    /** The bytes, once they are all rendered. */
    List<byte[]> chunks() {
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
