package io.accessctl.rules;

import java.util.List;

/**
 * A map a rule can look up with {@code $( NAME key $@ arg … $: default $)}: one implementation
 * per sendmail map class (K line), found by the map's name.
 */
public interface MapClass {
  /**
   * The value for a key.
   *
   * @param key the key as the rule built it (quotes already stripped unless the K line has -q)
   * @param args the {@code $@} arguments; {@code %1}… in a value refer to them
   */
  Result lookup(String key, List<String> args, Macros macros);

  /** Whether sendmail strips double quotes from the key before the lookup (not with -q). */
  default boolean stripsQuotes() {
    return true;
  }

  /**
   * What a lookup found.
   *
   * @param value the value (before tokenizing), or null when not found
   * @param tempfail the map failed for now (EX_TEMPFAIL)
   * @param note why there is no answer where the engine cannot know it (a network map), else null
   */
  record Result(String value, boolean tempfail, String note) {
    public static final Result NOT_FOUND = new Result(null, false, null);

    public static Result found(String value) {
      return new Result(value, false, null);
    }

    public static Result unknowable(String why) {
      return new Result(null, false, why);
    }

    public boolean found() {
      return value != null;
    }
  }
}
