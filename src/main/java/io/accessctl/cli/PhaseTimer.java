package io.accessctl.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * compile's phase timings for profiling, printed to standard error only when the JVM runs with
 * {@code -Daccessctl.phases} (e.g. {@code ACCESSCTL_JAVA_OPTS=-Daccessctl.phases}).
 */
final class PhaseTimer implements Consumer<String> {
  static final String PROPERTY = "accessctl.phases";
  private static final long NANOS_PER_MILLI = 1_000_000;

  private final PrintWriter err;
  private long last = System.nanoTime();

  private PhaseTimer(PrintWriter err) {
    this.err = err;
  }

  static PhaseTimer fromProperty(PrintWriter err) {
    return new PhaseTimer(System.getProperty(PROPERTY) != null ? err : null);
  }

  /** {@link #mark}: the timer as the use cases' listener of phases, no method reference linked. */
  @Override
  public void accept(String phase) {
    mark(phase);
  }

  void mark(String phase) {
    if (err == null) {
      return;
    }
    long now = System.nanoTime();
    err.println("accessctl: phase " + phase + " " + (now - last) / NANOS_PER_MILLI + " ms");
    err.flush();
    last = now;
  }
}
