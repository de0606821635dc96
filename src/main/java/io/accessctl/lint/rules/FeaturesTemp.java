package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.Prescan.Token;
import java.util.List;

/** AC303: a Srv_Features / Clt_Features value whose first word starts with "temp". */
public final class FeaturesTemp extends FeatureLetters.LetterRule {
  static final RuleInfo INFO = new RuleInfo("AC303", "features-temp", Severity.ERROR,
      "a Srv_Features or Clt_Features value that starts with temp",
      """
      When the first word of a Srv_Features or Clt_Features value starts with "temp" (any case:
      temp, TEMPFAIL, Temporary), sendmail ignores every letter and fails temporarily instead: as a
      server it answers every command of the matching clients with "450 4.3.0 Please try again
      later." for the whole session; as a client it skips the matching server ("clt_features=
      TEMPFAIL") and the mail stays queued. A word such as "TLS" or "temp-off" written first by
      mistake has the same effect. If a temporary failure is really wanted, suppress this rule for
      the entry.

      Wrong:
        Srv_Features:10.1 temporarily S
      Right:
        Srv_Features:10.1 S
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(Value v, List<Token> tokens, boolean temp, SendmailBuild build,
      Findings out) {
    if (!temp) {
      return;
    }
    String first = Values.quote(tokens.get(0).text());
    String effect = FeatureLetters.isClient(v.tag())
        ? "sendmail does not deliver to " + v.subject("any server")
            + " at all (clt_features=TEMPFAIL) and the mail stays queued"
        : "sendmail answers every command of " + v.subject("every client")
            + " with 450 4.3.0 for the whole session";
    String rest = tokens.size() > 1 ? " and ignores the letters after it" : "";
    out.add(INFO, v.entry(), v.column(), "first word " + first + " starts with temp: " + effect
        + rest + "; remove it (or suppress AC303 if a temporary failure is what you want)");
  }
}
