package io.accessctl.rules;

import io.accessctl.tokens.MapValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A K line's flags as map_parseargs() reads them ({@code -x} words, each flag one letter with its
 * value attached) and the rest of the line (the file, the regex, the maps of a sequence).
 */
public record MapOptions(Map<Character, String> flags, String rest) {

  public static MapOptions parse(String args) {
    Map<Character, String> flags = new HashMap<>();
    List<String> words = new ArrayList<>(List.of(args.strip().split("[ \t]+")));
    int i = 0;
    while (i < words.size() && words.get(i).length() >= 2 && words.get(i).charAt(0) == '-') {
      String w = words.get(i++);
      flags.put(w.charAt(1), w.substring(2));
    }
    return new MapOptions(flags, String.join(" ", words.subList(i, words.size())));
  }

  boolean has(char flag) {
    return flags.containsKey(flag);
  }

  /** {@code -f}: keys keep their case. */
  boolean keepsCase() {
    return has('f');
  }

  /** {@code -o}: a missing file is no error. */
  boolean optional() {
    return has('o');
  }

  /** {@code -m}: a found key returns the key, not its value. */
  boolean matchOnly() {
    return has('m');
  }

  /** {@code -a}: the text appended to every value found ("" without -a). */
  public String appended() {
    return flags.getOrDefault('a', "");
  }

  /** {@code -T}: appended to the key when the map fails for now. */
  String tempfailSuffix() {
    return flags.get('T');
  }

  /** A temporary failure: the key with the {@code -T} text appended, or no value without -T. */
  MapClass.Result tempfail(String key) {
    String suffix = tempfailSuffix();
    return new MapClass.Result(suffix == null ? null : key + suffix, true, null);
  }

  /**
   * What map_rewrite() returns for a found value: {@code %n} replaced by the key and arguments,
   * the {@code -a} text appended.
   */
  public String rewrite(String value, String key, List<String> args) {
    List<String> av = new ArrayList<>(args.size() + 1);
    av.add(key);
    av.addAll(args);
    String v = MapValue.rewrite(matchOnly() ? key : value, av);
    return v + appended();
  }
}
