package io.accessctl.lint.rules;

import io.accessctl.cf.CfFile;
import io.accessctl.lint.EntriesByTag;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;
import java.util.List;

/** AC409: Connect: OK/RELAY clients skip the checks the cf makes after the Connect: lookup. */
public final class ConnectOkBypass extends ConfigRule {
  static final RuleInfo INFO = new RuleInfo("AC409", "connect-ok-bypass", Severity.INFO,
      "Connect: OK or RELAY clients skip the rate limits and DNS blocklists that come later",
      """
      When the connection check finds OK or RELAY for a client (Connect: or an untagged key), it
      accepts the client and returns at once. Everything sendmail.cf checks after that lookup is
      skipped for that client: ratecontrol and conncontrol limits unless they were built with
      `nodelay' (and with them the ClientRate:/ClientConn: entries for such clients), DNS
      blocklists of FEATURE(`dnsbl') and FEATURE(`enhdnsbl'), FEATURE(`require_rdns'). For trusted
      hosts that is usually the point; if a limit must hold for them too, build it with
      `nodelay' (it then runs at connect time, before the lookup; needs delay_checks).

      Wrong (if 10.1.2.3 must stay limited; ratecontrol without nodelay):
        Connect:10 RELAY
        ClientRate:10.1.2.3 5
      Right (sendmail.mc):
        FEATURE(`ratecontrol', `nodelay', `terminate')dnl
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(CfFile cf, LintContext ctx, Findings out) {
    List<String> skipped = cf.skippedByConnectOk();
    if (skipped.isEmpty()) {
      return;
    }
    EntriesByTag byTag = EntriesByTag.of(ctx);
    List<Entry> ok = EntriesByTag.inFileOrder(byTag.tagged("Connect"), Precedence.untagged(ctx))
        .stream()
        .filter(e -> (Values.isOnly(e, "OK")
                || Values.isOnly(e, "RELAY")))
        .toList();
    if (ok.isEmpty()) {
      return;
    }
    Entry first = ok.get(0);
    String more = ok.size() == 1 ? "" : " (and the clients of " + (ok.size() - 1) + " more OK/RELAY"
        + (ok.size() == 2 ? " entry" : " entries") + ")";
    out.add(INFO, first, first.keyColumn(), "an OK or RELAY answer to the connection check"
        + " returns at once, so for " + Values.quote(first.key()) + more + " sendmail skips "
        + joinAnd(skipped) + ", which " + name(cf) + " checks only after the Connect:"
        + " lookup; if that is not intended, build the limits with `nodelay' or remove the entry");
  }
}
