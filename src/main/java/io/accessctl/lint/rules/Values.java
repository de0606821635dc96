package io.accessctl.lint.rules;

import io.accessctl.source.Bytes;
import java.util.ArrayList;
import java.util.List;

/** How sendmail's rule engine sees a value, for rules that judge values. */
public final class Values {
  private Values() {}

  /** The value without a trailing CR (a CRLF file) — sendmail's tokenizer drops it too. */
  public static String withoutCr(String value) {
    return value.endsWith("\r") ? value.substring(0, value.length() - 1) : value;
  }

  /**
   * Index of an inline comment: a {@code #} after white space, outside double quotes; -1 if none.
   * makemap keeps it in the value, so it is no comment at all.
   */
  public static int inlineComment(String value) {
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '#' && !quoted && i > 0 && Bytes.isSpace(value.charAt(i - 1))) {
        return i;
      }
    }
    return -1;
  }

  /** The value as the writer meant it: without an inline comment and surrounding blanks. */
  public static String intended(String value) {
    int c = inlineComment(value);
    String v = c < 0 ? value : value.substring(0, c);
    return v.strip();
  }

  /** White-space separated words, CR and blanks dropped. */
  public static List<String> words(String value) {
    List<String> out = new ArrayList<>();
    for (String w : withoutCr(value).trim().split("[ \\t\\u000b\\f\\r]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** The value shown to people, quoted. */
  public static String quote(String latin1) {
    return "\"" + Bytes.display(latin1) + "\"";
  }
}
