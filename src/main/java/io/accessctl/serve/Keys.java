package io.accessctl.serve;

import io.accessctl.tokens.Limits;
import java.util.Arrays;

/**
 * What sendmail does to a key before it reaches a map, applied by the server to every request so
 * that any client (sendmail, Postfix, a script) gets the answer sendmail would get from a hash
 * file built by makemap from the same text (sendmail-access.md §2.2).
 */
public final class Keys {
  private Keys() {}

  /**
   * The stored form of a requested key: one trailing NUL dropped (a makemap -N style key; sendmail
   * tries both forms on a hash map), cut to {@link Limits#MAXNAME} bytes, and ASCII upper case
   * folded to lower case when the map was pushed with folded keys (makemap's default, sendmail's
   * without -f). Bytes above 0x7f are left alone, as in sendmail's non-EAI build.
   */
  public static byte[] lookupKey(byte[] requested, boolean fold) {
    int n = requested.length;
    if (n > 0 && requested[n - 1] == 0) {
      n--;
    }
    n = Math.min(n, Limits.MAXNAME);
    byte[] k = Arrays.copyOf(requested, n);
    if (fold) {
      for (int i = 0; i < n; i++) {
        if (k[i] >= 'A' && k[i] <= 'Z') {
          k[i] += 'a' - 'A';
        }
      }
    }
    return k;
  }
}
