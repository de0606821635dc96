package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.SourceLine;
import io.accessctl.source.SyntaxIssue;

/** AC101: makemap has no continuation lines; an indented line is an error and is dropped. */
public final class LeadingWhitespace extends IssueRule {
  static final RuleInfo INFO = new RuleInfo("AC101", "leading-whitespace", Severity.ERROR,
      "a line starts with white space",
      """
      makemap rejects every line that starts with a space or tab ("syntax error (leading space)"),
      also a line of nothing but blanks: there are no continuation lines in an access map. The
      entry on that line is not stored, and makemap exits 65.

      Wrong:
        Connect:spam.example REJECT
          Connect:spam2.example REJECT
      Right:
        Connect:spam.example REJECT
        Connect:spam2.example REJECT
      """);

  public LeadingWhitespace() {
    super(SyntaxIssue.Kind.LEADING_SPACE);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void report(SyntaxIssue issue, SourceLine line, LintContext ctx, Findings out) {
    String t = Values.withoutCr(line.text());
    if (t.isBlank()) {
      out.add(INFO, Severity.ERROR, line, 1,
          "line of only blanks: makemap rejects it (syntax error); make it empty", true);
    } else if (IndentedComment.isIndentedComment(t, ctx)) {
      return; // AC111 says it better
    } else {
      out.add(INFO, line, 1, "line starts with white space, so makemap rejects it and "
          + "sendmail never sees this entry; remove the indentation");
    }
  }
}
