package io.accessctl.sendmail;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP addresses the way sendmail writes them into {@code {client_addr}} and {@code {server_addr}}. */
final class Addresses {
  private Addresses() {}

  // compiled once: every question of a batch with an address goes through here
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-f:.]+");
  private static final Pattern GROUP = Pattern.compile("[0-9a-f]{1,4}");

  /**
   * sendmail's spelling of an address given in any usual form ({@code 192.0.2.1},
   * {@code [192.0.2.1]}, {@code 2001:db8::1}, {@code IPv6:2001:DB8::1}): IPv4 as a dotted quad,
   * IPv4-mapped IPv6 as plain IPv4, IPv6 as {@code IPv6:} and eight lower-case groups without
   * leading zeros, compressed with {@code ::} only when {@code compressed}. Empty when the text is
   * not an IP address.
   */
  static Optional<String> sendmailForm(String text, boolean compressed) {
    String s = text.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    if (s.regionMatches(true, 0, "IPv6:", 0, 5)) {
      s = s.substring(5);
    }
    if (isQuad(s)) {
      // already as sendmail writes it, as an address from a log line is
      return Optional.of(s);
    }
    Optional<int[]> v4 = ipv4(s);
    if (v4.isPresent()) {
      return Optional.of(quad(v4.get(), 0));
    }
    Optional<int[]> v6 = ipv6(s);
    if (v6.isEmpty()) {
      return Optional.empty();
    }
    int[] g = v6.get();
    if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
      return Optional.of(quad(new int[] {g[6] >> 8, g[6] & 0xff, g[7] >> 8, g[7] & 0xff}, 0));
    }
    return Optional.of("IPv6:" + (compressed ? compressed(g) : full(g)));
  }

  /**
   * Whether {@code s} is four decimal numbers of 0 to 255 without leading zeros, joined by dots:
   * the form {@link #quad} writes.
   */
  private static boolean isQuad(String s) {
    int parts = 0;
    int i = 0;
    int n = s.length();
    while (i < n && parts < 4) {
      int start = i;
      int value = 0;
      while (i < n && i - start < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        value = 10 * value + (s.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || value > 255 || digits > 1 && s.charAt(start) == '0') {
        return false;
      }
      parts++;
      if (parts < 4) {
        if (i >= n || s.charAt(i) != '.') {
          return false;
        }
        i++;
      }
    }
    return parts == 4 && i == n;
  }

  private static String quad(int[] b, int from) {
    return b[from] + "." + b[from + 1] + "." + b[from + 2] + "." + b[from + 3];
  }

  private static Optional<int[]> ipv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    int[] b = new int[4];
    for (int i = 0; i < 4; i++) {
      if (!octet(parts[i])) {
        return Optional.empty();
      }
      b[i] = Integer.parseInt(parts[i]);
      if (b[i] > 255) {
        return Optional.empty();
      }
    }
    return Optional.of(b);
  }

  /** One to three ASCII digits (what {@code \d{1,3}} matches). */
  private static boolean octet(String s) {
    if (s.isEmpty() || s.length() > 3) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static Optional<int[]> ipv6(String text) {
    String s = text.toLowerCase(Locale.ROOT);
    if (!IPV6_CHARS.matcher(s).matches() || s.indexOf("::") != s.lastIndexOf("::")) {
      return Optional.empty();
    }
    int[] groups = new int[8];
    String[] halves = s.split("::", -1);
    int[] head = groups(halves[0]);
    int[] tail = halves.length == 2 ? groups(halves[1]) : new int[0];
    if (head == null || tail == null) {
      return Optional.empty();
    }
    int total = head.length + tail.length;
    if ((halves.length == 1 && total != 8) || (halves.length == 2 && total > 7)) {
      return Optional.empty();
    }
    System.arraycopy(head, 0, groups, 0, head.length);
    System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
    return Optional.of(groups);
  }

  /** Colon-separated groups, the last of which may be a dotted quad (two groups); null if bad. */
  private static int[] groups(String part) {
    if (part.isEmpty()) {
      return new int[0];
    }
    String[] words = part.split(":", -1);
    int n = words.length;
    boolean quadLast = words[n - 1].contains(".");
    int[] out = new int[quadLast ? n + 1 : n];
    for (int i = 0; i < n; i++) {
      if (i == n - 1 && quadLast) {
        Optional<int[]> q = ipv4(words[i]);
        if (q.isEmpty()) {
          return null;
        }
        out[i] = q.get()[0] << 8 | q.get()[1];
        out[i + 1] = q.get()[2] << 8 | q.get()[3];
      } else {
        if (!GROUP.matcher(words[i]).matches()) {
          return null;
        }
        out[i] = Integer.parseInt(words[i], 16);
      }
    }
    return out;
  }

  private static String full(int[] g) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      sb.append(i == 0 ? "" : ":").append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  /** inet_ntop's form: the longest run of two or more zero groups (the first of equals) is "::". */
  private static String compressed(int[] g) {
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    if (bestStart < 0) {
      return full(g);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < bestStart; i++) {
      sb.append(i == 0 ? "" : ":").append(Integer.toHexString(g[i]));
    }
    sb.append("::");
    for (int i = bestStart + bestLen; i < 8; i++) {
      sb.append(i == bestStart + bestLen ? "" : ":").append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
