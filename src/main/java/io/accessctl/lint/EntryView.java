package io.accessctl.lint;

import io.accessctl.catalog.Catalog;
import io.accessctl.catalog.Tag;
import io.accessctl.lint.rules.KeySplit;
import io.accessctl.source.Entry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * One entry as every rule sees it: its tag as sendmail's rulesets split the key, and what rules
 * derive from it (the key split, the value as meant and its tokens), each computed at most once
 * and only when a rule that runs on the entry asks.
 *
 * <p>Why: 60-odd rules may look at an entry. The {@link Linter} hands one view to each rule that
 * declares it judges the entry ({@link Needs}), so shared data is computed by the first that asks
 * and still in the cache for the rest, and an entry no rule judges costs its tag lookup alone.
 *
 * <p>A view is the entry's only while a rule visits it: the walk then moves it to the next entry.
 */
public final class EntryView {
  private static final Object NONE = new Object();
  private static final int SLOTS = 4;
  private static final AtomicInteger NEXT_SLOT = new AtomicInteger();
  /** {@link #group()} of an untagged entry. */
  public static final int UNTAGGED = EntriesByTag.UNTAGGED;

  private Entry entry;
  private final Tags tags;
  private int group;
  private Object[] derived;
  private boolean tokensAllowed;
  private int valueHash;
  private boolean valueHashed;

  EntryView(Entry entry, Tags tags, int group) {
    this.entry = entry;
    this.tags = tags;
    this.group = group;
  }

  /** Something rules derive from an entry; declare one as a constant and ask views for it. */
  public static final class Derived<T> {
    private final int slot;
    private final boolean tokens;
    private final BiFunction<EntryView, LintContext, T> compute;

    private Derived(BiFunction<EntryView, LintContext, T> compute, boolean tokens) {
      this.slot = NEXT_SLOT.getAndIncrement();
      if (slot >= SLOTS) {
        throw new IllegalStateException("EntryView has " + SLOTS + " slots; raise SLOTS");
      }
      this.compute = compute;
      this.tokens = tokens;
    }

    /** @param compute a pure function of the entry and the file: its result is shared */
    public static <T> Derived<T> of(BiFunction<EntryView, LintContext, T> compute) {
      return new Derived<>(compute, false);
    }

    /**
     * Like {@link #of}, for data made from the value's tokens: only rules that declare {@link
     * Needs#tokens()} may ask for it.
     */
    public static <T> Derived<T> ofTokens(BiFunction<EntryView, LintContext, T> compute) {
      return new Derived<>(compute, true);
    }
  }

  /**
   * The tags of one file's entries: each tag group's ({@link EntriesByTag}) catalogue tag, found
   * once per file.
   */
  static final class Tags {
    private final EntriesByTag byTag;
    private final boolean[] isTag;
    private final boolean[] mayBeIpv6;
    private final Tag[] fileTag;
    private final Tag[] stockTag;

    private Tags(LintContext ctx) {
      byTag = EntriesByTag.of(ctx);
      int n = byTag.groups();
      isTag = new boolean[n];
      mayBeIpv6 = new boolean[n];
      fileTag = new Tag[n];
      stockTag = new Tag[n];
      boolean unknown = false;
      for (int g = 0; g < n; g++) {
        String text = byTag.tag(g);
        isTag[g] = KeySplit.isTag(text);
        if (isTag[g]) {
          mayBeIpv6[g] = KeySplit.mayBeIpv6Literal(text);
          stockTag[g] = ctx.catalog().find(text).orElse(null);
          fileTag[g] = stockTag[g];
          unknown |= stockTag[g] == null;
        }
      }
      // The file's CITag tags only add tags the catalogue lacks, so only a file with such a tag
      // needs its values searched for them.
      if (unknown) {
        Catalog file = KeySplit.catalog(ctx);
        for (int g = 0; g < n; g++) {
          if (isTag[g] && stockTag[g] == null) {
            fileTag[g] = file.find(byTag.tag(g)).orElse(null);
          }
        }
      }
    }

    static Tags of(LintContext ctx) {
      return ctx.memo("entry-view-tags", () -> new Tags(ctx));
    }

    int groups() {
      return fileTag.length;
    }

    Tag fileTag(int group) {
      return fileTag[group];
    }

    /** The entry's tag group, or {@link #UNTAGGED} when sendmail sees no tag in its key. */
    int groupOf(Entry e) {
      return groupOf(e, e.index());
    }

    /** {@link #groupOf(Entry)} of the entry at {@code index} in the file's entries. */
    int groupOf(Entry e, int index) {
      int g = byTag.groupAt(index);
      if (g == UNTAGGED || !isTag[g] || (mayBeIpv6[g] && KeySplit.isIpv6Literal(e.key()))) {
        return UNTAGGED;
      }
      return g;
    }
  }

  /** A fresh view of each entry of the file, in file order. */
  public static List<EntryView> of(LintContext ctx) {
    Tags tags = Tags.of(ctx);
    List<Entry> entries = ctx.source().entries();
    List<EntryView> views = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      views.add(new EntryView(e, tags, tags.groupOf(e)));
    }
    return views;
  }

  /**
   * Makes this the view of another entry, forgetting what was derived: the {@link Dispatch} walk
   * moves one view along its entries instead of allocating a view and its slots for each of a
   * million entries. Rules keep what they derive, never the view.
   */
  void moveTo(Entry e, int group) {
    this.entry = e;
    this.group = group;
    this.valueHashed = false;
    if (derived != null) {
      Arrays.fill(derived, null);
    }
  }

  /**
   * {@link Entry#valueHash}, found once per entry: the walk's verdicts and the value rules' shapes
   * both number the entry's value ({@link ValueIndex}), and each would read every byte of it.
   */
  public int valueHash() {
    if (!valueHashed) {
      valueHash = entry.valueHash();
      valueHashed = true;
    }
    return valueHash;
  }

  /** The value {@code d} gives for this entry, computed on first use. May be null. */
  @SuppressWarnings("unchecked")
  public <T> T get(Derived<T> d, LintContext ctx) {
    if (d.tokens && !tokensAllowed) {
      throw new IllegalStateException("a rule that does not declare Needs.withTokens() asked for "
          + "the tokens of line " + entry.lineNumber());
    }
    if (derived == null) {
      derived = new Object[SLOTS];
    }
    Object v = derived[d.slot];
    if (v == null) {
      T t = d.compute.apply(this, ctx);
      v = t == null ? NONE : t;
      derived[d.slot] = v;
    }
    return v == NONE ? null : (T) v;
  }

  /** Lets the rule about to see this view read token data or not, as it declared. */
  void allowTokens(boolean allowed) {
    tokensAllowed = allowed;
  }

  /** Position of the entry in the file's entry list. */
  public int index() {
    return entry.index();
  }

  public Entry entry() {
    return entry;
  }

  /** The group of the entry's tag ({@link EntriesByTag}), or {@link #UNTAGGED}. */
  int group() {
    return group;
  }

  /** True when the key has a tag: a tag word before its first colon, and no IPv6 literal. */
  public boolean tagged() {
    return group != UNTAGGED;
  }

  /** The tag as written, "" when untagged. */
  public String tagText() {
    return group == UNTAGGED ? "" : entry.tag();
  }

  /** The file catalogue's tag (CITag tags included), or null when untagged or unknown. */
  public Tag tag() {
    return group == UNTAGGED ? null : tags.fileTag[group];
  }

  /** The stock catalogue's tag, or null when untagged, unknown or a CITag tag of the file. */
  public Tag stockTag() {
    return group == UNTAGGED ? null : tags.stockTag[group];
  }
}
