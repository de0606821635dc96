package io.accessctl.cf;

/** Dotted sendmail version numbers ({@code 8.17.1.9}, {@code 8.18.0.2}). */
public final class SendmailVersion {
  private SendmailVersion() {}

  /**
   * Compares number by number; a missing part counts as 0 ({@code 8.17} = {@code 8.17.0}), and
   * anything after the digits of a part ({@code 8.16.1-beta}) is ignored.
   */
  private static final java.util.Map<String, Integer> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  public static int compare(String a, String b) {
    // Rules compare the same few versions for every entry of a large map: parse each pair once.
    // (get and put, not computeIfAbsent with a lambda: rules ask this on the way to lint's first
    // finding, where each lambda the JDK links costs the run CPU)
    String key = a + '\u0000' + b;
    Integer c = CACHE.get(key);
    if (c == null) {
      c = parseAndCompare(a, b);
      CACHE.put(key, c);
    }
    return c;
  }

  private static int parseAndCompare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Integer.compare(part(x, i), part(y, i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int part(String[] parts, int i) {
    if (i >= parts.length) {
      return 0;
    }
    // the leading digits, at most six (replaceFirst("\\D.*$", "") compiled a regex per part)
    String p = parts[i];
    int n = 0;
    int value = 0;
    while (n < p.length() && n < 6 && p.charAt(n) >= '0' && p.charAt(n) <= '9') {
      value = value * 10 + (p.charAt(n) - '0');
      n++;
    }
    return value;
  }
}
