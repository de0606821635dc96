package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Needs;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/** AC224: {@code Connect:172 RELAY} lets all of 172.0.0.0/8 relay, not just 172.16.0.0/12. */
public final class PublicRelayPrefix extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC224", "relay-public-prefix", Severity.WARNING,
      "RELAY for a /8 or /16 network prefix that covers public addresses",
      """
      An address key is an octet prefix: 'Connect:172' matches every client whose address starts
      with 172., all of 172.0.0.0/8 — not the private 172.16.0.0/12, most of 172/8 is public
      address space. RELAY on such a key lets every host in the range send mail anywhere through
      this server: an open relay for millions of addresses. The private ranges are 10 (10/8),
      172.16 to 172.31 (172.16/12) and 192.168 (192.168/16); write one key per network you own.
      Prefixes of three octets (a /24) are not reported: that is the usual size of a site's own
      public network.

      Wrong:
        Connect:172 RELAY
        Connect:192 RELAY
      Right:
        Connect:172.16 RELAY
        Connect:192.168 RELAY
      """);

  /** IPv4 ranges no public client comes from, as {first, last}: this network, private,
   * loopback, shared (RFC 6598), link-local. */
  private static final long[][] NOT_PUBLIC = {
    range(0, 1, 8), range(10, 1, 8), range(127, 1, 8), range(100 << 8 | 64, 2, 10),
    range(169 << 8 | 254, 2, 16), range(172 << 8 | 16, 2, 12), range(192 << 8 | 168, 2, 16),
  };
  /** The private ranges of RFC 1918, whose /16 keys the rule suggests. */
  private static final long[][] PRIVATE = {
    range(10, 1, 8), range(172 << 8 | 16, 2, 12), range(192 << 8 | 168, 2, 16),
  };

  @Override
  public Needs needs() {
    return Needs.tags("Connect").andUntagged();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** The range of the first {@code octets} octets {@code prefix}, prefix length {@code bits}. */
  private static long[] range(int prefix, int octets, int bits) {
    long first = (long) prefix << (8 * (4 - octets));
    return new long[] {first, first + (1L << (32 - bits)) - 1};
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    // the value's first word last: the key's tests are cheaper and turn most entries away
    if (!(k.untagged() || k.is("Connect")) || k.length() == 0 || !Ascii.isDigit(k.charAt(0))
        || !isIpv4(k.subject())) {
      return;
    }
    // a key of one or two octets only; counted before the split, as most IPv4 keys have more
    if (k.subject().indexOf('.', k.subject().indexOf('.') + 1) >= 0) {
      return;
    }
    String[] octets = k.subject().split("\\.");
    if (!firstWordUpper(k.entry().value()).equals("RELAY")) {
      return;
    }
    int prefix = 0;
    for (String o : octets) {
      prefix = prefix << 8 | Integer.parseInt(o);
    }
    long[] covered = range(prefix, octets.length, 8 * octets.length);
    if (insideOneNotPublic(covered)) {
      return;
    }
    String cidr = cidr(covered[0], 8 * octets.length);
    out.add(INFO, k.entry(), k.subjectColumn(), "key " + k.shown() + " is the prefix of every"
        + " address in " + cidr + " (" + dotted(covered[0]) + " to " + dotted(covered[1])
        + "), public addresses included, so RELAY lets all of them relay mail through this"
        + " server; key only your own networks" + privatePart(covered, k));
  }

  private static boolean insideOneNotPublic(long[] r) {
    for (long[] p : NOT_PUBLIC) {
      if (r[0] >= p[0] && r[1] <= p[1]) {
        return true;
      }
    }
    return false;
  }

  /** The private (RFC 1918) range inside {@code r}, as the keys to write, or an example. */
  private static String privatePart(long[] r, Key k) {
    for (long[] p : PRIVATE) {
      if (p[0] >= r[0] && p[1] <= r[1]) {
        long first = p[0] >> 16;
        long last = p[1] >> 16;
        String keys = plain(k.with((first >> 8) + "." + (first & 0xff))) + " RELAY";
        if (first != last) {
          keys += " … " + plain(k.with((last >> 8) + "." + (last & 0xff))) + " RELAY (one line"
              + " per /16 you use)";
        }
        int bits = 32 - Long.numberOfTrailingZeros(p[1] - p[0] + 1);
        return "; the private range inside it is " + cidr(p[0], bits) + ": write " + keys;
      }
    }
    return ", one key per network (e.g. " + plain(k.with("192.0.2")) + " RELAY for 192.0.2.0/24)";
  }

  private static String cidr(long first, int bits) {
    return dotted(first) + "/" + bits;
  }

  private static String dotted(long a) {
    return (a >> 24 & 0xff) + "." + (a >> 16 & 0xff) + "." + (a >> 8 & 0xff) + "." + (a & 0xff);
  }
}
