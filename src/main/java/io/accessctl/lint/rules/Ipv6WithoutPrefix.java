package io.accessctl.lint.rules;

import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.Needs;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/** AC205: an IPv6 address key without the {@code IPv6:} prefix sendmail writes. */
public final class Ipv6WithoutPrefix extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC205", "ipv6-no-prefix", Severity.ERROR,
      "an IPv6 address key without the IPv6: prefix",
      """
      sendmail writes an IPv6 client or server address as 'IPv6:' followed by its groups
      ({client_addr} is IPv6:2001:db8:0:0:0:0:0:1), and its address walk strips one group at a
      time down to 'IPv6'. A key holding the bare address (2001:db8::1) never equals any of those
      lookups, so the entry is dead. Bracketed names of unresolved clients look the same:
      [IPv6:2001:db8:0:0:0:0:0:1].

      Wrong:
        Connect:2001:db8::1 REJECT
      Right:
        Connect:IPv6:2001:db8:0:0:0:0:0:1 REJECT
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.looksUpAddresses() || t.looksUpNames()).andUntagged()
        .keyHolding(ByteClasses.TWO_COLONS);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    if (k.subject().indexOf(':') < 0) {
      return; // an IPv6 literal has colons
    }
    Bare b = unbracketed(k);
    if (!(k.addresses() || k.names()) || !isIpv6Literal(b.text())) {
      return;
    }
    String fix = k.with(b.rewrap(addressKey(b.text(), ctx)));
    out.add(INFO, k.entry(), k.column(b.offset()), "IPv6 key " + Values.quote(b.text())
        + " lacks the IPv6: prefix: sendmail looks IPv6 addresses up as IPv6:…, so this key never"
        + " matches; write " + plain(fix));
  }
}
