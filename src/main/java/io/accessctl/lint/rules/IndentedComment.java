package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SourceLine;
import io.accessctl.source.SyntaxIssue;

/** AC111: a comment must start in column 1; an indented one is a leading-space error. */
public final class IndentedComment extends IssueRule {
  static final RuleInfo INFO = new RuleInfo("AC111", "indented-comment", Severity.ERROR,
      "a comment that does not start in column 1",
      """
      makemap treats a line as a comment only when the comment character is its very first byte.
      An indented comment is a line with leading white space, which makemap rejects ("syntax error
      (leading space)") and which makes it exit 65 — so a Makefile that checks the exit status
      stops, and one that does not installs a map built with errors.

      Wrong:
          # customers
      Right:
        # customers
      """);

  public IndentedComment() {
    super(SyntaxIssue.Kind.LEADING_SPACE);
  }

  static boolean isIndentedComment(String text, LintContext ctx) {
    int cc = ctx.source().options().commentChar();
    String t = text.stripLeading();
    return cc != ParseOptions.NONE && !t.isEmpty() && t.charAt(0) == cc;
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void report(SyntaxIssue issue, SourceLine line, LintContext ctx, Findings out) {
    if (isIndentedComment(line.text(), ctx)) {
      out.add(INFO, Severity.ERROR, line, 1, "comment is indented: makemap reads it as a line "
          + "with leading white space and fails (exit 65); start the comment in column 1", true);
    }
  }
}
