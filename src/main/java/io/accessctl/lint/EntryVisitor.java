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
   * Whether, on this entry, the rule's verdict may turn on more of the key than {@link
   * Needs#sameForSameValue} allows; the {@link Linter} then runs it there without consulting or
   * recording the verdict shared by entries of the same value. A rule that declared {@code
   * sameForSameValue} and sometimes defers to another rule on the strength of the key says so
   * here.
   */
  public boolean keyDecides(EntryView v, LintContext ctx) {
    return false;
  }

  /**
   * Called once after the last entry, for a rule that reports once per file what it saw entry by
   * entry.
   */
  public void finish(LintContext ctx, Findings out) {}
}
