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

  /**
   * A map whose answer depends on nothing but the key and the arguments, and whose lookups
   * change nothing (no macro, no memory): the engine may answer a subroutine call that asks it
   * from what the same call answered before ({@link CallMemo}).
   */
  @FunctionalInterface
  interface Pure extends MapClass {}

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
   * @param stored what a map of stored records (a file map) read, else null
   */
  record Result(String value, boolean tempfail, String note, Stored stored) {
    public static final Result NOT_FOUND = new Result(null, false, null);

    public Result(String value, boolean tempfail, String note) {
      this(value, tempfail, note, null);
    }

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

  /**
   * The record a file map read, as the database holds it: what {@code sendmail -d38.20} and an
   * admin reading the map see, where {@link Result#value} is what the rules get.
   *
   * @param key the key the database was asked for: folded unless -f, cut to MAXNAME bytes,
   *     without the trailing NUL
   * @param withNul true when the record was found under the key with a trailing NUL
   * @param value the value as stored (without a trailing NUL), or null when not found
   */
  record Stored(String key, boolean withNul, String value) {}
}
