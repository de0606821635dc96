package io.accessctl.sendmail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded generator of access maps and lookup cases for the differential test against
 * {@code sendmail -bt}: the keys share labels, octets and IPv6 groups with the names and
 * addresses looked up, so walks stop at every depth; values cover keywords in any case, SKIP,
 * inline comments, flag letters, TLS requirements and numbers C's strtol reads in odd ways.
 */
final class LookupGen {
  static final String[] TAGS = {"Try_TLS", "Srv_Features", "Clt_Features", "TLS_Srv", "TLS_Clt",
      "TLS_Rcpt", "AuthInfo", "Connect", "GreetPause", "ClientRate", "ClientConn", "From", "To",
      "Spam"};

  private static final String[] DOMAINS = {"bagoona.com", "example.org", "Mail.Example.NET",
      "sub.example.org", "x.y.z.test", "relay.example", "com", "org", "test"};
  private static final String[] PREFIXES = {"luna", "mx", "mx1", "smtp.out", "a.b", "LUNA", "deep.er"};
  private static final String[] V4 = {"192.0.2", "10.1", "198.51.100", "123.45.67", "10"};
  private static final String[] V6 = {"IPv6:2001:db8:0:0", "IPv6:2001:db8:1:0", "IPv6:0:0:0:0",
      "IPv6:fe80:0:0:0"};
  private static final String[] USERS = {"joe", "Joe", "postmaster", "luke", "a.b", "joe+list",
      "joe+", "ann+x+y"};

  private static final String[] ACTIONS = {"OK", "RELAY", "REJECT", "DISCARD", "ok", "Relay",
      "reject", "discard", "SKIP", "skip", "QUARANTINE:spam", "ERROR:\"550 go  away\"",
      "ERROR:5.7.1:\"550 go away\" # x", "ERROR:4.2.2:450 mailbox full", "YES", "ACCEPT",
      "\"552 bare text\"", "REJECT # comment", "ERROR:550 %0 blocked [%1] 100%%"};
  private static final String[] TRY_TLS = {"NO", "no", "No", "NO # broken", "YES", "\"NO\"",
      "NO YES", "SKIP", "NOPE", "REJECT"};
  private static final String[] FEATURES = {"V", "v", "A P", "AP", "PD", "P,D", "temp",
      "Tempfail now", "S temp", "SKIP", "Z q", "D M", "M", "S", "a l", "x y", "H i N",
      "V # comment", "R"};
  private static final String[] TLS_REQ = {"VERIFY", "verify", "ENCR:128", "VERIFY:112",
      "PERM+VERIFY", "TEMP+ENCR:256", "PERM + verify:0x80", "VERIFY+CN", "VERIFY+CN:x.example",
      "ENCR:abc", "REQUIRE", "YES", "ENCR", "VERIFY:112+CN++CN:mx.example", "SKIP",
      "ENCR:128 # x"};
  private static final String[] TLS_CLT_BARE = {"VERIFY", "ENCR:128", "PERM+VERIFY:112", "junk"};
  private static final String[] NUMBERS = {"0", "10", "010", "0x10", "abc", "00", "10abc", "-5",
      "1,5", "\" 7\"", "5000", "5s", "2147483648", "7 # x", "1000", "3"};
  private static final String[] AUTHINFO = {"\"U:joe\" \"P:secret\"",
      "\"U:smmsp\" \"I:joe\" \"P=c2VjcmV0\" \"M:PLAIN\"", "\"R:realm\"", "SKIP"};
  private static final String[] SPAM = {"FRIEND", "friend", "HATER", "FRIEND # x", "SKIP"};

  private final Random rnd;
  private final boolean dotDomain;

  LookupGen(long seed, boolean dotDomain) {
    this.rnd = new Random(seed);
    this.dotDomain = dotDomain;
  }

  // ---- names ---------------------------------------------------------------------------------

  String domain() {
    return pick(DOMAINS);
  }

  String host() {
    int r = rnd.nextInt(100);
    if (r < 8) {
      return "[" + ipv4() + "]";
    }
    if (r < 12) {
      return "[" + ipv6() + "]";
    }
    if (r < 16) {
      return domain();
    }
    if (r < 20) {
      return "unrelated.invalid";
    }
    return pick(PREFIXES) + "." + domain();
  }

  String ipv4() {
    String p = pick(V4);
    StringBuilder sb = new StringBuilder(p);
    for (int n = p.split("\\.").length; n < 4; n++) {
      sb.append('.').append(pick("1", "2", "55", "89", "0"));
    }
    return sb.toString();
  }

  String ipv6() {
    String p = pick(V6);
    StringBuilder sb = new StringBuilder(p);
    for (int n = p.split(":").length - 1; n < 8; n++) {
      sb.append(':').append(pick("0", "1", "a", "ff"));
    }
    return sb.toString();
  }

  String address() {
    return rnd.nextInt(100) < 70 ? ipv4() : ipv6();
  }

  String mail() {
    // No domain literals ([192.0.2.1]): canonify maps them through the host's own addresses.
    String d = rnd.nextInt(3) == 0 ? domain()
        : pick(PREFIXES) + "." + domain();
    return pick(USERS) + "@" + d + (rnd.nextInt(100) < 8 ? "." : "");
  }

  // ---- questions ----

  /** A NAME for a question about this tag ("" where the tag takes none). */
  String nameFor(io.accessctl.catalog.Tag tag) {
    LookupGen g = this;
    int r = g.nextInt(100);
    return switch (tag.name()) {
      case "ClientRate", "ClientConn" -> "";
      case "From" -> r < 10 ? g.pick("joe", "postmaster", "luke+x") : g.mail();
      case "TLS_Rcpt" -> r < 5 ? "joe" : g.mail();
      case "To", "Spam" -> g.mail();
      case "Connect", "GreetPause" -> r < 10 ? "" : r < 15 ? g.host() + "." : g.host();
      case "Srv_Features" -> r < 4 ? "" : r < 9 ? g.host() + "." : g.host();
      default -> r < 6 ? g.host() + "." : g.host();
    };
  }

  /** An ADDR for a question about this tag ("" where the tag takes none). */
  String addrFor(io.accessctl.catalog.Tag tag) {
    LookupGen g = this;
    int r = g.nextInt(100);
    return switch (tag.name()) {
      case "From", "To", "Spam", "TLS_Rcpt" -> "";
      case "Srv_Features" -> r < 3 ? "" : g.address();
      default -> g.address();
    };
  }

  // ---- keys ----------------------------------------------------------------------------------

  /** A map of roughly {@code n} entries, keys unique after folding. */
  Map<String, String> map(int n) {
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> folded = new LinkedHashSet<>();
    while (out.size() < n) {
      String tag = pick(TAGS);
      String key = key(tag);
      if (key.length() > 250 || !folded.add(key.toLowerCase(Locale.ROOT))) {
        continue;
      }
      out.put(key, value(tag, key));
    }
    return out;
  }

  private String key(String tag) {
    String subject;
    boolean mailTag = tag.equals("From") || tag.equals("To") || tag.equals("Spam")
        || tag.equals("TLS_Rcpt");
    int r = rnd.nextInt(100);
    if (tag.equals("ClientRate") || tag.equals("ClientConn")) {
      subject = r < 10 ? "" : r < 20 ? "IPv6" : prefixOf(address());
    } else if (mailTag) {
      String m = mail().replaceAll("\\.$", "");
      String user = m.substring(0, m.indexOf('@'));
      String dom = m.substring(m.indexOf('@') + 1);
      subject = r < 25 ? m : r < 35 ? user.replaceAll("\\+.*", "") + "+*@" + dom
          : r < 50 ? user + "@" : r < 55 ? user.replaceAll("\\+.*", "") + "@"
          : r < 60 && dotDomain ? "." + parent(dom) : r < 63 ? "" : parentOrSelf(dom);
    } else if (r < 8 && hasBare(tag)) {
      subject = "";
    } else if (r < 35) {
      subject = prefixOf(address());
    } else if (r < 42) {
      subject = "[" + prefixOf(rnd.nextBoolean() ? ipv4() : ipv6()) + "]";
    } else if (r < 50 && dotDomain) {
      subject = "." + parent(host());
    } else {
      subject = parentOrSelf(host());
    }
    boolean untagged = (tag.equals("Connect") || tag.equals("From") || tag.equals("To"))
        && !subject.isEmpty() && rnd.nextInt(100) < 15;
    String t = switch (rnd.nextInt(6)) {
      case 0 -> tag.toUpperCase(Locale.ROOT);
      case 1 -> tag.toLowerCase(Locale.ROOT);
      default -> tag;
    };
    return untagged ? subject : t + ":" + subject;
  }

  private static boolean hasBare(String tag) {
    return !tag.equals("Connect") && !tag.equals("GreetPause");
  }

  private String prefixOf(String addr) {
    String sep = addr.startsWith("IPv6:") ? ":" : ".";
    String[] parts = addr.split(sep.equals(".") ? "\\." : ":");
    int keep = 1 + rnd.nextInt(parts.length);
    return String.join(sep, java.util.Arrays.copyOf(parts, keep));
  }

  private String parentOrSelf(String host) {
    if (host.startsWith("[")) {
      return host;
    }
    String h = host;
    while (h.contains(".") && rnd.nextInt(100) < 40) {
      h = h.substring(h.indexOf('.') + 1);
    }
    return h;
  }

  private String parent(String host) {
    String h = host.startsWith("[") ? host.substring(1) : host;
    int dot = h.indexOf('.');
    return dot < 0 ? h : h.substring(dot + 1);
  }

  private String value(String tag, String key) {
    String v = switch (tag) {
      case "Try_TLS" -> pick(TRY_TLS);
      case "Srv_Features", "Clt_Features" -> pick(FEATURES);
      case "TLS_Srv", "TLS_Rcpt" -> pick(TLS_REQ);
      case "TLS_Clt" -> key.endsWith(":") ? pick(TLS_CLT_BARE) : pick(TLS_REQ);
      case "GreetPause", "ClientRate", "ClientConn" -> pick(NUMBERS);
      case "AuthInfo" -> pick(AUTHINFO);
      case "Spam" -> pick(SPAM);
      default -> pick(ACTIONS);
    };
    return rnd.nextInt(100) < 5 ? v + "  " : v;
  }

  // ---- helpers -------------------------------------------------------------------------------

  int nextInt(int bound) {
    return rnd.nextInt(bound);
  }

  @SafeVarargs
  final <T> T pick(T... options) {
    return options[rnd.nextInt(options.length)];
  }

  /** Source text for makemap: one "key value" line each. */
  static String source(Map<String, String> map) {
    StringBuilder sb = new StringBuilder();
    map.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
    return sb.toString();
  }

  static List<String> lines(String... l) {
    return new ArrayList<>(List.of(l));
  }
}
