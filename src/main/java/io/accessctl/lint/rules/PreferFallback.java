package io.accessctl.lint.rules;

import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.lint.EntriesByTag;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;

/** AC406: a growing list of Try_TLS:host NO where sendmail could fall back to clear text itself. */
public final class PreferFallback extends ConfigRule {
  /** From this many per-server Try_TLS NO entries on, the option is worth a thought. */
  static final int THRESHOLD = 3;

  static final RuleInfo INFO = new RuleInfo("AC406", "prefer-fallback", Severity.INFO,
      "several Try_TLS NO entries where sendmail 8.16.1+ could fall back to clear text itself",
      """
      Each Try_TLS:host NO is usually added after a "TLS handshake failed" deferral, one broken
      server at a time, and stays forever: STARTTLS is then never tried with that server again,
      even after it is fixed. Since 8.16.1 sendmail can do this by itself: with
      define(`confTLS_FALLBACK_TO_CLEAR', `true') in sendmail.mc it retries a server whose TLS
      handshake fails once more without STARTTLS, at once, and still uses TLS with everybody
      else. Per server the same is TLS_Clt_Features:host Flags=C with
      FEATURE(`tls_session_features'). Keep TLS requirements (TLS_Srv:) temporary with fallback on.

      Wrong (a list that only grows):
        Try_TLS:mx1.broken.example NO
        Try_TLS:mx2.broken.example NO
        Try_TLS:mail.old.example NO
      Right (sendmail.mc):
        define(`confTLS_FALLBACK_TO_CLEAR', `true')dnl
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(CfFile cf, LintContext ctx, Findings out) {
    if (!cf.versionAtLeast("8.16.1") || cf.has(Feature.TLS_FALLBACK_TO_CLEAR)) {
      return;
    }
    Entry first = null;
    int count = 0;
    for (Entry e : EntriesByTag.of(ctx).tagged("Try_TLS")) {
      if (!e.hasEmptySubject() && Values.isOnly(e, "NO")) {
        first = first == null ? e : first;
        count++;
      }
    }
    if (count >= THRESHOLD) {
      out.add(INFO, first, first.keyColumn(), count + " Try_TLS:host NO entries turn"
          + " STARTTLS off for good for each of these servers; sendmail " + cf.version()
          + " can instead retry without TLS only when a handshake really fails: consider"
          + " define(`confTLS_FALLBACK_TO_CLEAR', `true') in sendmail.mc (or"
          + " TLS_Clt_Features:host Flags=C per server) and removing these entries");
    }
  }
}
