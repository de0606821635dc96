package io.accessctl.lint.rules;

import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.Needs;
import io.accessctl.catalog.Tag;
import io.accessctl.lint.EntryRule;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;

/** AC404: the bare default Try_TLS: NO turns STARTTLS off for every server. */
public final class GlobalTryTlsNo extends EntryRule {
  static final RuleInfo INFO = new RuleInfo("AC404", "global-try-tls-no", Severity.WARNING,
      "bare Try_TLS: NO disables STARTTLS for all outbound mail",
      """
      try_tls looks up the server's name and its parent domains, then its address and the
      address prefixes, and last the bare key Try_TLS: as the default for every server. A bare
      Try_TLS: NO therefore sends all outgoing mail in clear text, to every server, including
      those that support STARTTLS perfectly well. Name the broken servers instead (the relay=
      host from the "TLS handshake failed" log line), or let sendmail 8.16.1+ fall back to clear
      text by itself with define(`confTLS_FALLBACK_TO_CLEAR', `true').

      Wrong:
        Try_TLS: NO
      Right:
        Try_TLS:mx.broken.example NO
      """);

  @Override
  public Needs needs() {
    return Needs.tags("Try_TLS").keyHolding(ByteClasses.ENDS_IN_COLON);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(Entry e, Tag tag, LintContext ctx, Findings out) {
    if (e.tagIs("Try_TLS") && e.hasEmptySubject()
        && Values.isOnly(e, "NO")) {
      out.add(INFO, e, e.keyColumn(), "the bare Try_TLS: key is the default for every server, so"
          + " NO here makes sendmail deliver all outgoing mail without STARTTLS; list only the"
          + " servers that fail (Try_TLS:mx.broken.example NO), or on sendmail 8.16.1+ use"
          + " define(`confTLS_FALLBACK_TO_CLEAR', `true')");
    }
  }
}
