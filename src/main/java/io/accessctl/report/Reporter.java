package io.accessctl.report;

import java.io.PrintWriter;

/** Writes a whole {@link LintReport} in one output format. */
@FunctionalInterface
public interface Reporter {
  /**
   * Writes the report to {@code out} and nowhere else, ending every line with {@code \n} (never
   * the platform's line separator, so that output is the same everywhere). Flushes {@code out} but
   * does not close it.
   */
  void write(LintReport report, PrintWriter out);
}
