package io.accessctl.lint;

/** A check over a parsed access map. Implementations are small, stateless and thread-safe. */
public interface Rule {
  RuleInfo info();

  void check(LintContext ctx, Findings out);
}
