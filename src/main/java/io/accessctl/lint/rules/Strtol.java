package io.accessctl.lint.rules;

import io.accessctl.source.Bytes;

/**
 * C's {@code strtol(s, NULL, base)} for base 0 and 10, which sendmail uses on numbers from the
 * access map: the arith map (ClientRate, ClientConn, TLS bits) with base 0, greet_pause with base
 * 10. Leading white space and a sign are accepted, parsing stops at the first character that is not
 * a digit, and no digits at all give 0.
 */
final class Strtol {
  private Strtol() {}

  static long parse(String s, int base) {
    int i = 0;
    while (i < s.length() && Bytes.isSpace(s.charAt(i))) {
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
        if (i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
          radix = 16;
          i += 2;
        } else {
          return 0;
        }
      } else if (s.startsWith("0", i)) {
        radix = 8;
      } else {
        radix = 10;
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

  /** True for the plain decimal spelling of a non-negative number: {@code 0} or no leading zero. */
  static boolean isPlainDecimal(String s) {
    return Ascii.isPlainDecimal(s);
  }
}
