package io.accessctl.lint;

import io.accessctl.catalog.Tag;
import io.accessctl.source.Entry;

/** A rule that looks at one entry at a time. */
public abstract class EntryRule implements Rule {

  @Override
  public final void check(LintContext ctx, Findings out) {
    for (Entry e : ctx.source().entries()) {
      check(e, ctx.catalog().find(e.tag()).orElse(null), ctx, out);
    }
  }

  /**
   * Checks one entry.
   *
   * @param tag the catalogue's tag for the entry's tag, or null when unknown or untagged
   */
  protected abstract void check(Entry e, Tag tag, LintContext ctx, Findings out);
}
