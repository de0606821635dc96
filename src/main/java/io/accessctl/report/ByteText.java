package io.accessctl.report;

import io.accessctl.lint.Message;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A report's text as UTF-8 bytes, as it goes to standard output: the bytes the JDK's UTF-8
 * encoder would make of the same characters (a lone surrogate becomes {@code ?}).
 *
 * <p>Most of a large report is printable ASCII: file names, rule names and messages that need no
 * escape. Such a string costs one copy of its bytes and one look at each; a {@link
 * java.io.PrintWriter} over an encoder copies each character three times (into the builder, into
 * a char array, through the encoder). A string that holds anything else takes the general path of
 * {@link Visible}, {@link Json} or the encoder, so the text is the same either way.
 *
 * <p>A report is handed on a chunk at a time ({@link #spill}): a buffer that stays small stays in
 * the cache, where one grown to the report's megabytes costs fresh pages and copies.
 */
final class ByteText {
  /** The most bytes held before {@link #spill} hands them on. */
  static final int CHUNK = 1 << 16;

  /** Where the bytes go, a whole number of findings at a time (so never in a UTF-8 sequence). */
  interface Sink {
    void write(byte[] bytes, int length);
  }

  /** Bytes that end the plain run of {@link #text}: '?' alone (see {@link #plainFrom}). */
  private static final byte[] TEXT_STOPS = new byte[0x80];

  static {
    TEXT_STOPS['?'] = 1;
  }

  /** Bytes that end the plain run of {@link #visible}: none but what {@link Visible} marks. */
  private static final byte[] VISIBLE_STOPS = Visible.stops("");
  /** Bytes that end the plain run of {@link #jsonString}: also the quote and the backslash. */
  private static final byte[] JSON_STOPS = Visible.stops("\"\\");

  private final Sink sink;
  private byte[] buf = new byte[CHUNK + 1024];
  private int length;

  ByteText(Sink sink) {
    this.sink = sink;
  }

  /** Hands on what this holds, once it holds a chunk's worth. */
  void spill() {
    if (length >= CHUNK) {
      drain();
    }
  }

  /** Hands on whatever this holds. */
  void drain() {
    if (length > 0) {
      sink.write(buf, length);
      length = 0;
    }
  }

  /**
   * Hands on what this holds, then the first {@code length} bytes of {@code chunk}: bytes made by
   * another {@code ByteText}, a whole number of findings.
   */
  void pass(byte[] chunk, int length) {
    drain();
    sink.write(chunk, length);
  }

  /** One ASCII character. */
  ByteText ascii(char c) {
    room(1);
    buf[length++] = (byte) c;
    return this;
  }

  /** A number in decimal. */
  ByteText number(long n) {
    if (n < 0) {
      return ascii(Long.toString(n));
    }
    int digits = 1;
    for (long rest = n / 10; rest > 0; rest /= 10) {
      digits++;
    }
    room(digits);
    long rest = n;
    for (int i = length + digits - 1; i >= length; i--) {
      buf[i] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
    length += digits;
    return this;
  }

  /** A string of ASCII characters only, such as a constant or a number. */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): see below
  ByteText ascii(String s) {
    int n = s.length();
    room(n);
    // each character's low byte, which for ASCII is its UTF-8: one array copy, where a loop
    // calls charAt for every character of a report's punctuation and indentation
    s.getBytes(0, n, buf, length);
    length += n;
    return this;
  }

  /** Any text, UTF-8 encoded. */
  ByteText text(String s) {
    int start = length;
    if (copyLatin1(s) && plainFrom(start, TEXT_STOPS) == length) {
      return this;
    }
    length = start;
    return bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** {@link Visible#of}{@code (s)}, UTF-8 encoded. */
  ByteText visible(String s) {
    return visible(s, s.length() <= KEPT_LENGTH);
  }

  /** {@link Visible#of} of {@code m}'s text, UTF-8 encoded, written part by part. */
  ByteText visible(Message m) {
    if (m.parts() == 1) {
      return visible(m.part(0));
    }
    for (int i = 0; i < m.parts(); i++) {
      String part = m.part(i);
      visible(part, isSharedPart(part));
    }
    return this;
  }

  /** {@link Visible#of}{@code (s)}, its rendering kept for the next {@code s} when asked. */
  private ByteText visible(String s, boolean keep) {
    if (keep && cached(s, VISIBLE)) {
      return this;
    }
    int start = length;
    if (!copyLatin1(s) || plainFrom(start, VISIBLE_STOPS) != length) {
      length = start;
      text(Visible.of(s));
    }
    return keep ? remember(s, VISIBLE, start) : this;
  }

  /** {@link Json#quote}{@code (s)}: a quoted JSON string, pure ASCII. */
  ByteText jsonString(String s) {
    boolean keep = s.length() <= KEPT_LENGTH;
    if (keep && cached(s, JSON)) {
      return this;
    }
    int start = length;
    ascii('"');
    if (copyLatin1(s) && plainFrom(start + 1, JSON_STOPS) == length) {
      ascii('"');
    } else {
      length = start;
      ascii(Json.quote(s));
    }
    return keep ? remember(s, JSON, start) : this;
  }

  /** {@link Json#quote} of {@code m}'s text, written part by part. */
  ByteText jsonString(Message m) {
    if (m.parts() == 1) {
      return jsonString(m.part(0));
    }
    ascii('"');
    for (int i = 0; i < m.parts(); i++) {
      String part = m.part(i);
      boolean keep = isSharedPart(part);
      if (keep && cached(part, JSON)) {
        continue;
      }
      int start = length;
      if (!copyLatin1(part) || plainFrom(start, JSON_STOPS) != length) {
        length = start;
        ascii(Json.escaped(part));
      }
      if (keep) {
        remember(part, JSON, start);
      }
    }
    return ascii('"');
  }

  /**
   * Whether a part of a message of many is likely the words its rule says on every such finding
   * (then its rendering is kept): those are a sentence or two, where the values of one finding
   * are a name or a key, and what a fold says of its group's lines ({@code Repeats}) is longer.
   */
  private static boolean isSharedPart(String part) {
    return part.length() > KEPT_LENGTH && part.length() <= SHARED_LENGTH;
  }

  /** The longest part of a message taken for its rule's own words. */
  private static final int SHARED_LENGTH = 1024;

  /*
   * Most strings of a report recur on every finding: the file name, the rule's id and name, the
   * severity, JSON's member names, a rule's own words in its messages. The last rendering of a
   * short one, or of a message's shared part ({@link #isSharedPart}), is kept by identity in a
   * slot chosen by its hash, one table per way of rendering.
   */

  /** The slots of one way of rendering; a power of two. */
  private static final int SLOTS = 32;
  /** The first slot of {@link #visible}'s renderings, and of {@link #jsonString}'s. */
  private static final int VISIBLE = 0;
  private static final int JSON = SLOTS;
  /**
   * The longest string kept, but for the long parts of a message of many: a whole message is
   * seldom repeated, and hashing it would cost a pass.
   */
  private static final int KEPT_LENGTH = 64;
  private final String[] keptString = new String[2 * SLOTS];
  private final byte[][] keptBytes = new byte[2 * SLOTS][];

  /** Appends the rendering kept for {@code s}, if there is one. */
  private boolean cached(String s, int table) {
    int slot = table + (s.hashCode() & (SLOTS - 1));
    if (keptString[slot] != s) {
      return false;
    }
    bytes(keptBytes[slot]);
    return true;
  }

  /** Keeps the rendering of {@code s}, the bytes from {@code start} on. */
  private ByteText remember(String s, int table, int start) {
    int slot = table + (s.hashCode() & (SLOTS - 1));
    keptString[slot] = s;
    keptBytes[slot] = Arrays.copyOfRange(buf, start, length);
    return this;
  }

  /**
   * Copies the ISO-8859-1 bytes of {@code s} to the end; false (and nothing copied) when they do
   * not line up with its characters (a surrogate pair). A character beyond ISO-8859-1 is copied
   * as '?', which {@link #plainFrom} checks.
   */
  private boolean copyLatin1(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    if (b.length != s.length()) {
      return false;
    }
    room(b.length);
    System.arraycopy(b, 0, buf, length, b.length);
    length += b.length;
    return true;
  }

  /**
   * Where the bytes from {@code start} on stop being ASCII outside {@code stops} (a table of the
   * ASCII bytes that stop them, such as {@link Visible#stops}): {@link #length} when they never
   * do. Every table stops at '?', which may stand for a character beyond ISO-8859-1.
   */
  private int plainFrom(int start, byte[] t) {
    byte[] b = buf;
    int end = length;
    for (int i = start; i < end; i++) {
      byte c = b[i];
      if (c < 0 || t[c] != 0) { // bytes from 0x80 on are negative
        return i;
      }
    }
    return end;
  }

  private ByteText bytes(byte[] b) {
    room(b.length);
    System.arraycopy(b, 0, buf, length, b.length);
    length += b.length;
    return this;
  }

  private void room(int n) {
    if (length + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + n));
    }
  }
}
