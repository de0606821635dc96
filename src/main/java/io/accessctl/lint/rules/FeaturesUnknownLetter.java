package io.accessctl.lint.rules;

import io.accessctl.catalog.Flag;
import io.accessctl.catalog.Tag;
import io.accessctl.lint.Findings;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.Prescan.Token;
import java.util.List;

/**
 * AC304: a Srv_Features / Clt_Features letter that this sendmail does not know, so ignores. Words
 * longer than one character are AC302's (its message says what their first character does).
 */
public final class FeaturesUnknownLetter extends FeatureLetters.LetterRule {
  static final RuleInfo INFO = new RuleInfo("AC304", "features-unknown-letter", Severity.WARNING,
      "a Srv_Features or Clt_Features letter that this sendmail ignores",
      """
      sendmail looks each letter up in a table compiled into the binary and silently ignores
      letters it does not find (logged only at LogLevel 10 and up). The table depends on the
      version and on the build: Srv_Features F, G, O and U exist from 8.18.1 on; I (SMTPUTF8) only
      in builds with USE_EAI, which Debian's is not; Clt_Features D (no DANE) only in builds with
      DANE, which Debian's is not. Clt_Features letters only turn features off and are upper case:
      a lower-case letter there does nothing. The version is taken from --cf, else 8.17.1.9.

      Wrong (Debian 12, sendmail 8.17.1.9):
        Srv_Features:10.1 I
        Clt_Features:relay.example m
      Right:
        Clt_Features:relay.example M
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(Value v, List<Token> tokens, boolean temp, SendmailBuild build,
      Findings out) {
    for (Token t : temp ? List.<Token>of() : FeatureLetters.letters(tokens)) {
      char c = t.text().charAt(0);
      if (FeatureLetters.status(v.tag(), c, build) != FeatureLetters.Status.KNOWN) {
        out.add(INFO, v.entry(), v.columnOf(t), new Letter(v.tag(), c, build),
            FeaturesUnknownLetter::message);
      }
    }
  }

  /**
   * What the message depends on: a large map repeats one ignored letter on thousands of lines.
   * The tag and the build are the file's own, compared as such.
   */
  private record Letter(Tag tag, char c, SendmailBuild build) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Letter l && l.tag == tag && l.c == c && l.build == build;
    }

    @Override
    public int hashCode() {
      return tag.name().hashCode() * 31 + c;
    }
  }

  private static String message(Letter l) {
    return "letter '" + l.c() + "' " + why(l.tag(), l.c(), l.build());
  }

  /** Why sendmail ignores the letter, or null when it does not. */
  static String why(Tag tag, char c, SendmailBuild build) {
    Flag f = FeatureLetters.flag(tag, c).orElse(null);
    return switch (FeatureLetters.status(tag, c, build)) {
      case KNOWN -> null;
      case LOWER_CASE_CLIENT -> {
        char upper = Character.toUpperCase(c);
        String upperWhy = why(tag, upper, build); // no suggestion of a letter this build ignores
        yield "does nothing: Clt_Features letters only turn features off and are upper case"
            + (upperWhy == null ? "; write " + upper + " to " + f.meaning()
                : ", and " + upper + " " + upperWhy);
      }
      case UNKNOWN -> "is not a " + tag.name() + " letter, so sendmail ignores it; see "
          + "'accessctl explain AC304' for the letters";
      case LATER_VERSION -> "is new in sendmail " + f.since() + " (" + f.meaning()
          + "); sendmail " + build.version() + " ignores it";
      case NOT_IN_BUILD -> "needs a sendmail built with " + f.condition() + " (" + f.meaning()
          + "); sendmail " + build.describe() + " is not, so it ignores the letter";
    };
  }
}
