package io.accessctl.source;

import java.nio.charset.StandardCharsets;

/**
 * Byte-level helpers. accessctl keeps map text as ISO-8859-1 strings, one char per byte, so that
 * keys and values round-trip byte for byte and columns are byte columns, as in makemap.
 */
public final class Bytes {
  private Bytes() {}

  /** C-locale {@code isspace}: SP, HT, LF, VT, FF, CR. */
  public static boolean isSpace(int b) {
    return b == ' ' || (b >= '\t' && b <= '\r');
  }

  /** C-locale {@code isalnum}: ASCII letters and digits. */
  public static boolean isAlnum(int b) {
    return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
  }

  /** {@link #foldAscii(String)} of one character. */
  public static char foldAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** ASCII-only lower-casing, as makemap and sendmail fold keys (non-ASCII bytes are untouched). */
  public static String foldAscii(String s) {
    byte[] out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (out == null) {
          out = s.getBytes(StandardCharsets.ISO_8859_1);
        }
        out[i] = (byte) (c + ('a' - 'A'));
      } else if (c > LAST_LATIN1) {
        return foldChars(s); // not one char a byte (a name typed on the command line)
      }
    }
    // Latin-1 bytes, not chars: a char[] would be widened to UTF-16 and compressed back.
    return out == null ? s : new String(out, StandardCharsets.ISO_8859_1);
  }

  private static final char LAST_LATIN1 = 0xff;

  private static String foldChars(String s) {
    char[] out = s.toCharArray();
    for (int i = 0; i < out.length; i++) {
      if (out[i] >= 'A' && out[i] <= 'Z') {
        out[i] = (char) (out[i] + ('a' - 'A'));
      }
    }
    return new String(out);
  }

  public static String latin1(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  public static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The bytes of map text, with a trailing NUL added when {@code withNul} (makemap -N, K -N). */
  public static byte[] bytes(String latin1, boolean withNul) {
    if (!withNul) {
      return bytes(latin1);
    }
    byte[] b = new byte[latin1.length() + 1];
    for (int i = 0; i < latin1.length(); i++) {
      b[i] = (byte) latin1.charAt(i);
    }
    return b;
  }

  /** Map text (one char a byte) as the writers must print it to reproduce the bytes: UTF-8. */
  public static String asPrinted(String latin1) {
    return new String(bytes(latin1), StandardCharsets.UTF_8);
  }

  /**
   * Bytes up to the first NUL, as makemap's {@code %s} and {@code %.*s} print them. The writers
   * encode UTF-8, so bytes that are not UTF-8 come out as U+FFFD.
   */
  public static String cString(byte[] b) {
    int n = 0;
    while (n < b.length && b[n] != 0) {
      n++;
    }
    return new String(b, 0, n, StandardCharsets.UTF_8);
  }

  /** A byte string for people: UTF-8 where it decodes, control characters escaped. */
  public static String display(String latin1) {
    String s = new String(bytes(latin1), StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\0' -> sb.append("\\0");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
