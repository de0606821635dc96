package io.accessctl.report;

import java.io.PrintWriter;

/**
 * Reporters build their output in one {@link StringBuilder} and hand it to the writer a large
 * chunk at a time: tens of thousands of findings written piece by piece through a
 * {@link PrintWriter} cost a lock and an encoder call per piece.
 */
final class Chunks {
  /** The most characters held before they go to the writer. */
  static final int SIZE = 1 << 16;

  private Chunks() {}

  /** A builder for one report. */
  static StringBuilder builder() {
    return new StringBuilder(SIZE + 1024);
  }

  /** Writes {@code sb} out and empties it once it holds a chunk's worth. */
  static void spill(StringBuilder sb, PrintWriter out) {
    if (sb.length() >= SIZE) {
      drain(sb, out);
    }
  }

  /** Writes out whatever {@code sb} holds and empties it. */
  static void drain(StringBuilder sb, PrintWriter out) {
    out.append(sb);
    sb.setLength(0);
  }
}
