package io.accessctl.status;

import java.io.PrintWriter;

/**
 * The checklist for a terminal: one line a check, led by a word ({@code ok}, {@code problem},
 * {@code note}) that grep and any terminal encoding handle, coloured only on a terminal.
 */
public final class StatusText {
  private static final String RESET = "\033[0m";
  private static final int WORD_WIDTH = "problem".length();

  private StatusText() {}

  public static void write(StatusReport r, PrintWriter out, boolean colour) {
    out.println("accessctl status: " + r.source() + " -> " + r.db()
        + (r.cf() == null ? " (no sendmail.cf)" : " (cf " + r.cf() + ")"));
    for (Check c : r.checks()) {
      out.println(word(c.status(), colour) + "  " + c.summary());
      for (String d : c.details()) {
        out.println(" ".repeat(WORD_WIDTH + 4) + d);
      }
    }
    long n = r.problems();
    out.println(n == 0 ? "all in order" : n + (n == 1 ? " problem" : " problems"));
    out.flush();
  }

  private static String word(CheckStatus s, boolean colour) {
    String w = String.format("%-" + WORD_WIDTH + "s", s.word());
    if (!colour) {
      return w;
    }
    String code = switch (s) {
      case OK -> "\033[32m";
      case PROBLEM -> "\033[1;31m";
      case NOTE -> "\033[36m";
    };
    return code + w + RESET;
  }
}
