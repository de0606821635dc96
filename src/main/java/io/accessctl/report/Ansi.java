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

  String bold(String s) {
    return wrap(BOLD, s);
  }

  /** Bold red for errors, bold yellow for warnings, bold cyan for info. */
  String severity(Severity severity, String s) {
    return wrap(switch (severity) {
      case ERROR -> "\033[1;31m";
      case WARNING -> "\033[1;33m";
      case INFO -> "\033[1;36m";
    }, s);
  }

  private String wrap(String code, String s) {
    return this == ON ? code + s + RESET : s;
  }
}
