package io.accessctl.lint.rules;

import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.Needs;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/** AC207: an IPv6 group with leading zeros, which sendmail never writes. */
public final class Ipv6LeadingZero extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC207", "ipv6-leading-zero", Severity.ERROR,
      "an IPv6 key group with leading zeros",
      """
      sendmail writes each IPv6 group without leading zeros (IPv6:2001:db8:0:0:0:0:0:1; a client
      on ::1 is looked up as IPv6:0:0:0:0:0:0:0:1), and compares keys byte for byte. A group
      written with leading zeros — as in cf/README's own example IPv6:2002:c0a8:02c7 — never
      matches, so the entry is dead.

      Wrong:
        Connect:IPv6:2001:0db8:0000:0000:0000:0000:0000:0001 REJECT
      Right:
        Connect:IPv6:2001:db8:0:0:0:0:0:1 REJECT
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.looksUpAddresses() || t.looksUpNames()).andUntagged()
        .keyHolding(ByteClasses.IPV6);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    if (!mayBeIpv6Key(k.subject())) {
      return;
    }
    Bare b = unbracketed(k);
    String groups = ipv6Groups(b.text());
    if (groups == null || !(k.addresses() || k.names())) {
      return;
    }
    int start = 0;
    for (String g : groups.split(":", -1)) {
      if (g.length() > 1 && g.charAt(0) == '0' && g.matches("(?i)[0-9a-f]+")) {
        String fix = "write " + plain(k.with(b.rewrap(addressKey(b.text(), ctx))));
        out.add(INFO, k.entry(), k.column(b.offset() + IPV6.length() + 1 + start), "IPv6 group "
            + Values.quote(g) + " has a leading zero, but sendmail writes IPv6 groups without"
            + " leading zeros, so key " + k.shown() + " never matches; " + fix);
        return;
      }
      start += g.length() + 1;
    }
  }
}
