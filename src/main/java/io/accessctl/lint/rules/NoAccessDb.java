package io.accessctl.lint.rules;

import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Rule;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/** AC401: the cf has no access map, so no entry of the file is ever looked up. */
public final class NoAccessDb implements Rule {
  static final RuleInfo INFO = new RuleInfo("AC401", "no-access-db", Severity.ERROR,
      "the sendmail.cf has no access map, so nothing in this file is used",
      """
      sendmail reads the access map only when sendmail.cf declares it (a "Kaccess" line) and its
      rulesets look keys up in it; both come from FEATURE(`access_db') in sendmail.mc. Without it
      the rulesets are generated without any access lookups: every entry in the file, however
      correct, has no effect, and so have greet_pause, ratecontrol and conncontrol limits.

      Wrong (sendmail.mc):
        FEATURE(`greet_pause', `1000')dnl
      Right (sendmail.mc, then rebuild sendmail.cf):
        FEATURE(`access_db', , `skip')dnl
        FEATURE(`greet_pause', `1000')dnl
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
  public void check(LintContext ctx, Findings out) {
    CfFile cf = ctx.cf().orElse(null);
    int entries = ctx.source().entries().size();
    if (cf == null || cf.has(Feature.ACCESS_DB) || entries == 0) {
      return;
    }
    String why = cf.accessMap().isEmpty()
        ? ConfigRule.name(cf) + " has no Kaccess line (FEATURE(`access_db') is not in its .mc)"
        : ConfigRule.name(cf) + " declares the access map but none of its rulesets looks"
            + " anything up in it";
    out.addFileLevel(INFO, INFO.severity(), why + ", so sendmail never reads this map: none of its "
        + entries + (entries == 1 ? " entry has" : " entries have") + " any effect; add"
        + " FEATURE(`access_db', , `skip')dnl to sendmail.mc before the other FEATUREs and rebuild"
        + " sendmail.cf (Debian: sendmailconfig, or make -C /etc/mail)");
  }
}
