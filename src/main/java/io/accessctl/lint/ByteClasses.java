package io.accessctl.lint;

import io.accessctl.source.Entry;
import io.accessctl.source.SourceLine;

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
  /** Not a byte: the text holds two colons or more (a key's subject, then, holds one). */
  public static final long TWO_COLONS = 1L << 12;
  /** Not a byte: the text holds {@code IPv6}, in any case. */
  public static final long IPV6 = 1L << 13;
  /** {@code @}. */
  public static final long AT = 1L << 14;
  /** {@code <}. */
  public static final long ANGLE = 1L << 15;
  /** {@code "}. */
  public static final long QUOTE = 1L << 16;

  private static final long[] OF_BYTE = new long[256];

  static {
    for (int b = 0x80; b < 256; b++) {
      OF_BYTE[b] = NON_ASCII;
    }
    for (int b = 'a'; b <= 'z'; b++) {
      OF_BYTE[b] = LOWER;
    }
    OF_BYTE[' '] = BLANK;
    OF_BYTE['\t'] = BLANK;
    OF_BYTE['#'] = HASH;
    OF_BYTE['%'] = PERCENT;
    OF_BYTE['['] = BRACKET;
    OF_BYTE['/'] = SLASH;
    OF_BYTE['*'] = STAR;
    OF_BYTE['-'] = DASH;
    OF_BYTE['K'] = LETTER_K;
    OF_BYTE['k'] |= LETTER_K;
    OF_BYTE['@'] = AT;
    OF_BYTE['<'] = ANGLE;
    OF_BYTE['"'] = QUOTE;
  }

  private ByteClasses() {}

  /** The classes of the entry's key. */
  static long ofKey(Entry e) {
    return of(e.line(), 0, e.keyLength());
  }

  /** The classes of the entry's value as written (a CR and an inline comment included). */
  static long ofValue(Entry e) {
    return of(e.line(), e.valueColumn() - 1, e.line().length());
  }

  /** Whether the {@code v} at {@code v} is that of {@code IPv6} (any case) within the range. */
  private static boolean spellsIpv6(SourceLine line, int v, int from, int to) {
    return v - 2 >= from && v + 1 < to && line.byteAt(v + 1) == '6'
        && (line.byteAt(v - 1) | CASE) == 'p' && (line.byteAt(v - 2) | CASE) == 'i';
  }

  /** The bit that makes an ASCII letter lower case. */
  private static final int CASE = 0x20;

  private static long of(SourceLine line, int from, int to) {
    long classes = 0;
    int colons = 0;
    for (int i = from; i < to; i++) {
      int b = line.byteAt(i);
      classes |= OF_BYTE[b];
      if (b == ':') {
        colons++;
      } else if ((b == 'v' || b == 'V') && spellsIpv6(line, i, from, to)) {
        classes |= IPV6;
      }
    }
    if (colons >= 2) {
      classes |= TWO_COLONS;
    }
    if (to > from) {
      int last = line.byteAt(to - 1);
      if (last == '.') {
        classes |= ENDS_IN_DOT;
      } else if (last == ':') {
        classes |= ENDS_IN_COLON;
      }
    }
    return classes;
  }
}
