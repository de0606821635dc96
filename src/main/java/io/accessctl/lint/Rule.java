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

  /**
   * Whether what the rule reports depends on the sendmail.cf at hand (a report then says which cf
   * it judged against): every rule that needs the cf, and those that only read it.
   */
  default boolean consultsCf() {
    return needs().cf();
  }
}
