package io.accessctl.lint.rules;

import io.accessctl.catalog.Tag;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Needs;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.util.regex.Pattern;

/** AC225: {@code Connect:300.1.2.3} — no IPv4 address has an octet above 255. */
public final class Ipv4OctetRange extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC225", "ipv4-octet-range", Severity.ERROR,
      "an IPv4 address key with an octet above 255",
      """
      sendmail's address walk looks up the client's address and its prefixes (1.2.3.4, 1.2.3,
      1.2, 1), each octet between 0 and 255. A key such as 'Connect:300.1.2.3' or
      'ClientRate:10.256' is no address any client has, so the walk never produces it and the
      entry has no effect — usually a typing error in the address meant.

      Wrong:
        Connect:192.168.300 RELAY
      Right:
        Connect:192.168.30 RELAY
      """);

  private static final Pattern DOTTED = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){0,3}");

  @Override
  public Needs needs() {
    return Needs.tagsWhere(Tag::looksUpAddresses);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    if (!k.tagged() || !k.addresses() || !Ascii.onlyDigitsAndDots(k)) {
      return;
    }
    String s = k.subject();
    if (isIpv4(s) || !DOTTED.matcher(s).matches()) {
      return;
    }
    int at = 0;
    for (String octet : s.split("\\.")) {
      if (Integer.parseInt(octet) > 255) {
        break;
      }
      at += octet.length() + 1;
    }
    out.add(INFO, k.entry(), k.subjectColumn() + at, "key " + k.shown() + " has an octet above"
        + " 255: no client address is " + plain(s) + " or starts with it, so sendmail's address"
        + " walk never looks this key up and the entry has no effect; correct the address");
  }
}
