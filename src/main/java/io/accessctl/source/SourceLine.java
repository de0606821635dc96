package io.accessctl.source;

import java.nio.charset.StandardCharsets;

/**
 * One line as makemap numbers it, with its text (ISO-8859-1, without the LF; a CR stays).
 *
 * <p>The line keeps a range of the file's bytes and makes its text string only when asked: lint
 * of a large map judges most lines from their bytes alone, and a string a line was a good part of
 * the parse.
 *
 * <p>An entry's line is the {@link Entry} itself: a large map's parse makes one object per line.
 */
public sealed class SourceLine permits Entry {
  /** Where the part of the file this line was parsed in starts; {@link Entry} counts from it too. */
  final PartStart part;
  private final int number;
  private final Kind kind;
  /** The file's bytes, and where in them the text starts and ends: {@link Entry} reads them too. */
  final byte[] data;
  final int start;
  final int end;
  private String text;

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

  /**
   * @param number 1-based line number (makemap's count: in makemap mode a long line counts twice)
   * @param data the file's bytes, the whole file
   * @param start index in {@code data} where the line's text starts: its offset in the file
   * @param end index in {@code data} where it ends (before the LF, or where makemap cut it)
   * @param kind what the line is
   * @param part the part of the file it was parsed in; {@code number} counts from its start
   */
  SourceLine(int number, byte[] data, int start, int end, Kind kind, PartStart part) {
    this.part = part;
    this.number = number;
    this.data = data;
    this.start = start;
    this.end = end;
    this.kind = kind;
  }

  /** 1-based line number (makemap's count: in makemap mode a long line counts twice). */
  public int number() {
    return part.lines() + number;
  }

  /** Byte offset of the line in the file. */
  public long offset() {
    return start;
  }

  /** The bytes of the line as a one-char-per-byte string, without the terminating LF. */
  public String text() {
    if (text == null) {
      text = new String(data, start, end - start, StandardCharsets.ISO_8859_1);
    }
    return text;
  }

  /** The text's length in bytes. */
  public int length() {
    return end - start;
  }

  /** The text's byte at {@code index} (0 to 255), without making the text. */
  public int byteAt(int index) {
    return data[start + index] & 0xff;
  }

  /**
   * The bitwise OR of {@code perByte[b]} over the text's bytes {@code b} from {@code from} to
   * {@code to}: what kinds of bytes a part of the line holds, in one loop over the file's bytes
   * rather than a call per byte (lint asks this of every key and value of a large map).
   */
  public long unionOf(long[] perByte, int from, int to) {
    byte[] d = data;
    long union = 0;
    for (int i = start + from, last = start + to; i < last; i++) {
      union |= perByte[d[i] & 0xff];
    }
    return union;
  }

  /** Copies the text's bytes from {@code from} to {@code to} to the start of {@code dst}. */
  void copyBytes(int from, int to, byte[] dst) {
    copyBytes(from, to, dst, 0);
  }

  /** Copies the text's bytes from {@code from} to {@code to} to {@code dst} from {@code at} on. */
  void copyBytes(int from, int to, byte[] dst, int at) {
    System.arraycopy(data, start + from, dst, at, to - from);
  }

  /** What the line is. */
  public Kind kind() {
    return kind;
  }

  public boolean isComment() {
    return kind == Kind.COMMENT;
  }

  public boolean endsWithCr() {
    return end > start && data[end - 1] == '\r';
  }

  /** The substring of the text from {@code from} to {@code to}. */
  String substring(int from, int to) {
    return new String(data, start + from, to - from, StandardCharsets.ISO_8859_1);
  }

  /**
   * True when the text from {@code from} on contains the ASCII {@code word} in any case, looked
   * for in the bytes: no text string is made for the lines that do not.
   */
  public boolean containsIgnoreCase(int from, String word) {
    if (word.isEmpty()) {
      return from <= end - start;
    }
    // the first letter is looked for first, in both cases by plain comparisons: lint asks this
    // of every value of a large map, before its second thread starts
    char first = Bytes.foldAscii(word.charAt(0));
    char firstUpper = first >= 'a' && first <= 'z' ? (char) (first - ('a' - 'A')) : first;
    int last = end - word.length();
    for (int p = start + from; p <= last; p++) {
      int b = data[p] & 0xff;
      if ((b == first || b == firstUpper) && startsWithIgnoreCase(p - start, word)) {
        return true;
      }
    }
    return false;
  }

  /** True when the text from {@code from} on starts with the ASCII {@code word}, in any case. */
  boolean startsWithIgnoreCase(int from, String word) {
    if (end - start - from < word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      int b = data[start + from + i] & 0xff;
      char c = word.charAt(i);
      if (b != c && Bytes.foldAscii((char) b) != Bytes.foldAscii(c)) {
        return false;
      }
    }
    return true;
  }

  /** Equal when number, offset, text and kind are, as when this was a record. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SourceLine l && l.number() == number() && l.start == start
        && l.kind == kind && l.text().equals(text());
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(number(), (long) start, text(), kind);
  }

  @Override
  public String toString() {
    return "SourceLine[" + number() + " " + kind + ": " + text() + "]";
  }
}
