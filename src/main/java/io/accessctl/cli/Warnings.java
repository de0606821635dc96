package io.accessctl.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** Where the use cases' warnings go: one line each on standard error. */
final class Warnings {
  private Warnings() {}

  static Consumer<String> to(PrintWriter err) {
    return w -> err.println("accessctl: warning: " + w);
  }
}
