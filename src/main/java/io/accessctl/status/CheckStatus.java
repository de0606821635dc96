package io.accessctl.status;

import java.util.Locale;

/** The verdict of one check. Only {@link #PROBLEM} makes {@code status} exit 1. */
public enum CheckStatus {
  OK,
  PROBLEM,
  /** Worth knowing, not wrong (a version, advice, a count). */
  NOTE;

  /** "ok", "problem", "note": the word printed and the JSON value. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
