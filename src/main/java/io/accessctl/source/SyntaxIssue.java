package io.accessctl.source;

/**
 * A line makemap reports (and, except for duplicates, does not store).
 *
 * @param kind what is wrong
 * @param line line number as makemap counts it
 * @param column 1-based byte column the problem starts at
 * @param makemapMessage the text makemap prints after {@code makemap: MAP: line N: }
 * @param firstLine for {@link Kind#DUPLICATE_KEY}, the line of the entry that is kept; else 0
 */
public record SyntaxIssue(Kind kind, int line, int column, String makemapMessage, int firstLine) {

  /** The errors makemap reports while reading the text. */
  public enum Kind {
    LEADING_SPACE,
    MISSING_VALUE,
    DUPLICATE_KEY,
    LINE_TOO_LONG,
    NUL_BYTE
  }
}
