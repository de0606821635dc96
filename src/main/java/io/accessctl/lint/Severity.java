package io.accessctl.lint;

import java.util.Locale;

/** How much a finding matters; {@code --fail-level} compares against this order. */
public enum Severity {
  INFO,
  WARNING,
  ERROR;

  /** The lower-case word used in every output format. */
  /** The name in lower case, made once: reports write it for every finding. */
  private final String word = name().toLowerCase(Locale.ROOT);

  public String word() {
    return word;
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  public static Severity parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
