package io.accessctl.lint.rules;

import io.accessctl.catalog.Flag;
import io.accessctl.lint.Findings;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.Prescan.Token;
import java.util.List;

/** AC305: a feature letter that works but that the documentation does not list. */
public final class FeaturesUndocumented extends FeatureLetters.LetterRule {
  static final RuleInfo INFO = new RuleInfo("AC305", "features-undocumented", Severity.INFO,
      "a Srv_Features or Clt_Features letter that works but is not documented",
      """
      Some letters are in sendmail's tables but not in op.txt or cf/README: Srv_Features R (an
      alias of V), H (HTTP commands), N (no PIPELINING, _FFR_NO_PIPE builds), I (SMTPUTF8, USE_EAI
      builds); Clt_Features S (no STARTTLS) and A (no AUTH). They work in the version checked, but
      may change or vanish without notice. Prefer the documented spelling where one exists (V for
      R), and keep a comment that says why the letter is there.

      Wrong:
        Srv_Features:10.1 R
      Right:
        Srv_Features:10.1 V
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
      Flag f = FeatureLetters.flag(v.tag(), c).orElse(null);
      if (f == null || f.documented()
          || FeatureLetters.status(v.tag(), c, build) != FeatureLetters.Status.KNOWN) {
        continue;
      }
      String instead = Character.toUpperCase(c) == 'R'
          ? "; write " + (Character.isUpperCase(c) ? "V" : "v") + ", the documented spelling"
          : "; keep a comment that says why it is there";
      out.add(INFO, v.entry(), v.columnOf(t), "letter '" + c + "' (" + f.meaning()
          + ") works in sendmail " + build.version() + " but is not documented and may change"
          + instead);
    }
  }
}
