package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.Prescan.Token;
import java.util.List;
import java.util.stream.Collectors;

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
        out.add(INFO, v.entry(), v.columnOf(t), message(v, t, build));
      }
    }
  }

  private static String message(Value v, Token t, SendmailBuild build) {
    String word = Values.quote(t.text());
    char first = t.text().charAt(0);
    if (t.isQuoted()) {
      return "word " + word + " is quoted: sendmail takes only its first character, the quote, "
          + "which is no feature letter, so nothing in it applies; remove the quotes";
    }
    String rest = t.text().substring(1);
    String counts = "word " + word + " counts only as " + FeatureLetters.describe(v.tag(), first)
        + "; sendmail ignores \"" + rest + "\"";
    if (t.text().regionMatches(true, 0, "temp", 0, 4)) {
      return counts + " (temp means a temporary failure only as the first word); "
          + "remove it or move it to the front";
    }
    boolean letters = t.text().chars().allMatch(c -> FeatureLetters.status(v.tag(), (char) c,
        build) == FeatureLetters.Status.KNOWN);
    return counts + (letters
        ? "; write one letter per word: " + t.text().chars()
            .mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining(" "))
        : "; write one letter per word");
  }
}
