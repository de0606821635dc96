package io.accessctl.lint;

/**
 * A rule that judges each entry by itself (perhaps against per-file data it memoizes). The
 * {@link Linter} hands it only the entries its {@link #needs} declare; run alone ({@link #check}),
 * it walks every entry of the file, which is how tests prove the declaration honest.
 */
public abstract class EntryVisitor implements Rule {

  /** Which entries the rule judges and what it reads; {@link Needs#perEntry()} must be true. */
  @Override
  public abstract Needs needs();

  @Override
  public final void check(LintContext ctx, Findings out) {
    boolean tokens = needs().tokens();
    for (EntryView v : EntryView.of(ctx)) {
      v.allowTokens(tokens);
      visit(v, ctx, out);
    }
    finish(ctx, out);
  }

  /** Checks one entry. */
  public abstract void visit(EntryView v, LintContext ctx, Findings out);

  /**
   * Called once after the last entry, for a rule that reports once per file what it saw entry by
   * entry.
   */
  public void finish(LintContext ctx, Findings out) {}
}
