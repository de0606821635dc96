package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SourceLine;
import io.accessctl.source.SyntaxIssue;

/** AC104: makemap reads at most 1023 bytes of a line. */
public final class LineTooLong extends IssueRule {
  static final RuleInfo INFO = new RuleInfo("AC104", "line-too-long", Severity.WARNING,
      "a line of 1023 bytes or more",
      """
      makemap reads lines into a 1024-byte buffer. A longer line is reported ("line too long") and
      dropped, and the rest of it is read as the next line — which may store a garbage entry — and
      every later line number shifts. accessctl compile reads the line whole and stores it, so the
      map works when built with accessctl, not with makemap. Keep lines shorter (sendmail uses at
      most 256 bytes of a key anyway).

      Wrong:
        AuthInfo:relay.example "U:…" "P:…(a 1500-byte secret)…"
      Right:
        a value below 1000 bytes
      """);

  public LineTooLong() {
    super(SyntaxIssue.Kind.LINE_TOO_LONG);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void report(SyntaxIssue issue, SourceLine line, LintContext ctx, Findings out) {
    out.add(INFO, line, issue.column(), "line is " + line.text().length() + " bytes long: makemap "
        + "rejects it and reads the rest as another entry (accessctl compile stores it whole); "
        + "shorten it below " + ParseOptions.MAKEMAP_READ + " bytes");
  }
}
