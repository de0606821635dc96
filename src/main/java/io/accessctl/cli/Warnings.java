package io.accessctl.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** Where the use cases' warnings go: one line each on standard error. */
final class Warnings {
  private Warnings() {}

  static Consumer<String> to(PrintWriter err) {
    return new ToErr(err);
  }

  /** A class, not a lambda: every lint makes one at its start, where linking one costs CPU. */
  private static final class ToErr implements Consumer<String> {
    private final PrintWriter err;

    ToErr(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void accept(String w) {
      err.println("accessctl: warning: " + w);
    }
  }
}
