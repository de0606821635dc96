package io.accessctl.report;

import java.util.Locale;

/** XML 1.0 escaping for attribute values and text. */
final class Xml {
  /** The printable ASCII characters that become entities. */
  private static final byte[] MARKUP = Visible.stops("&<>\"'");

  private Xml() {}

  /**
   * {@code s} escaped for a double-quoted attribute value (also safe as element text), pure ASCII:
   * markup characters become entities; tab, LF and CR become character references so attribute
   * value normalisation keeps them; every other character outside printable ASCII becomes a
   * character reference. Characters XML 1.0 does not allow (other C0 controls, U+FFFE, U+FFFF, lone
   * surrogates) become U+FFFD, since not even a reference may name them.
   */
  static String escape(String s) {
    int plain = Visible.plainPrefix(s, MARKUP);
    if (plain == s.length()) {
      return s; // as most messages are: nothing to escape
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    sb.append(s, 0, plain);
    for (int i = plain; i < s.length(); ) {
      int c = Utf8.scalarAt(s, i);
      i += Character.charCount(c);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        case '\t' -> sb.append("&#9;");
        case '\n' -> sb.append("&#10;");
        case '\r' -> sb.append("&#13;");
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            sb.append((char) c);
          } else {
            reference(c < 0x20 || c == 0xfffe || c == 0xffff ? Utf8.REPLACEMENT : c, sb);
          }
        }
      }
    }
    return sb.toString();
  }

  private static void reference(int codePoint, StringBuilder sb) {
    sb.append("&#x").append(Integer.toHexString(codePoint).toUpperCase(Locale.ROOT))
        .append(';');
  }
}
