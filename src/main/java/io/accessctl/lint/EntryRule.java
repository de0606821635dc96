package io.accessctl.lint;

import io.accessctl.catalog.Tag;
import io.accessctl.source.Entry;
import java.util.ArrayList;
import java.util.List;

/** A rule that looks at one entry at a time. */
public abstract class EntryRule implements Rule {

  @Override
  public final void check(LintContext ctx, Findings out) {
    List<Entry> entries = ctx.source().entries();
    List<Tag> tags = ctx.memo("entry-tags", () -> {
      List<Tag> t = new ArrayList<>(entries.size());
      for (Entry e : entries) {
        t.add(ctx.catalog().find(e.tag()).orElse(null));
      }
      return t;
    });
    for (int i = 0; i < entries.size(); i++) {
      check(entries.get(i), tags.get(i), ctx, out);
    }
  }

  /**
   * Checks one entry.
   *
   * @param tag the catalogue's tag for the entry's tag, or null when unknown or untagged
   */
  protected abstract void check(Entry e, Tag tag, LintContext ctx, Findings out);
}
