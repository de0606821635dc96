package io.accessctl.report;

import io.accessctl.lint.Diagnostic;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders a report's findings on two threads: from {@link #PARALLEL_FROM} findings on, this
 * thread and a second one take batches of {@link #BATCH} findings by turns, each rendering its
 * next batch while the other writes, since rendering a finding costs about as much as writing
 * it. Each writes its batches from a buffer of its own, reused, in the findings' order: no part
 * of a large report waits in memory for the part before it, which cost megabytes of fresh pages
 * copied into.
 */
final class Chunks {
  /** From this many findings on, {@link #each} renders on two threads. */
  static final int PARALLEL_FROM = 4096;
  /**
   * The findings of a batch: about a chunk's worth ({@link ByteText#CHUNK}) of gcc's or text's
   * findings, a few chunks' worth of JSON's, so that a batch goes out in a few large writes and
   * the threads change turns a few dozen times in a large report.
   */
  static final int BATCH = 256;

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
    if (n < PARALLEL_FROM || Runtime.getRuntime().availableProcessors() < 2) {
      part.render(found, true, out);
      return;
    }
    out.drain();
    Turns turns = new Turns(found, part, out);
    Thread second = new Thread(() -> turns.render(1), "accessctl-report");
    second.setDaemon(true);
    second.start();
    turns.render(0);
    turns.finish();
  }

  /**
   * Batches rendered by two threads by turns: thread {@code t} renders batches {@code t}, {@code
   * t + 2}, ..., and writes each once the batch before it is written.
   */
  private static final class Turns {
    private final List<Diagnostic> found;
    private final Part part;
    private final ByteText out;
    private final int batches;
    /** The batch written next; {@link #batches} once all are. */
    private int turn;
    /** What stopped either thread, which stops the other. */
    private Throwable failed;

    Turns(List<Diagnostic> found, Part part, ByteText out) {
      this.found = found;
      this.part = part;
      this.out = out;
      this.batches = (found.size() + BATCH - 1) / BATCH;
    }

    /** Renders and writes the batches of thread {@code t}. */
    void render(int t) {
      int[] batch = new int[1];
      // what a batch spills waits for its turn: it is written after the batch before it
      ByteText text = new ByteText((bytes, length) -> {
        awaitTurn(batch[0]);
        out.pass(bytes, length);
      });
      try {
        for (int b = t; b < batches; b += 2) {
          batch[0] = b;
          int from = b * BATCH;
          part.render(found.subList(from, Math.min(from + BATCH, found.size())), b == 0, text);
          text.drain();
          passTurn(b);
        }
      } catch (RuntimeException | Error e) {
        stop(e);
        if (t == 0) {
          throw e;
        }
      }
    }

    /** Waits until batch {@code b} is the one written next. */
    private synchronized void awaitTurn(int b) {
      while (turn != b && failed == null) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while writing the report", e);
        }
      }
      if (failed instanceof UncheckedIOException e) {
        throw e; // the output failed, as it would have on this thread
      }
      if (failed != null) {
        throw new IllegalStateException("formatting the report failed", failed);
      }
    }

    private synchronized void passTurn(int b) {
      awaitTurn(b); // a batch that spilled nothing comes to its turn here
      turn = b + 1;
      notifyAll();
    }

    private synchronized void stop(Throwable e) {
      if (failed == null) {
        failed = e;
      }
      notifyAll();
    }

    /** Waits until every batch is written; what the second thread met is thrown here. */
    void finish() {
      awaitTurn(batches);
    }
  }
}
