package io.accessctl.lint;

/**
 * A rule that judges each entry by itself (perhaps against per-file data it memoizes). The
 * {@link Linter} runs all of them entry by entry; run alone, it walks the entries itself. Either
 * way it sees the entries {@link EntryView#judged} gives: what it could not report is left out.
 */
public abstract class EntryVisitor implements Rule {

  @Override
  public final void check(LintContext ctx, Findings out) {
    for (EntryView v : EntryView.judged(ctx)) {
      visit(v, ctx, out);
    }
  }

  /** Checks one entry. */
  public abstract void visit(EntryView v, LintContext ctx, Findings out);
}
