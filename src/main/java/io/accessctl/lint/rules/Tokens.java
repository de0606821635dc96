package io.accessctl.lint.rules;

import io.accessctl.lint.rules.Prescan.Token;
import io.accessctl.source.Entry;
import java.util.List;

/** Questions the AC4xx rules ask of a value, answered on sendmail's own tokens ({@link Prescan}). */
final class Tokens {
  private Tokens() {}

  /** True when the value is the single token {@code word}, in any case ({@code NO}, {@code no }). */
  static boolean isOnly(String value, String word) {
    if (isAlphanumeric(value)) {
      return value.equalsIgnoreCase(word); // letters and digits alone make one atom: the value
    }
    List<Token> t = Prescan.tokens(value);
    return t.size() == 1 && t.get(0).is(word);
  }

  /** {@link #isOnly(String, String)} for an entry's value, answered from its bytes when it can. */
  static boolean isOnly(Entry e, String word) {
    if (e.valueIsAlphanumeric()) {
      return e.valueIs(word); // letters and digits alone make one atom: the value
    }
    return isOnly(e.value(), word);
  }

  /** Non-empty, and only ASCII letters and digits. */
  private static boolean isAlphanumeric(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Ascii.isLetter(c) && !Ascii.isDigit(c)) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  /**
   * The letters Srv_Features / Clt_Features take from a value: the first character of each token
   * (srvrsmtp.c srvfeatures, deliver.c cltfeatures).
   */
  static String featureLetters(String value) {
    StringBuilder letters = new StringBuilder();
    for (Token t : Prescan.tokens(value)) {
      letters.append(t.text().charAt(0));
    }
    return letters.toString();
  }

  /** The first token starts with "temp" in any case: a temporary failure, not flags. */
  static boolean isTempFail(String value) {
    List<Token> t = Prescan.tokens(value);
    return !t.isEmpty() && t.get(0).text().regionMatches(true, 0, "temp", 0, 4);
  }

  /** True when some token has more than one character and starts with {@code c}. */
  static boolean hasWordStartingWith(String value, char c) {
    return Prescan.tokens(value).stream()
        .anyMatch(t -> t.text().length() > 1 && t.text().charAt(0) == c);
  }
}
