package io.accessctl.cli;

/**
 * What accessctl knows about the terminal it writes to.
 *
 * @param interactive standard output is a terminal (colour, progress bars)
 */
public record Console(boolean interactive) {
  public static Console detect() {
    boolean tty = System.console() != null && System.getenv("NO_COLOR") == null
        && !"dumb".equals(System.getenv("TERM"));
    return new Console(tty);
  }

  public static Console plain() {
    return new Console(false);
  }
}
