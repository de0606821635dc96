package io.accessctl.report;

import io.accessctl.lint.Severity;

/** ANSI SGR styling for the text format, or none. */
enum Ansi {
  ON,
  OFF;

  private static final String RESET = "\033[0m";
  private static final String BOLD = "\033[1m";

  static Ansi of(boolean color) {
    return color ? ON : OFF;
  }

  /** Appends what starts bold text. */
  void beginBold(ByteText out) {
    if (this == ON) {
      out.ascii(BOLD);
    }
  }

  /** Appends what starts a severity's style: bold red (error), yellow (warning), cyan (info). */
  void beginSeverity(Severity severity, ByteText out) {
    if (this == ON) {
      out.ascii(code(severity));
    }
  }

  /** Appends what ends styled text. */
  void end(ByteText out) {
    if (this == ON) {
      out.ascii(RESET);
    }
  }

  private static String code(Severity severity) {
    return switch (severity) {
      case ERROR -> "\033[1;31m";
      case WARNING -> "\033[1;33m";
      case INFO -> "\033[1;36m";
    };
  }
}
