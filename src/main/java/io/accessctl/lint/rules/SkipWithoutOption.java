package io.accessctl.lint.rules;

import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/** AC306: SKIP while the cf's access_db lacks the skip option (needs --cf). */
public final class SkipWithoutOption extends SkipValue.SkipRule {
  static final RuleInfo INFO = new RuleInfo("AC306", "skip-without-option", Severity.ERROR,
      "SKIP while FEATURE(access_db) has no skip option",
      """
      SKIP ends a domain or address walk only when the rulesets were built with
      FEATURE(`access_db', `hash -T<TMPF> /etc/mail/access', `skip') (Debian's are). Without the
      option SKIP is an ordinary value: Connect, From and To reject with the text "SKIP", and other
      tags read it as letters, as the number 0 or as nothing. Checked only with --cf.

      Wrong (cf without the skip option):
        Connect:good.bad.example SKIP
      Right:
        FEATURE(`access_db', `hash -T<TMPF> -o /etc/mail/access', `skip') in sendmail.mc, or
        Connect:good.bad.example OK
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public boolean consultsCf() {
    return true;
  }

  @Override
  protected void checkSkip(Value v, SkipValue.Place place, LintContext ctx, Findings out) {
    CfFile cf = ctx.cf().orElse(null);
    if (cf == null || cf.has(Feature.SKIP) || place != SkipValue.Place.WALK) {
      return;
    }
    SkipValue.Effect effect = SkipValue.asPlainValue(v);
    out.add(INFO, effect.severity(), v.entry(), v.column(), "SKIP needs "
        + "FEATURE(access_db) with the skip option, which the cf lacks: " + effect.effect()
        + "; add the option to sendmail.mc or write another value",
        false);
  }
}
