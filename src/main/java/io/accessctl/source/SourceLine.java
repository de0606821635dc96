package io.accessctl.source;

/**
 * One line as makemap numbers it, with its text (ISO-8859-1, without the LF; a CR stays).
 *
 * @param number 1-based line number (makemap's count: in makemap mode a long line counts twice)
 * @param offset byte offset of the line in the file
 * @param text the bytes of the line as a one-char-per-byte string, without the terminating LF
 * @param kind what the line is
 */
public record SourceLine(int number, long offset, String text, Kind kind) {

  /** What makemap makes of a line. */
  public enum Kind {
    /** Nothing on it: skipped. */
    EMPTY,
    /** Comment character in column 1: skipped. */
    COMMENT,
    /** A key and a value (or a key alone with -e). */
    ENTRY,
    /** makemap reports it and stores nothing. */
    INVALID
  }

  public boolean isComment() {
    return kind == Kind.COMMENT;
  }

  public boolean endsWithCr() {
    return !text.isEmpty() && text.charAt(text.length() - 1) == '\r';
  }
}
