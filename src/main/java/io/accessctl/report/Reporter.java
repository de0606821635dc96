package io.accessctl.report;

import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * Writes a whole {@link LintReport} in one output format, ending every line with {@code \n}
 * (never the platform's line separator, so that output is the same everywhere).
 */
public interface Reporter {
  /** Writes the report to {@code out} and nowhere else. Flushes {@code out} but does not close it. */
  void write(LintReport report, PrintWriter out);

  /**
   * Writes the report to {@code out} as UTF-8, the same text as {@link #write(LintReport,
   * PrintWriter)} over a UTF-8 encoder, without the encoder. Flushes {@code out} but does not
   * close it.
   *
   * @throws java.io.UncheckedIOException when {@code out} cannot be written
   */
  void write(LintReport report, OutputStream out);
}
