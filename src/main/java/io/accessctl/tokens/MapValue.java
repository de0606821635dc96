package io.accessctl.tokens;

import java.util.List;

/**
 * What map.c map_rewrite() makes of a value a map returned, before the rule engine tokenizes it.
 */
public final class MapValue {
  private MapValue() {}

  /**
   * The value as map_rewrite() returns it for a lookup of {@code key} (as the ruleset built it,
   * tag included) with no further arguments, as for every access lookup: {@code %0} becomes the
   * key, {@code %1}…{@code %9} nothing, {@code %%} one {@code %}; any other {@code %} stays. The
   * value ends at its first NUL byte, since sendmail reads the result as a C string. (A {@code %}
   * that is the value's last byte makes map_rewrite() read past the value; that is not modelled.)
   */
  public static String rewrite(String value, String key) {
    return rewrite(value, List.of(key));
  }

  /**
   * map_rewrite() with the map arguments of a rule's lookup: {@code %0} is {@code av.get(0)} (the
   * key), {@code %1}… the {@code $@} arguments, an argument not given is nothing, {@code %%} one
   * {@code %}; the value ends at its first NUL.
   */
  public static String rewrite(String value, List<String> av) {
    int nul = value.indexOf('\0');
    String v = nul >= 0 ? value.substring(0, nul) : value;
    if (v.indexOf('%') < 0) {
      return v;
    }
    StringBuilder sb = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      char next = i + 1 < v.length() ? v.charAt(i + 1) : 0;
      if (c != '%' || (next != '%' && (next < '0' || next > '9'))) {
        sb.append(c);
      } else {
        i++;
        int n = next - '0';
        sb.append(next == '%' ? "%" : n < av.size() && av.get(n) != null ? av.get(n) : "");
      }
    }
    return sb.toString();
  }
}
