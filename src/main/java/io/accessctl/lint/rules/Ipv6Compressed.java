package io.accessctl.lint.rules;

import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.Needs;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.util.List;

/**
 * AC206: an IPv6 key in {@code ::} form while sendmail writes full addresses (Debian's default),
 * or, with a cf that sets UseCompressedIPv6Addresses, one not in the {@code ::} form sendmail
 * then writes. A warning without a cf (the cf decides), an error with one.
 */
public final class Ipv6Compressed extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC206", "ipv6-compressed", Severity.WARNING,
      "an IPv6 key with '::' while sendmail writes IPv6 addresses in full",
      """
      Since 8.15.1 sendmail writes IPv6 addresses in full, eight groups without leading zeros and
      without '::' (IPv6:0:0:0:0:0:0:0:1 for ::1), unless sendmail.cf sets
      UseCompressedIPv6Addresses=true. Its address walk then strips one group at a time. A key
      with '::' never equals any of those lookups: Debian's own Connect:IPv6:::1 RELAY (and the
      GreetPause, ClientRate and ClientConn lines beside it) never match a client on ::1. With
      UseCompressedIPv6Addresses set, it is the other way round: addresses are written as
      inet_ntop does (IPv6:2001:db8::1), and full forms are dead. A '::' key is a warning, also
      with a cf that confirms it is dead: Debian ships such lines, and lint must not fail the
      stock file; with --fail-level warning it blocks.

      Wrong:
        Connect:IPv6:::1 RELAY
      Right:
        Connect:IPv6:0:0:0:0:0:0:0:1 RELAY
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
  public boolean consultsCf() {
    return true;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    if (!mayBeIpv6Key(k.subject())) {
      return;
    }
    Bare b = unbracketed(k);
    String groups = ipv6Groups(b.text());
    if (groups == null || !(k.addresses() || k.names()) || groups.matches(".*[/*-].*")) {
      return; // not IPv6, or a CIDR, wildcard or range (AC208)
    }
    int at = groups.indexOf("::");
    int column = k.column(b.offset() + IPV6.length() + 1 + Math.max(at, 0));
    if (compressedIpv6(ctx)) {
      compressedCf(k, b, groups, column, out);
      return;
    }
    if (at < 0) {
      return;
    }
    String full = canonicalIpv6(groups, false);
    String network = "";
    if (groups.endsWith("::") && groups.length() > 2 && !b.bracketed()) {
      String prefix = canonicalIpv6(groups.substring(0, groups.length() - 2), false);
      if (prefix != null) { // 2001:db8:: is meant as a network: its prefix key matches it
        full = prefix;
        network = " for the network " + groups + "/" + 16 * prefix.split(":").length;
      }
    }
    String cf = ctx.cf().isPresent()
        ? "and this cf does not set it" : "(Debian's does not; pass --cf to be sure)";
    out.add(INFO, Severity.WARNING, k.entry(), column, "key " + k.shown() + " uses the compressed"
        + " IPv6 form '::', but sendmail looks IPv6 addresses up in full form (eight groups, e.g."
        + " IPv6:0:0:0:0:0:0:0:1) unless sendmail.cf sets UseCompressedIPv6Addresses " + cf
        + ", so this entry never matches; " + (full == null ? "write the address in full"
            : "write " + plain(k.with(b.rewrap(IPV6 + ":" + full))) + network), false);
  }

  private void compressedCf(Key k, Bare b, String groups, int column, Findings out) {
    List<Integer> parsed = parseIpv6(groups);
    if (parsed == null || (parsed.size() < 8 && !groups.contains("::"))) {
      return; // a network prefix: the same in both forms
    }
    String canonical = canonicalIpv6(groups, true);
    if (withoutLeadingZeros(groups).equalsIgnoreCase(canonical)) {
      return; // right, or only leading zeros wrong (AC207)
    }
    out.add(INFO, Severity.ERROR, k.entry(), column, "this cf sets"
        + " UseCompressedIPv6Addresses, so sendmail writes this address as IPv6:" + canonical
        + " and key " + k.shown() + " never matches; write "
        + plain(k.with(b.rewrap(IPV6 + ":" + canonical))), false);
  }

  private static String withoutLeadingZeros(String groups) {
    return groups.replaceAll("(?i)(?<![0-9a-f])0+(?=[0-9a-f])", "");
  }
}
