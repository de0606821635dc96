package io.accessctl.lint;

import io.accessctl.catalog.Tag;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a rule declares it needs, so that the {@link Linter} runs it only where it can report and
 * computes shared data only when a rule that reads it runs.
 *
 * <p>A per-entry rule names the entries it judges: entries whose tag is one of a set of catalogue
 * tags (the file's catalogue, CITag tags included), untagged entries (no tag word before the first
 * colon, {@code IPv6:…} and IPv6 literals included), entries with an unknown tag, or all of them.
 * The declaration must be honest: run alone over every entry, a rule reports nothing on an entry
 * outside it ({@code DispatchEquivalenceTest} holds every registered rule to that). It may also
 * name {@link ByteClasses} that the key or the value of every entry it reports on holds, so that
 * entries without them never reach it.
 *
 * @param perEntry the rule judges entries one by one ({@link EntryVisitor}); else it reads the
 *     whole file once
 * @param tags the catalogue tags whose entries it judges (never null; {@code t -> false} for none)
 * @param untagged it judges untagged entries
 * @param unknown it judges entries whose tag no catalogue knows
 * @param tokens it reads the value's tokens ({@link EntryView.Derived#ofTokens})
 * @param cf it is silent without a sendmail.cf, so it is not run without one
 * @param keyHas {@link ByteClasses} of which the key of every entry it reports on holds one (0:
 *     no condition)
 * @param valueHas the same of the value as written
 * @param byValue whether it reports on an entry depends only on the entry's tag, whether its
 *     subject is empty, its value as written and the file's cf ({@link #sameForSameValue})
 */
public record Needs(boolean perEntry, Predicate<Tag> tags, boolean untagged, boolean unknown,
    boolean tokens, boolean cf, long keyHas, long valueHas, boolean byValue) {
  // Classes, not lambdas, here and in tags(): every lint makes the rules' Needs at its start,
  // where each lambda the JDK links costs the run CPU.
  private static final Predicate<Tag> NONE = new AllOrNone(false);
  private static final Predicate<Tag> ANY = new AllOrNone(true);

  /** Every tag, or none. */
  private static final class AllOrNone implements Predicate<Tag> {
    private final boolean all;

    AllOrNone(boolean all) {
      this.all = all;
    }

    @Override
    public boolean test(Tag t) {
      return all;
    }
  }

  /** The tags of these names, in any case. */
  private static final class Named implements Predicate<Tag> {
    private final Set<String> folded;

    Named(Set<String> folded) {
      this.folded = folded;
    }

    @Override
    public boolean test(Tag t) {
      return folded.contains(t.name().toLowerCase(Locale.ROOT));
    }
  }

  /** A rule that reads the file as a whole (its lines, syntax issues, or entries by tag). */
  public static Needs wholeFile() {
    return new Needs(false, NONE, false, false, false, false, 0, 0, false);
  }

  /** Every entry, whatever its tag. */
  public static Needs everyEntry() {
    return new Needs(true, ANY, true, true, false, false, 0, 0, false);
  }

  /** Entries whose tag is one of these catalogue tags, in any case. */
  public static Needs tags(String... names) {
    Set<String> folded = new HashSet<>();
    for (String n : names) {
      folded.add(n.toLowerCase(Locale.ROOT));
    }
    return tagsWhere(new Named(Set.copyOf(folded)));
  }

  /** Entries whose catalogue tag passes {@code test}. */
  public static Needs tagsWhere(Predicate<Tag> test) {
    return new Needs(true, test, false, false, false, false, 0, 0, false);
  }

  /** Entries of every tag the catalogue knows. */
  public static Needs knownTags() {
    return tagsWhere(ANY);
  }

  /** Untagged entries only. */
  public static Needs untaggedEntries() {
    return new Needs(true, NONE, true, false, false, false, 0, 0, false);
  }

  /** Entries whose tag no catalogue knows. */
  public static Needs unknownTags() {
    return new Needs(true, NONE, false, true, false, false, 0, 0, false);
  }

  public Needs andUntagged() {
    return new Needs(perEntry, tags, true, unknown, tokens, cf, keyHas, valueHas, byValue);
  }

  public Needs andUnknown() {
    return new Needs(perEntry, tags, untagged, true, tokens, cf, keyHas, valueHas, byValue);
  }

  public Needs withTokens() {
    return new Needs(perEntry, tags, untagged, unknown, true, cf, keyHas, valueHas, byValue);
  }

  public Needs withCf() {
    return new Needs(perEntry, tags, untagged, unknown, tokens, true, keyHas, valueHas, byValue);
  }

  /**
   * Only entries whose key holds a byte of one of these {@link ByteClasses}: the rule reports on
   * no other (a necessary condition, not the rule's test).
   */
  public Needs keyHolding(long classes) {
    return new Needs(perEntry, tags, untagged, unknown, tokens, cf, classes, valueHas, byValue);
  }

  /** Only entries whose value as written holds a byte of one of these {@link ByteClasses}. */
  public Needs valueHolding(long classes) {
    return new Needs(perEntry, tags, untagged, unknown, tokens, cf, keyHas, classes, byValue);
  }

  /**
   * Whether the rule reports on an entry depends only on the entry's tag, on whether the key's
   * subject is empty, on the value as written and on the file's cf, never on the rest of the key
   * or on other entries; it keeps no state from entry to entry. The {@link Linter} then runs it
   * once for each such tag, subject and value while it reports nothing there (a map repeats
   * REJECT or RELAY thousands of times), and on every entry of those where it reports.
   */
  public Needs sameForSameValue() {
    return new Needs(perEntry, tags, untagged, unknown, tokens, cf, keyHas, valueHas, true);
  }

  /** Whether an entry of these key and value {@link ByteClasses} meets the byte conditions. */
  public boolean admits(long keyClasses, long valueClasses) {
    return admits(keyHas, valueHas, keyClasses, valueClasses);
  }

  /**
   * {@link #admits(long, long)} of a rule whose conditions are {@code keyHas} and {@code
   * valueHas}: the walk keeps each rule's conditions in flat arrays and asks this.
   */
  static boolean admits(long keyHas, long valueHas, long keyClasses, long valueClasses) {
    return (keyHas == 0 || (keyClasses & keyHas) != 0)
        && (valueHas == 0 || (valueClasses & valueHas) != 0);
  }

  /**
   * Whether a per-entry rule judges entries of this tag.
   *
   * @param tag the file catalogue's tag, or null for a tag it does not know
   */
  public boolean judges(Tag tag) {
    return perEntry && (tag == null ? unknown : tags.test(tag));
  }
}
