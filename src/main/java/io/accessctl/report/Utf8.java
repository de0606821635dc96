package io.accessctl.report;

/**
 * UTF-8 decoding of ISO-8859-1 byte strings (one char per byte), one character at a time, so that
 * byte columns can be mapped to what people and tools count; and the scalar values of Java
 * strings for the encoders of this package.
 *
 * <p>Ill-formed input is split exactly as the JDK's UTF-8 decoder splits it, because that decoder
 * is what {@link io.accessctl.source.Bytes#display} (and so every message quoting a value) uses:
 * each ill-formed unit is shown as one U+FFFD. That is Unicode's "maximal subpart" practice except
 * for a few JDK choices, such as one unit for an encoded surrogate ({@code ED A0 80}) and for an
 * incomplete sequence at the end of the line.
 */
final class Utf8 {
  static final int REPLACEMENT = 0xfffd;

  private Utf8() {}

  /**
   * The length in bytes of the unit starting at {@code i}: positive for a well-formed character,
   * negative (minus the length) for an ill-formed unit.
   */
  static int unitLength(String bytes, int i) {
    int rem = bytes.length() - i;
    int b1 = byteAt(bytes, i);
    if (b1 < 0x80) {
      return 1;
    }
    if (b1 >= 0xc2 && b1 <= 0xdf) {
      return rem >= 2 && isContinuation(byteAt(bytes, i + 1)) ? 2 : -1;
    }
    if (b1 >= 0xe0 && b1 <= 0xef) {
      if (rem < 3) {
        return rem > 1 && badSecondOfThree(b1, byteAt(bytes, i + 1)) ? -1 : -rem;
      }
      int b2 = byteAt(bytes, i + 1);
      if (badSecondOfThree(b1, b2)) {
        return -1;
      }
      if (!isContinuation(byteAt(bytes, i + 2))) {
        return -2;
      }
      return b1 == 0xed && b2 >= 0xa0 ? -3 : 3;
    }
    if (b1 >= 0xf0 && b1 <= 0xf7) {
      if (rem < 4) {
        if (b1 > 0xf4 || (rem > 1 && badSecondOfFour(b1, byteAt(bytes, i + 1)))) {
          return -1;
        }
        return rem > 2 && !isContinuation(byteAt(bytes, i + 2)) ? -2 : -rem;
      }
      if (b1 > 0xf4 || badSecondOfFour(b1, byteAt(bytes, i + 1))) {
        return -1;
      }
      if (!isContinuation(byteAt(bytes, i + 2))) {
        return -2;
      }
      return isContinuation(byteAt(bytes, i + 3)) ? 4 : -3;
    }
    return -1;
  }

  /**
   * The Unicode scalar value at index {@code i} of a Java (UTF-16) string: the code point, or
   * U+FFFD for a lone surrogate, which no UTF-8 output can hold. The next one starts {@code
   * Character.charCount} of the result further on.
   */
  static int scalarAt(String s, int i) {
    int cp = s.codePointAt(i);
    return cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE ? REPLACEMENT : cp;
  }

  private static boolean badSecondOfThree(int b1, int b2) {
    return (b1 == 0xe0 && b2 < 0xa0) || !isContinuation(b2);
  }

  private static boolean badSecondOfFour(int b1, int b2) {
    return (b1 == 0xf0 && b2 < 0x90) || (b1 == 0xf4 && b2 > 0x8f) || !isContinuation(b2);
  }

  private static boolean isContinuation(int b) {
    return (b & 0xc0) == 0x80;
  }

  private static int byteAt(String bytes, int i) {
    return bytes.charAt(i) & 0xff;
  }

  /** The code point of the well-formed unit at {@code i} of {@code length} bytes. */
  static int codePoint(String bytes, int i, int length) {
    int b0 = bytes.charAt(i) & 0xff;
    if (length == 1) {
      return b0;
    }
    int cp = b0 & (0x7f >> length);
    for (int k = 1; k < length; k++) {
      cp = (cp << 6) | (bytes.charAt(i + k) & 0x3f);
    }
    return cp;
  }

  /**
   * The 1-based UTF-16 column of the character that holds 1-based byte {@code byteColumn} of
   * {@code line}: what SARIF's default {@code utf16CodeUnits} column kind and GitHub's annotations count.
   * Returns {@code byteColumn} unchanged when it is 0 or the line is unknown; bytes past the end of
   * the line count one each.
   */
  static int utf16Column(String line, int byteColumn) {
    if (line == null || byteColumn <= 0) {
      return byteColumn;
    }
    int target = byteColumn - 1;
    int units = 0;
    int i = 0;
    while (i < line.length()) {
      int len = unitLength(line, i);
      if (i + Math.abs(len) > target) {
        break;
      }
      units += len > 0 ? Character.charCount(codePoint(line, i, len)) : 1;
      i += Math.abs(len);
    }
    return units + (i >= line.length() ? target - i : 0) + 1;
  }
}
