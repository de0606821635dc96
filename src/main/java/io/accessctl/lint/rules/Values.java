package io.accessctl.lint.rules;

import io.accessctl.source.Bytes;
import io.accessctl.source.Entry;
import io.accessctl.tokens.Prescan;
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
    if (value.indexOf('#') < 0) {
      return -1;
    }
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
    // split("[ \\t\\u000b\\f\\r]+") by hand: that regex was compiled on every call, and many
    // rules ask for the words of every value they judge
    String v = withoutCr(value).trim();
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= v.length(); i++) {
      boolean blank = i == v.length() || isWordBreak(v.charAt(i));
      if (blank && start >= 0) {
        out.add(v.substring(start, i));
        start = -1;
      } else if (!blank && start < 0) {
        start = i;
      }
    }
    return out;
  }

  /**
   * {@code words(value)}'s first word, "" when it has none, without cutting out the others: some
   * key rules ask it of every value of a tag (To: REJECT, Connect: RELAY).
   */
  public static String firstWord(String value) {
    String v = withoutCr(value).trim(); // as words() does: v starts with a word, if any
    int end = 0;
    while (end < v.length() && !isWordBreak(v.charAt(end))) {
      end++;
    }
    return v.substring(0, end);
  }

  private static boolean isWordBreak(char c) {
    return c == ' ' || c == '\t' || c == '\u000b' || c == '\f' || c == '\r';
  }

  /** The value shown to people, quoted. */
  public static String quote(String latin1) {
    return "\"" + Bytes.display(latin1) + "\"";
  }

  /**
   * {@link Prescan#isOnly} for an entry's value, answered from the line's bytes where the value is
   * letters and digits only (one atom, the value itself).
   */
  static boolean isOnly(Entry e, String word) {
    return e.valueIsAlphanumeric() ? e.valueIs(word) : Prescan.isOnly(e.value(), word);
  }
}
