package io.accessctl.source;

import java.util.Arrays;

/**
 * A key/value pair that makemap would store: a range of its line's text, and the line itself, so
 * that a large map's parse makes one object per entry rather than a line and an entry.
 *
 * <p>The key, the stored key and the value are cut out of the line only when asked for: lint of a
 * large map reads most entries through the line's bytes and the offsets alone, and three strings
 * an entry were a good part of its parse time.
 */
public final class Entry extends SourceLine {
  private final int index;
  private final int keyEnd;
  private final int valueStart;
  private final int colon;
  private final String tag;
  private String key;
  private String storedKey;
  private String value;

  /**
   * @param number the line's number within its part ({@link SourceLine#number()})
   * @param data the file's bytes, the whole file
   * @param start index in {@code data} where the line's text starts; the key starts it
   * @param end index in {@code data} where the line's text ends
   * @param part the part of the file it was parsed in
   * @param index the entry's position in the part's list of entries
   * @param keyEnd index in the text where the key ends
   * @param valueStart index in the text where the value starts (it runs to the end of the text)
   * @param colon index of the key's first colon, or -1
   * @param tag {@link #tag()}: the text before {@code colon}, "" when there is none
   */
  Entry(int number, byte[] data, int start, int end, PartStart part, int index, int keyEnd,
      int valueStart, int colon, String tag) {
    super(number, data, start, end, Kind.ENTRY, part);
    this.index = index;
    this.keyEnd = keyEnd;
    this.valueStart = valueStart;
    this.colon = colon;
    this.tag = tag;
  }

  /** The entry's position in the file's list of entries ({@link AccessSource#entries()}). */
  public int index() {
    return part.entries() + index;
  }

  /** The line it came from: this entry, which is its line. */
  public SourceLine line() {
    return this;
  }

  /** The key as written (not folded). */
  public String key() {
    if (key == null) {
      key = substring(0, keyEnd);
    }
    return key;
  }

  /** The key as stored: folded unless {@code -f}. */
  public String storedKey() {
    if (storedKey == null) {
      storedKey = part.foldKeys() ? Bytes.foldAscii(key()) : key();
    }
    return storedKey;
  }

  /**
   * {@link #storedKey()} as the bytes a map file stores, made from the line's bytes without a
   * string, followed by {@code extra} NUL bytes (1 for makemap -N).
   */
  public byte[] storedKeyBytes(int extra) {
    byte[] b = new byte[keyEnd + extra];
    copyStoredKey(b, 0, extra);
    return b;
  }

  /**
   * Copies the bytes of {@link #storedKeyBytes} to {@code dst} from {@code at} on: the stored key
   * and {@code extra} NUL bytes.
   */
  public void copyStoredKey(byte[] dst, int at, int extra) {
    copyBytes(0, keyEnd, dst, at);
    if (part.foldKeys()) {
      for (int i = at; i < at + keyEnd; i++) {
        dst[i] = (byte) Bytes.foldAscii((char) (dst[i] & 0xff));
      }
    }
    Arrays.fill(dst, at + keyEnd, at + keyEnd + extra, (byte) 0);
  }

  /** {@link #value()} as bytes, followed by {@code extra} NUL bytes (1 for makemap -N). */
  public byte[] valueBytes(int extra) {
    byte[] b = new byte[length() - valueStart + extra];
    copyBytes(valueStart, length(), b);
    return b;
  }

  /** The value verbatim: trailing blanks, CR and any {@code #…} included. */
  public String value() {
    if (value == null) {
      value = substring(valueStart, length());
    }
    return value;
  }

  /** 1-based byte column of the key. */
  public int keyColumn() {
    return 1;
  }

  /** 1-based byte column of the value. */
  public int valueColumn() {
    return valueStart + 1;
  }

  /** The key's length in bytes. */
  public int keyLength() {
    return keyEnd;
  }

  /** Index of the colon that ends the key's tag, or -1 for an untagged key. */
  public int tagEnd() {
    return colon;
  }

  public int lineNumber() {
    return number();
  }

  /**
   * The tag part of the key ({@code Try_TLS} in {@code Try_TLS:host}), or "" for an untagged key.
   * Entries whose tags are written alike share one string.
   */
  public String tag() {
    return tag;
  }

  /**
   * True when the key's tag is {@code name} in any case, compared in the line's bytes; {@code
   * name} is ASCII, as every tag is (for ASCII names this is {@code tag().equalsIgnoreCase}).
   */
  public boolean tagIs(String name) {
    return colon == name.length() && startsWithIgnoreCase(0, name);
  }

  /** The part after the tag and its colon; the whole key when untagged. */
  public String subject() {
    return colon < 0 ? key() : substring(colon + 1, keyEnd);
  }

  /** True when {@link #subject()} is empty (the bare {@code Tag:}), without cutting it out. */
  public boolean hasEmptySubject() {
    return keyEnd == colon + 1;
  }

  /**
   * True when the value is exactly the ASCII {@code word} in any case, compared in the line's
   * bytes without cutting the value out.
   */
  public boolean valueIs(String word) {
    return length() - valueStart == word.length()
        && startsWithIgnoreCase(valueStart, word);
  }

  /**
   * A hash of the value's bytes, made without the value's string: entries whose values are equal
   * ({@link #hasValueOf}) have equal hashes.
   */
  public int valueHash() {
    byte[] d = data;
    int h = end - start - valueStart;
    for (int i = start + valueStart; i < end; i++) {
      h = 31 * h + (d[i] & 0xff);
    }
    return h;
  }

  /** Whether this entry's value is {@code other}'s, byte for byte, compared without strings. */
  public boolean hasValueOf(Entry other) {
    int n = end - start - valueStart;
    if (other.end - other.start - other.valueStart != n) {
      return false;
    }
    byte[] d = data;
    byte[] o = other.data;
    int at = start + valueStart;
    int otherAt = other.start + other.valueStart;
    for (int i = 0; i < n; i++) {
      if (d[at + i] != o[otherAt + i]) {
        return false;
      }
    }
    return true;
  }

  /** True when the value is made of ASCII letters and digits only (and is not empty). */
  public boolean valueIsAlphanumeric() {
    byte[] d = data;
    for (int i = start + valueStart; i < end; i++) {
      int b = d[i];
      if (!(b >= '0' && b <= '9') && !(b >= 'A' && b <= 'Z') && !(b >= 'a' && b <= 'z')) {
        return false;
      }
    }
    return end - start > valueStart;
  }

  public boolean isTagged() {
    return colon >= 0;
  }

  /** Equal when line, key, stored key, value and columns are, as when this was a record. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Entry e && super.equals(e) && e.keyEnd == keyEnd
        && e.valueStart == valueStart && e.storedKey().equals(storedKey());
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(super.hashCode(), keyEnd, valueStart);
  }

  @Override
  public String toString() {
    return "Entry[line " + number() + ": " + key() + " -> " + value() + "]";
  }
}
