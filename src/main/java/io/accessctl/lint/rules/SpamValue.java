package io.accessctl.lint.rules;

import io.accessctl.lint.Needs;
import io.accessctl.catalog.ValueKind;
import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/** AC319: a Spam value other than FRIEND or HATER, or one the cf's delay_checks mode ignores. */
public final class SpamValue extends ValueRule {
  static final RuleInfo INFO = new RuleInfo("AC319", "spam-value", Severity.WARNING,
      "a Spam value that is not FRIEND or HATER, or not the cf's delay_checks mode",
      """
      Spam: entries are read by FEATURE(delay_checks, friend) or FEATURE(delay_checks, hater).
      In friend mode only FRIEND does something (the recipient is exempt from the sender and
      client checks); in hater mode only HATER (the checks apply only to that recipient). Any
      other value, or the keyword of the other mode, is found and ignored. With --cf the mode is
      checked too (Debian's cf uses friend).

      Wrong:
        Spam:abuse@ YES
      Right:
        Spam:abuse@ FRIEND
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.value() == ValueKind.SPAM).withTokens().sameForSameValue();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public boolean consultsCf() {
    return true;
  }

  /** True when the cf's delay_checks mode reads only the other of FRIEND and HATER. */
  static boolean ignoredByMode(String word, LintContext ctx) {
    CfFile cf = ctx.cf().orElse(null);
    if (cf == null) {
      return false;
    }
    boolean friend = cf.has(Feature.DELAY_CHECKS_FRIEND);
    boolean hater = cf.has(Feature.DELAY_CHECKS_HATER);
    return (word.equals("FRIEND") && hater && !friend) || (word.equals("HATER") && friend && !hater);
  }

  @Override
  protected void check(Value v, LintContext ctx, Findings out) {
    if (!v.is(ValueKind.SPAM)) {
      return;
    }
    String word = v.singleWord();
    if (!word.equals("FRIEND") && !word.equals("HATER")) {
      // the word the cf's mode reads first, so that the suggestion works as written
      String first = ignoredByMode("FRIEND", ctx) ? "HATER (delay_checks hater) or FRIEND "
          + "(delay_checks friend)" : "FRIEND (delay_checks friend) or HATER (delay_checks hater)";
      out.add(INFO, v.entry(), v.column(), "value " + v.quoted() + " is neither FRIEND nor "
          + "HATER, so sendmail ignores the entry; write " + first);
      return;
    }
    if (ignoredByMode(word, ctx)) {
      String mode = ctx.cf().orElseThrow().has(Feature.DELAY_CHECKS_FRIEND) ? "friend" : "hater";
      out.add(INFO, v.entry(), v.column(), word + " does nothing: the cf uses delay_checks in "
          + mode + " mode, which reads only " + mode.toUpperCase(java.util.Locale.ROOT)
          + "; write " + mode.toUpperCase(java.util.Locale.ROOT) + " or change the feature");
    }
  }
}
