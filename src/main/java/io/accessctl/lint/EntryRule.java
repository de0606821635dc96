package io.accessctl.lint;

import io.accessctl.catalog.Tag;
import io.accessctl.source.Entry;

/** A rule that looks at one entry at a time, with the catalogue's tag for it. */
public abstract class EntryRule extends EntryVisitor {

  @Override
  public final void visit(EntryView v, LintContext ctx, Findings out) {
    check(v.entry(), v.stockTag(), ctx, out);
  }

  /**
   * Checks one entry.
   *
   * @param tag the stock catalogue's tag for the entry's tag, or null when unknown or untagged
   */
  protected abstract void check(Entry e, Tag tag, LintContext ctx, Findings out);
}
