package io.accessctl.cli;

import java.io.PrintWriter;

/**
 * compile's progress bar: on a terminal only, on standard error, for maps of more than {@link
 * #MIN_ENTRIES} entries. Scripts and logs (no terminal) never see it. The bar advances per phase
 * (checked, records built, file written) and is erased at the end, so that only the usual one-line
 * summary stays on the screen.
 */
final class CompileProgress {
  /** Smaller maps compile in well under a second: no bar. */
  static final int MIN_ENTRIES = 100_000;
  static final String[] PHASES = {"checked", "records", "written"};
  private static final int WIDTH = 30;
  private static final CompileProgress NONE = new CompileProgress(null, 0);

  private final PrintWriter err;
  private final int entries;
  private int done;
  private int drawnLength;

  private CompileProgress(PrintWriter err, int entries) {
    this.err = err;
    this.entries = entries;
  }

  static CompileProgress start(Console console, PrintWriter err, int entries) {
    if (!console.interactive() || entries <= MIN_ENTRIES) {
      return NONE;
    }
    CompileProgress p = new CompileProgress(err, entries);
    p.draw("parsed");
    return p;
  }

  /** The phase {@code name} (one of {@link #PHASES}) has finished. */
  void step(String name) {
    if (err == null) {
      return;
    }
    done++;
    draw(name);
  }

  /** Erases the bar. */
  void end() {
    if (err == null || drawnLength == 0) {
      return;
    }
    err.print("\r" + " ".repeat(drawnLength) + "\r");
    err.flush();
    drawnLength = 0;
  }

  private void draw(String what) {
    int filled = WIDTH * done / PHASES.length;
    String line = "accessctl: compiling " + entries + " entries [" + "#".repeat(filled)
        + "-".repeat(WIDTH - filled) + "] " + (100 * done / PHASES.length) + "% " + what;
    // pad so that a shorter line fully covers the previous one
    String padded = line.length() < drawnLength ? line + " ".repeat(drawnLength - line.length()) : line;
    err.print("\r" + padded);
    err.flush();
    drawnLength = padded.length();
  }
}
