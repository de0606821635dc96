package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.SourceLine;
import io.accessctl.source.SyntaxIssue;

/** AC105: a NUL byte ends makemap's view of a line. */
public final class NulByte extends IssueRule {
  static final RuleInfo INFO = new RuleInfo("AC105", "nul-byte", Severity.ERROR,
      "a NUL byte in a line",
      """
      makemap handles lines as C strings: a NUL byte hides the rest of the line, and makemap
      reports the line as "line too long", drops it and exits 65. A NUL usually means the file was
      saved in UTF-16 or has binary garbage pasted into it.

      Wrong:
        Connect:spam.example<NUL> REJECT
      Right:
        Connect:spam.example REJECT
      """);

  public NulByte() {
    super(SyntaxIssue.Kind.NUL_BYTE);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void report(SyntaxIssue issue, SourceLine line, LintContext ctx, Findings out) {
    out.add(INFO, line, issue.column(), "NUL byte: makemap drops this line (it reports \"line too "
        + "long\"); remove the NUL (is the file UTF-16?)");
  }
}
