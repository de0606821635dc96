package io.accessctl.report;

import io.accessctl.source.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * Text made safe for a terminal or a one-line format: nothing in a message, file name or source
 * line can move the cursor, change colours, end the line or reorder what is shown.
 *
 * <p>ASCII control characters are escaped the way {@link Bytes#display} escapes them ({@code \r},
 * {@code \t}, {@code \0}, {@code \x1b}), and LF as {@code \n}; C1 controls, bidirectional-text
 * controls (the "Trojan Source" characters) and the Unicode line and paragraph separators as
 * {@code \}{@code u202e}; a lone surrogate becomes U+FFFD.
 */
final class Visible {
  private static final char DEL = 0x7f;

  private Visible() {}

  /** {@code s} (Unicode text, such as a message) with every unsafe character escaped. */
  static String of(String s) {
    if (isPrintableAscii(s)) {
      return s; // as most messages are: nothing to escape
    }
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); ) {
      int cp = Utf8.scalarAt(s, i);
      i += Character.charCount(cp);
      String esc = escape(cp);
      if (esc != null) {
        sb.append(esc);
      } else {
        sb.appendCodePoint(cp);
      }
    }
    return sb.toString();
  }

  private static final byte[] NO_STOPS = stops("");

  /** Whether every character of {@code s} is printable ASCII. */
  static boolean isPrintableAscii(String s) {
    return plainPrefix(s, NO_STOPS) == s.length();
  }

  /**
   * A table for {@link #plainPrefix}: which printable ASCII characters end the prefix. It also
   * marks what is never plain (controls, DEL) and '?' (see there), so that a plain byte costs
   * one look-up.
   */
  static byte[] stops(String chars) {
    byte[] stop = new byte[DEL + 1];
    for (int c = 0; c < ' '; c++) {
      stop[c] = STOP;
    }
    stop[DEL] = STOP;
    stop['?'] = QUESTION_MARK;
    for (char c : chars.toCharArray()) {
      stop[c] = STOP;
    }
    return stop;
  }

  /** In a {@link #stops} table: the character ends the prefix. */
  private static final byte STOP = 1;
  /** In a {@link #stops} table: '?', which ends the prefix where the string has another. */
  private static final byte QUESTION_MARK = 2;

  /**
   * How many characters at the start of {@code s} are printable ASCII and not in {@code stop}
   * ({@link #stops}): all of them, or 0 when {@code s} holds a character beyond the BMP. Either
   * way the caller may copy that many as they are and look at the rest one by one.
   *
   * <p>Read as ISO-8859-1 bytes, which for the usual string is a plain copy of its bytes: a large
   * report asks this of megabytes of messages, and a loop over an array costs a fraction of one
   * over {@code charAt}. A character beyond ISO-8859-1 becomes '?' in those bytes, so a '?' counts
   * only where the string has one; a surrogate pair becomes one '?', and then the bytes no longer
   * line up with the characters.
   */
  static int plainPrefix(String s, byte[] stop) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    if (b.length != s.length()) {
      return 0; // a surrogate pair: the bytes do not line up with the characters
    }
    for (int i = 0; i < b.length; i++) {
      byte c = b[i];
      // bytes from 0x80 on are negative
      if (c < 0 || (stop[c] != 0 && (stop[c] == STOP || s.charAt(i) != '?'))) {
        return i;
      }
    }
    return b.length;
  }

  /** The escape for {@code cp}, or null when it is safe to show as is. */
  static String escape(int cp) {
    if (cp == '\n') {
      return "\\n";
    }
    if (cp < 0x20 || cp == 0x7f) {
      return Bytes.display(String.valueOf((char) cp));
    }
    if ((cp >= 0x80 && cp <= 0x9f) || cp == 0x061c || cp == 0x200e || cp == 0x200f
        || (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) {
      String hex = Integer.toHexString(cp);
      return "\\u" + "0000".substring(hex.length()) + hex;
    }
    return null;
  }

  /**
   * How many terminal columns {@code cp} takes (after {@link #escape}): 0 for combining marks and
   * invisible format characters, 2 for East Asian wide and fullwidth characters and emoji, else 1.
   */
  static int width(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || (type == Character.FORMAT && cp != 0x00ad)) {
      return 0;
    }
    return isWide(cp) ? 2 : 1;
  }

  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115f)
        || (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f)
        || (cp >= 0xac00 && cp <= 0xd7a3)
        || (cp >= 0xf900 && cp <= 0xfaff)
        || (cp >= 0xfe30 && cp <= 0xfe4f)
        || (cp >= 0xff00 && cp <= 0xff60)
        || (cp >= 0xffe0 && cp <= 0xffe6)
        || (cp >= 0x1f300 && cp <= 0x1f64f)
        || (cp >= 0x1f900 && cp <= 0x1f9ff)
        || (cp >= 0x20000 && cp <= 0x3fffd);
  }
}
