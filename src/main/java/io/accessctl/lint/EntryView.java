package io.accessctl.lint;

import io.accessctl.catalog.Catalog;
import io.accessctl.catalog.Tag;
import io.accessctl.lint.rules.QuietEntries;
import io.accessctl.source.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * One entry as every rule sees it, with what rules derive from it (the key split, the value as
 * meant and its tokens) computed at most once and kept beside the entry.
 *
 * <p>Why: 60-odd rules each look at every entry. When each rule walked the whole list and fetched
 * its shared data from a per-file map, a 100,000-entry map spent most of its lint time in cache
 * misses. The {@link Linter} now hands one view at a time to all per-entry rules, so an entry's
 * derived data is computed by the first rule that asks and still in the cache for the rest.
 */
public final class EntryView {
  private static final Object NONE = new Object();
  private static final int SLOTS = 4;
  private static final AtomicInteger NEXT_SLOT = new AtomicInteger();

  private final int index;
  private final Entry entry;
  private final Catalog catalog;
  private Tag tag;
  private boolean tagFound;
  private Object[] derived;

  private EntryView(int index, Entry entry, Catalog catalog) {
    this.index = index;
    this.entry = entry;
    this.catalog = catalog;
  }

  /** Something rules derive from an entry; declare one as a constant and ask views for it. */
  public static final class Derived<T> {
    private final int slot;
    private final BiFunction<EntryView, LintContext, T> compute;

    private Derived(BiFunction<EntryView, LintContext, T> compute) {
      this.slot = NEXT_SLOT.getAndIncrement();
      if (slot >= SLOTS) {
        throw new IllegalStateException("EntryView has " + SLOTS + " slots; raise SLOTS");
      }
      this.compute = compute;
    }

    /** @param compute a pure function of the entry and the file: its result is shared */
    public static <T> Derived<T> of(BiFunction<EntryView, LintContext, T> compute) {
      return new Derived<>(compute);
    }
  }

  /**
   * The entries that per-entry rules judge, in file order, created once per file: all but those
   * {@link QuietEntries} finds that no per-entry rule can report.
   */
  public static List<EntryView> judged(LintContext ctx) {
    return ctx.memo("judged-entry-views", () -> {
      List<Entry> entries = QuietEntries.of(ctx).judged();
      List<EntryView> views = new ArrayList<>(entries.size());
      for (Entry e : entries) {
        views.add(new EntryView(e.index(), e, ctx.catalog()));
      }
      return views;
    });
  }

  /** The value {@code d} gives for this entry, computed on first use. May be null. */
  @SuppressWarnings("unchecked")
  public <T> T get(Derived<T> d, LintContext ctx) {
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

  /** Position of the entry in the file's entry list. */
  public int index() {
    return index;
  }

  public Entry entry() {
    return entry;
  }

  /** The catalogue's tag for the entry's tag, or null when unknown or untagged. */
  public Tag tag() {
    if (!tagFound) {
      tag = catalog.find(entry.tag()).orElse(null);
      tagFound = true;
    }
    return tag;
  }

}
