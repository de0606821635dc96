package io.accessctl.lint.rules;

import io.accessctl.cf.CfFile;
import io.accessctl.cf.McFile;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Rule;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/** AC407: FEATURE(tls_failures) in the .mc beside the cf. */
public final class TlsFailuresFeature implements Rule {
  static final RuleInfo INFO = new RuleInfo("AC407", "tls-failures-feature", Severity.WARNING,
      "sendmail.mc still has FEATURE(`tls_failures'), which was removed",
      """
      FEATURE(`tls_failures') is gone since sendmail 8.16.1: the file left in place only makes m4
      print "*** ERROR: FEATURE(tls_failures) has been replaced by confTLS_FALLBACK_TO_CLEAR"
      and set that option, so every sendmailconfig run reports an error and readers of the .mc
      believe in a per-message failure tracking that no longer exists. Say what it does. This
      check reads the .mc beside the cf (NAME.mc or sendmail.mc) and is skipped without one.

      Wrong (sendmail.mc):
        FEATURE(`tls_failures')dnl
      Right:
        define(`confTLS_FALLBACK_TO_CLEAR', `true')dnl
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
    McFile.Call call = cf == null ? null
        : cf.mc().flatMap(mc -> mc.feature("tls_failures")).orElse(null);
    if (call != null) {
      out.addFileLevel(INFO, INFO.severity(), cf.mc().get().path() + ":" + call.line() + ": "
          + call.text() + " was removed in sendmail 8.16.1: m4 only reports an error and sets"
          + " TLSFallbacktoClear for every server; replace the line with"
          + " define(`confTLS_FALLBACK_TO_CLEAR', `true')dnl");
    }
  }
}
