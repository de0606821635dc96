package io.accessctl.lint.rules;

import io.accessctl.lint.Needs;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.util.regex.Pattern;

/** AC210: a host-name key for a tag looked up only by address (ClientRate, ClientConn). */
public final class HostKeyForAddressOnlyTag extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC210", "host-key-ip-only-tag", Severity.ERROR,
      "a host-name key for a tag that sendmail looks up only by IP address",
      """
      ratecontrol and conncontrol look up ClientRate and ClientConn with the client's IP address
      (1.2.3.4, 1.2.3, 1.2, 1; IPv6 group by group) and then the bare default ClientRate: —
      never with its host name. A key with a name (localhost, mx.example.com) or a bracketed
      name ([192.0.2.1]) is never looked up, so the client gets the default limit instead.

      Wrong:
        ClientRate:localhost 0
      Right:
        ClientRate:127.0.0.1 0
      """);

  /** Address-like text, even when malformed (CIDR, wildcards, ranges: AC208's business). */
  private static final Pattern ADDRESS_LIKE = Pattern.compile("[0-9./*-]+");

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.looksUpAddresses() && !t.looksUpNames());
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    String s = k.subject();
    if (k.tag() == null || !k.addresses() || k.names() || s.isEmpty()
        || isAddress(s) || ADDRESS_LIKE.matcher(s).matches() || isIpv6Literal(s)) {
      return;
    }
    String tag = k.tag().name();
    String inside = insideBrackets(s);
    String instead;
    if (s.equalsIgnoreCase("localhost")) {
      instead = "write " + plain(k.with("127.0.0.1")) + " (and "
          + plain(k.with("IPv6:0:0:0:0:0:0:0:1")) + " for ::1)";
    } else if (inside != null && isAddress(inside)) {
      instead = "write " + plain(k.with(inside));
    } else {
      instead = "key it by the client's address or network, e.g. " + plain(k.with("192.0.2"));
    }
    out.add(INFO, k.entry(), k.subjectColumn(), tag + " is looked up only with the client's IP"
        + " address (then the bare default " + plain(k.with("")) + "), never with a host name,"
        + " so key " + k.shown() + " is dead; " + instead);
  }
}
