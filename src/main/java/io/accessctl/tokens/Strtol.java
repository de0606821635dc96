package io.accessctl.tokens;

/**
 * C's {@code strtol(s, NULL, base)} for base 0 and 10, which sendmail uses on numbers from the
 * access map: the arith map (ClientRate, ClientConn, TLS bits) with base 0, greet_pause with base
 * 10. Leading white space and a sign are accepted, parsing stops at the first character that is not
 * a digit, no digits at all give 0, and a value beyond a 64-bit long saturates as glibc's does.
 */
public final class Strtol {
  private static final int HEX = 16;
  private static final int OCTAL = 8;
  private static final int DECIMAL = 10;

  private Strtol() {}

  public static long parse(String s, int base) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    int radix = base;
    if (base == 0) {
      if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
        if (i + 2 < s.length() && Character.digit(s.charAt(i + 2), HEX) >= 0) {
          radix = HEX;
          i += 2;
        } else {
          return 0;
        }
      } else if (s.startsWith("0", i)) {
        radix = OCTAL;
      } else {
        radix = DECIMAL;
      }
    }
    long value = 0;
    for (; i < s.length(); i++) {
      char ch = s.charAt(i);
      int d = ch < 0x80 ? Character.digit(ch, radix) : -1;
      if (d < 0) {
        break;
      }
      if (value > (Long.MAX_VALUE - d) / radix) {
        return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
      }
      value = value * radix + d;
    }
    return negative ? -value : value;
  }

  /** C's isspace() in the C locale. */
  private static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
