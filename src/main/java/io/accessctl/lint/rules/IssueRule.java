package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Rule;
import io.accessctl.source.SourceLine;
import io.accessctl.source.SyntaxIssue;

/** A rule that reports one kind of error makemap itself reports. */
abstract class IssueRule implements Rule {
  private final SyntaxIssue.Kind kind;

  IssueRule(SyntaxIssue.Kind kind) {
    this.kind = kind;
  }

  @Override
  public final void check(LintContext ctx, Findings out) {
    for (SyntaxIssue issue : ctx.source().issues()) {
      if (issue.kind() == kind) {
        report(issue, ctx.source().line(issue.line()), ctx, out);
      }
    }
  }

  abstract void report(SyntaxIssue issue, SourceLine line, LintContext ctx, Findings out);
}
