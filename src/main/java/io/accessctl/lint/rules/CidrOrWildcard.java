package io.accessctl.lint.rules;

import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.Needs;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** AC208: CIDR, wildcards, ranges and trailing dots, which sendmail matches only literally. */
public final class CidrOrWildcard extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC208", "cidr-or-wildcard", Severity.ERROR,
      "a CIDR block, wildcard, range or trailing dot in a key, which sendmail takes literally",
      """
      The access map is an exact-match table. sendmail finds networks only by stripping whole
      octets (1.2.3.4, 1.2.3, 1.2, 1) or IPv6 groups from the address, and domains by stripping
      leading labels from the name. '/24', '*', ranges such as 10.0.0.1-10.0.0.50 and a trailing
      dot on an address (192.168.1.) are stored as literal keys that no lookup ever asks for: the
      entry is dead. Write the octet prefix; for a network that does not end on an octet boundary
      list its prefixes (contrib/cidrexpand in the sendmail source generates them). A domain key
      already covers every host below it; with FEATURE(lookupdotdomain), .example.com covers only
      the hosts below.

      Wrong:
        Connect:192.168.1.0/24 RELAY
        Connect:*.example.com REJECT
        Connect:10.1. RELAY
      Right:
        Connect:192.168.1 RELAY
        Connect:example.com REJECT
        Connect:10.1 RELAY
      """);

  private static final Pattern IPV4_WILDCARD = Pattern.compile("((?:\\d{1,3}\\.)*?\\d{1,3})(\\.\\*)+");
  private static final Pattern RANGE = Pattern.compile("[0-9.]+-[0-9.]+");
  private static final Pattern IPV4_TRAILING_DOT = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){0,3}\\.");
  private static final int LISTED = 4;

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.looksUpNames() || t.looksUpAddresses()
        || t.looksUpMailAddresses()).andUntagged().keyHolding(ByteClasses.SLASH
        | ByteClasses.STAR | ByteClasses.DASH | ByteClasses.ENDS_IN_DOT
        | ByteClasses.ENDS_IN_COLON);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    boolean walked = k.names() || k.addresses() || k.mailAddresses();
    if (!walked) {
      return;
    }
    String s = k.subject();
    int slash = s.indexOf('/');
    if (slash > 0 && isOneToThreeDigits(s.substring(slash + 1))) {
      String net = cidr(s.substring(0, slash), Integer.parseInt(s.substring(slash + 1)), k);
      if (net != null) {
        report(k, slash, "sendmail has no CIDR notation", net, out);
        return;
      }
    }
    int star = wildcardAt(s);
    if (star >= 0) {
      report(k, star, "sendmail has no wildcards", wildcard(s, k), out);
      return;
    }
    if (s.indexOf('-') > 0 && RANGE.matcher(s).matches()) {
      report(k, s.indexOf('-'), "sendmail has no address ranges", "list the octet prefixes the "
          + "range covers (contrib/cidrexpand in the sendmail source generates them)", out);
      return;
    }
    String groups = ipv6Groups(s);
    boolean ipv6Trailing = groups != null && groups.endsWith(":") && !groups.endsWith("::");
    if ((s.endsWith(".") && IPV4_TRAILING_DOT.matcher(s).matches()) || ipv6Trailing) {
      report(k, s.length() - 1, "sendmail's address walk never produces a key that ends in "
          + Values.quote(s.substring(s.length() - 1)), "write "
          + plain(k.with(s.substring(0, s.length() - 1))), out);
    }
  }

  /** {@code \\d{1,3}}, without a regex compiled for every CIDR key. */
  static boolean isOneToThreeDigits(String s) {
    return Ascii.isRun(s, 3, c -> Ascii.isDigit((char) c));
  }

  /**
   * Index of the first '*' that is a would-be wildcard, or -1. {@code user+*@domain} and
   * {@code user+*@} are real keys: sendmail looks them up for addresses with a +detail.
   */
  private static int wildcardAt(String s) {
    for (int i = s.indexOf('*'); i >= 0; i = s.indexOf('*', i + 1)) {
      if (!(i > 0 && s.startsWith("+*@", i - 1))) {
        return i;
      }
    }
    return -1;
  }

  private static void report(Key k, int index, String why, String instead, Findings out) {
    out.add(INFO, k.entry(), k.subjectColumn() + index, why + ": key " + k.shown() + " is a "
        + "literal key that no lookup asks for, so the entry is dead; " + instead);
  }

  /** What to write for a CIDR block, or null when the part before the slash is no address. */
  private static String cidr(String address, int bits, Key k) {
    String groups = isIpv6Literal(address) ? address : ipv6Groups(address);
    if (groups != null) {
      return ipv6Cidr(groups, bits, k);
    }
    if (address.isEmpty() || !Ascii.onlyDigitsAndDots(address) || bits > 32) {
      return null;
    }
    List<Integer> octets = new ArrayList<>();
    for (String o : address.split("\\.")) {
      if (!o.isEmpty()) {
        octets.add(Integer.parseInt(o));
      }
    }
    while (octets.size() < 4) {
      octets.add(0);
    }
    int whole = bits / 8;
    String prefix = join(octets.subList(0, whole), ".");
    if (bits % 8 == 0) {
      return whole == 0 ? "there is no key for every address" : "write " + plain(k.with(prefix));
    }
    int count = 1 << (8 - bits % 8);
    int base = octets.get(whole) & ~(count - 1) & 0xff;
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(plain(k.with((prefix.isEmpty() ? "" : prefix + ".") + (base + i))));
    }
    return keys(keys);
  }

  private static String ipv6Cidr(String groups, int bits, Key k) {
    List<Integer> g = parseIpv6(groups);
    if (g == null || bits > 128) {
      return null;
    }
    if (bits % 16 != 0) {
      return "list the /" + (bits / 16 * 16 + 16) + " prefixes it covers (contrib/cidrexpand in"
          + " the sendmail source generates them)";
    }
    List<String> hex = new ArrayList<>();
    for (int v : g.subList(0, Math.min(bits / 16, g.size()))) {
      hex.add(Integer.toHexString(v));
    }
    while (hex.size() < bits / 16) {
      hex.add("0");
    }
    return "write " + plain(k.with(IPV6 + (hex.isEmpty() ? "" : ":" + String.join(":", hex))));
  }

  private static String keys(List<String> keys) {
    if (keys.size() <= LISTED) {
      return "write the " + keys.size() + " keys " + String.join(", ", keys);
    }
    return "write the " + keys.size() + " keys " + keys.get(0) + " … " + keys.get(keys.size() - 1)
        + " (contrib/cidrexpand in the sendmail source generates them)";
  }

  private static String wildcard(String s, Key k) {
    if (s.equals("*")) {
      return k.tag() != null && k.tag().hasBareDefault()
          ? "the bare default " + plain(k.with("")) + " applies to everybody without an entry"
          : "no key matches everybody for this check";
    }
    if (s.startsWith("*.") && s.length() > 2 && s.indexOf('*', 1) < 0) {
      String domain = s.substring(2);
      return "write " + plain(k.with(domain)) + ", which matches " + plain(domain)
          + " and every host below it (with FEATURE(lookupdotdomain), "
          + plain(k.with("." + domain)) + " matches only the hosts below)";
    }
    Matcher m = IPV4_WILDCARD.matcher(s);
    if (m.matches()) {
      return "write " + plain(k.with(m.group(1)));
    }
    if (s.startsWith("*@") && s.length() > 2 && s.indexOf('*', 1) < 0) {
      return "write " + plain(k.with(s.substring(2))) + ", a domain key that matches every "
          + "address in it";
    }
    if (s.endsWith("@*") && s.length() > 2 && s.indexOf('*') == s.length() - 1) {
      return "write " + plain(k.with(s.substring(0, s.length() - 1))) + ", a local-part key "
          + "that matches it at every domain";
    }
    return "key the domain itself: sendmail's name walk already covers every host below it";
  }

  private static String join(List<Integer> parts, String sep) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      s.append(i == 0 ? "" : sep).append(parts.get(i).intValue());
    }
    return s.toString();
  }
}
