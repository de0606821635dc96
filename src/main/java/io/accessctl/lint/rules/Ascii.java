package io.accessctl.lint.rules;

/**
 * Character tests that run on every key or value, written out instead of as regexes: under the
 * launcher's C1-only JIT a regex match (Matcher, groups, often a Pattern compile) cost more than
 * the rule it guarded. Each method names the regex it replaces or pre-filters, and a pre-filter
 * is only ever a necessary condition, so the regex still decides whatever it lets through.
 */
final class Ascii {
  private Ascii() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  static boolean isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** One to {@code max} characters, each of them passing {@code test} ({@code \\d{1,3}}). */
  static boolean isRun(String s, int max, java.util.function.IntPredicate test) {
    if (s.isEmpty() || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!test.test(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code [A-Za-z][A-Za-z0-9_-]*}. */
  static boolean isTagWord(String s) {
    if (s.isEmpty() || !isLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isLetter(c) && !isDigit(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** True when every character is a digit or a dot (what an IPv4 address or prefix is made of). */
  static boolean onlyDigitsAndDots(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isDigit(c) && c != '.') {
        return false;
      }
    }
    return true;
  }

  /**
   * True when every character is a hex digit, a colon or a dot and there are two colons or more:
   * what a text must be for {@code [0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}(:\d{1,3}(\.\d{1,3}){3})?}
   * (any case) to match it.
   */
  static boolean mayBeIpv6Literal(String s) {
    int colons = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ':') {
        colons++;
      } else if (!isHexDigit(c) && c != '.') {
        return false;
      }
    }
    return colons >= 2;
  }

  /** {@code 0|[1-9][0-9]{0,17}}. */
  static boolean isPlainDecimal(String s) {
    int n = s.length();
    if (n == 0 || n > 18 || !isDigit(s.charAt(0))) {
      return false;
    }
    if (s.charAt(0) == '0') {
      return n == 1;
    }
    for (int i = 1; i < n; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
