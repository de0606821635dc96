package io.accessctl.lint.rules;

import io.accessctl.catalog.Tag;
import io.accessctl.lint.Findings;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.Prescan.Token;
import java.util.List;

/** AC302: a Srv_Features / Clt_Features word longer than one character; only its first counts. */
public final class FeaturesMultiCharToken extends FeatureLetters.LetterRule {
  static final RuleInfo INFO = new RuleInfo("AC302", "features-multichar-token", Severity.ERROR,
      "a Srv_Features or Clt_Features word longer than one letter",
      """
      srv_features and clt_features take only the first character of every word of the value:
      "AP" turns off AUTH and leaves PIPELINING on, "nodsn" is the letter n (which withdraws
      PIPELINING on Debian) and not "no DSN", and a quoted "A P" is one word whose first character
      is the quote, so nothing at all applies. Write one letter per word, separated by blanks.

      Wrong:
        Srv_Features:192.168.1 AP
        Srv_Features:192.168.1 "A P"
      Right:
        Srv_Features:192.168.1 A P
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(Value v, List<Token> tokens, boolean temp, SendmailBuild build,
      Findings out) {
    for (int i = temp ? 1 : 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.text().length() > 1) {
        out.add(INFO, v.entry(), v.columnOf(t), new Word(v.tag(), t.text(), t.isQuoted(), build),
            FeaturesMultiCharToken::message);
      }
    }
  }

  /**
   * What the message depends on: a large map repeats one word on many lines. The tag and the
   * build are the file's own, compared as such.
   */
  private record Word(Tag tag, String text, boolean quoted, SendmailBuild build) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Word w && w.tag == tag && w.text.equals(text) && w.quoted == quoted
          && w.build == build;
    }

    @Override
    public int hashCode() {
      return text.hashCode() * 31 + tag.name().hashCode();
    }
  }

  private static String message(Word w) {
    String text = w.text();
    String word = Values.quote(text);
    char first = text.charAt(0);
    if (w.quoted()) {
      return "word " + word + " is quoted: sendmail takes only its first character, the quote, "
          + "which is no feature letter, so nothing in it applies; remove the quotes";
    }
    String rest = text.substring(1);
    String counts = "word " + word + " counts only as " + FeatureLetters.describe(w.tag(), first)
        + "; sendmail ignores \"" + rest + "\"";
    if (text.regionMatches(true, 0, "temp", 0, 4)) {
      return counts + " (temp means a temporary failure only as the first word); "
          + "remove it or move it to the front";
    }
    boolean letters = true;
    StringBuilder spaced = new StringBuilder(2 * text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      letters &= FeatureLetters.status(w.tag(), c, w.build()) == FeatureLetters.Status.KNOWN;
      spaced.append(i == 0 ? "" : " ").append(c);
    }
    return counts + (letters ? "; write one letter per word: " + spaced
        : "; write one letter per word");
  }
}
