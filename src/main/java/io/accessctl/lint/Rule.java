package io.accessctl.lint;

/** A check over a parsed access map. Implementations are small, stateless and thread-safe. */
public interface Rule {
  RuleInfo info();

  /** Runs the rule over the whole map, whatever it {@linkplain #needs declares}. */
  void check(LintContext ctx, Findings out);

  /** What the rule needs from the {@link Linter}; a whole-file rule unless it says otherwise. */
  default Needs needs() {
    return Needs.wholeFile();
  }
}
