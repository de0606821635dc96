package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.SourceLine;
import io.accessctl.source.SyntaxIssue;

/** AC102: a key with nothing after it. */
public final class MissingValue extends IssueRule {
  static final RuleInfo INFO = new RuleInfo("AC102", "missing-value", Severity.ERROR,
      "a key without a value",
      """
      Every entry needs a value after the key. makemap reports "no RHS for LHS key", drops the
      line and exits 65 (unless the map is built with -e, which stores an empty value — and an
      empty value is found, stops the walk and does nothing).

      Wrong:
        Try_TLS:broken.example
      Right:
        Try_TLS:broken.example NO
      """);

  public MissingValue() {
    super(SyntaxIssue.Kind.MISSING_VALUE);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void report(SyntaxIssue issue, SourceLine line, LintContext ctx, Findings out) {
    if (Damage.claimsLine(ctx, issue.line())) {
      return; // a wrapped value or a value alone: AC112 and AC227 say what happened
    }
    out.add(INFO, line, issue.column(), "key has no value: makemap drops the line (\"no RHS for "
        + "LHS\") and exits 65; add a value after the key");
  }
}
