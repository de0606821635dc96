package io.accessctl.lint;

import io.accessctl.source.Entry;
import io.accessctl.source.SourceLine;
import io.accessctl.tokens.Limits;

/**
 * Kinds of bytes an entry's key or value holds, as bits of a {@code long}: what a per-entry rule
 * may name in its {@link Needs} as a condition no entry it reports on can lack ("an inline comment
 * needs a {@code #} in the value"). The {@link Linter} finds each entry's classes in one pass over
 * its bytes and hands the entry only to rules whose condition holds.
 */
public final class ByteClasses {
  /** A byte of 0x80 or more. */
  public static final long NON_ASCII = 1L;
  /** An ASCII lower-case letter, a to z. */
  public static final long LOWER = 1L << 1;
  /** A blank or a TAB. */
  public static final long BLANK = 1L << 2;
  /** {@code #}. */
  public static final long HASH = 1L << 3;
  /** {@code %}. */
  public static final long PERCENT = 1L << 4;
  /** {@code [}. */
  public static final long BRACKET = 1L << 5;
  /** {@code K} or {@code k} (the letter of SKIP that REJECT, RELAY, NO and DISCARD lack). */
  public static final long LETTER_K = 1L << 6;
  /** Not a byte: the text ends in a dot. */
  public static final long ENDS_IN_DOT = 1L << 7;
  /** {@code /}. */
  public static final long SLASH = 1L << 8;
  /** {@code *}. */
  public static final long STAR = 1L << 9;
  /** {@code -}. */
  public static final long DASH = 1L << 10;
  /** Not a byte: the text ends in a colon. */
  public static final long ENDS_IN_COLON = 1L << 11;
  /** Not a byte, of keys only: the key holds two colons or more (so its subject holds one). */
  public static final long TWO_COLONS = 1L << 12;
  /** Not a byte, of keys only: the key holds {@code IPv6}, in any case. */
  public static final long IPV6 = 1L << 13;
  /** {@code @}. */
  public static final long AT = 1L << 14;
  /** {@code <}. */
  public static final long ANGLE = 1L << 15;
  /** {@code "}. */
  public static final long QUOTE = 1L << 16;
  /**
   * Not a byte, of keys only: the key is longer than the {@link Limits#MAXNAME} bytes of a lookup
   * key.
   */
  public static final long LONGER_THAN_LOOKUP = 1L << 17;
  /** Not a byte, of keys only: the key, or its text after its first colon, starts with a dot. */
  public static final long LEADING_DOT = 1L << 18;

  /** Bytes the key's two classes above are found by: in the table, never in a result. */
  private static final long COLON = 1L << 62;
  private static final long LETTER_V = 1L << 61;
  private static final long DIGIT_6 = 1L << 60;
  /** A key holding both may spell IPv6: one without either (Srv_Features:…) is not searched. */
  private static final long IPV6_LETTERS = LETTER_V | DIGIT_6;
  private static final long FINDERS = COLON | IPV6_LETTERS;

  private static final long[] OF_BYTE = new long[256];

  static {
    for (int b = 0x80; b < 256; b++) {
      OF_BYTE[b] = NON_ASCII;
    }
    for (int b = 'a'; b <= 'z'; b++) {
      OF_BYTE[b] = LOWER;
    }
    mark(" \t", BLANK);
    mark("#", HASH);
    mark("%", PERCENT);
    mark("[", BRACKET);
    mark("/", SLASH);
    mark("*", STAR);
    mark("-", DASH);
    mark("Kk", LETTER_K);
    mark("@", AT);
    mark("<", ANGLE);
    mark("\"", QUOTE);
    mark(":", COLON);
    mark("Vv", LETTER_V);
    mark("6", DIGIT_6);
  }

  /** Adds {@code classes} to each of {@code bytes}, keeping what they have (k is LOWER too). */
  private static void mark(String bytes, long classes) {
    for (int i = 0; i < bytes.length(); i++) {
      OF_BYTE[bytes.charAt(i)] |= classes;
    }
  }

  private ByteClasses() {}

  /** The classes of the entry's key. */
  static long ofKey(Entry e) {
    SourceLine line = e.line();
    int n = e.keyLength();
    int colon = e.tagEnd(); // the key's first colon, -1 when it has none
    long subject = bytes(line, colon + 1, n);
    long classes = (colon < 0 ? 0 : bytes(line, 0, colon)) | subject;
    if ((subject & COLON) != 0) {
      classes |= TWO_COLONS;
    }
    if ((classes & IPV6_LETTERS) == IPV6_LETTERS && spellsIpv6(line, 0, n)) {
      classes |= IPV6;
    }
    if (n > Limits.MAXNAME) {
      classes |= LONGER_THAN_LOOKUP;
    }
    if ((n > 0 && line.byteAt(0) == '.')
        || (colon >= 0 && colon + 1 < n && line.byteAt(colon + 1) == '.')) {
      classes |= LEADING_DOT;
    }
    return classes & ~FINDERS | ends(line, 0, n);
  }

  /** The classes of the entry's value as written (a CR and an inline comment included). */
  static long ofValue(Entry e) {
    SourceLine line = e.line();
    int from = e.valueColumn() - 1;
    return bytes(line, from, line.length()) & ~FINDERS | ends(line, from, line.length());
  }

  /** Whether the text from {@code from} to {@code to} holds {@code IPv6}, in any case. */
  private static boolean spellsIpv6(SourceLine line, int from, int to) {
    for (int i = from; i + IPV6_WORD.length() <= to; i++) {
      int j = 0;
      while (j < IPV6_WORD.length() && (line.byteAt(i + j) | CASE) == IPV6_WORD.charAt(j)) {
        j++;
      }
      if (j == IPV6_WORD.length()) {
        return true;
      }
    }
    return false;
  }

  /** IPv6 with each letter's case bit set, as {@link #CASE} compares ('6' has it already). */
  private static final String IPV6_WORD = "ipv6";
  /** The bit that makes an ASCII letter lower case. */
  private static final int CASE = 0x20;

  /** The classes of each byte from {@code from} to {@code to}, the finders included. */
  private static long bytes(SourceLine line, int from, int to) {
    return line.unionOf(OF_BYTE, from, to);
  }

  /** The classes of how the text from {@code from} to {@code to} ends. */
  private static long ends(SourceLine line, int from, int to) {
    if (to > from) {
      int last = line.byteAt(to - 1);
      if (last == '.') {
        return ENDS_IN_DOT;
      } else if (last == ':') {
        return ENDS_IN_COLON;
      }
    }
    return 0;
  }
}
