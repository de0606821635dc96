package io.accessctl.lint.rules;

import io.accessctl.catalog.TlsRequirement;
import io.accessctl.catalog.ValueKind;
import io.accessctl.cf.Feature;
import io.accessctl.lint.EntriesByTag;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Needs;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Bytes;
import io.accessctl.source.Entry;
import io.accessctl.tokens.Prescan;
import java.util.Optional;

/**
 * AC315: a PERM+ TLS requirement for servers sendmail may fall back to clear text with. After the
 * fallback tls_server runs again with {verify}=CLEAR, the requirement fails, and PERM+ turns that
 * into a bounce.
 */
public final class PermWithFallback extends ValueRule {
  static final RuleInfo INFO = new RuleInfo("AC315", "perm-with-fallback", Severity.WARNING,
      "a PERM+ TLS requirement where sendmail may fall back to clear text",
      """
      With TLSFallbacktoClear (confTLS_FALLBACK_TO_CLEAR) or a per-host TLS_Clt_Features Flags=C,
      a failed TLS handshake makes sendmail connect again without STARTTLS. tls_server then runs
      again with {verify}=CLEAR, and a requirement such as VERIFY fails. Without a prefix (or with
      TEMP+) the mail is deferred and retried; with PERM+ it bounces at once ("503 5.7.0 STARTTLS
      disabled locally") because of a handshake problem that may be gone in a minute. op.txt warns
      to use temporary errors together with fallback. Checked with --cf for the global option, and
      against TLS_Clt_Features entries of the same file for Flags=C.

      Wrong (with confTLS_FALLBACK_TO_CLEAR):
        TLS_Srv:bank.example PERM+VERIFY:128
      Right:
        TLS_Srv:bank.example VERIFY:128
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.value() == ValueKind.TLS_REQUIREMENT).withTokens();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public boolean consultsCf() {
    return true;
  }

  @Override
  protected void check(Value v, LintContext ctx, Findings out) {
    if (!v.is(ValueKind.TLS_REQUIREMENT) || v.tag().name().equals("TLS_Clt")) {
      return;
    }
    TlsRequirement r = TlsRequirement.parse(v.tokens());
    if (!r.isRequirement() || !r.prefix().equals("PERM")) {
      return;
    }
    String because = fallback(v, ctx);
    if (because != null) {
      out.add(INFO, v.entry(), v.column(), "PERM+ with " + because + ": when the handshake with "
          + v.subject("a server") + " fails, sendmail retries in clear text, the requirement "
          + "fails and the mail BOUNCES (503 5.7.0) instead of waiting for a retry; drop PERM+ "
          + "(write " + Values.quote(v.text().replaceFirst("(?i)^\\s*PERM\\s*\\+\\s*", "")) + ")");
    }
  }

  /** Why sendmail may fall back to clear text for this entry's servers, or null. */
  private static String fallback(Value v, LintContext ctx) {
    boolean global = ctx.cf().map(cf -> cf.has(Feature.TLS_FALLBACK_TO_CLEAR)).orElse(false);
    if (v.tag().name().equals("TLS_Rcpt")) {
      return global ? "TLSFallbacktoClear set in the cf" : null;
    }
    Optional<Entry> host = hostFeatures(v.entry(), ctx);
    String flags = host.map(e -> TlsSessionFeatures.parse(
        Prescan.tokens(Values.withoutCr(e.value()))).flags()).orElse("");
    if (flags.indexOf('c') >= 0) {
      return null;
    }
    if (flags.indexOf('C') >= 0) {
      return "Flags=C for it on line " + host.get().lineNumber() + " ("
          + Bytes.display(host.get().key()) + ")";
    }
    if (global) {
      return "TLSFallbacktoClear set in the cf";
    }
    if (v.entry().subject().isEmpty()) {
      return anyFlagC(ctx).map(e -> "Flags=C for " + Bytes.display(e.subject()) + " on line "
          + e.lineNumber()).orElse(null);
    }
    return null;
  }

  /**
   * The TLS_Clt_Features entry for this entry's server: the same key, else the nearest parent
   * domain (for a host name) or shorter address (for an address).
   */
  private static Optional<Entry> hostFeatures(Entry self, LintContext ctx) {
    String mine = Bytes.foldAscii(self.subject());
    Entry best = null;
    for (Entry e : EntriesByTag.of(ctx).tagged("TLS_Clt_Features")) {
      if (e.hasEmptySubject()) {
        continue;
      }
      String theirs = Bytes.foldAscii(e.subject());
      boolean applies = theirs.equals(mine) || TryTlsNotNo.covers(theirs, mine);
      if (applies && (best == null || theirs.length() > best.subject().length())) {
        best = e;
      }
    }
    return Optional.ofNullable(best);
  }

  private static Optional<Entry> anyFlagC(LintContext ctx) {
    return EntriesByTag.of(ctx).tagged("TLS_Clt_Features").stream()
        .filter(e -> TlsSessionFeatures.parse(Prescan.tokens(Values.withoutCr(e.value())))
            .flags().indexOf('C') >= 0)
        .findFirst();
  }
}
