package io.accessctl.lint.rules;

import io.accessctl.lint.Needs;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/**
 * AC211: an IP key for Clt_Features on sendmail 8.17.2 and later, where clt_features looks up
 * only the server's name. Needs the cf (which says the version and which rules are in force).
 */
public final class IpKeyForNameOnlyTag extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC211", "ip-key-name-only", Severity.WARNING,
      "an IP address key for Clt_Features, which sendmail 8.17.2+ looks up only by name",
      """
      From sendmail 8.17.2 on, the clt_features ruleset runs before the connection is made and
      gets only the name of the server sendmail is about to deliver to: it walks that name and
      then the bare default Clt_Features:, with no address lookup. An address key is never looked
      up. (8.17.1 looked up the inbound client's name and address instead — see AC403.) For a
      destination written as a literal address ([192.0.2.1] in a mailertable or as the smart
      host) the name is the bracketed address. Checked only with --cf.

      Wrong (8.17.2 and later):
        Clt_Features:192.0.2.25 M
      Right:
        Clt_Features:mx.example.com M
        Clt_Features:[192.0.2.25] M
      """);

  static final String BY_SERVER_SINCE = "8.17.2";

  @Override
  public Needs needs() {
    return Needs.tags("Clt_Features").withCf();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    if (ctx.cf().isEmpty() || !k.is("Clt_Features") || !isAddress(k)) {
      return;
    }
    boolean byServer = ctx.cf().get().has(Feature.CLT_FEATURES_BY_SERVER)
        || versionAtLeast(ctx.sendmailVersion(), BY_SERVER_SINCE);
    if (!byServer) {
      return;
    }
    out.add(INFO, k.entry(), k.subjectColumn(), "from sendmail " + BY_SERVER_SINCE + " on,"
        + " clt_features looks up only the name of the server it delivers to (its address is not"
        + " known yet), so the address key " + k.shown() + " is dead; key it by the server's host"
        + " name, or write " + plain(k.with("[" + k.subject() + "]")) + " for a destination given"
        + " as a literal address");
  }
}
