package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Rule;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.SourceLine;

/** AC106: CRLF line endings; the CR ends up in every value. Reported once per file. */
public final class Crlf implements Rule {
  static final RuleInfo INFO = new RuleInfo("AC106", "crlf", Severity.WARNING,
      "CRLF (Windows) line endings",
      """
      makemap removes only the LF at the end of a line; the CR before it stays in the value and is
      stored in the db. Keywords still work (sendmail's tokenizer drops the CR), but messages in
      ERROR: values carry it, a key alone on a line becomes "no RHS" error, and a dump of the db
      never equals the text. accessctl lint --fix rewrites the file with LF endings.

      Wrong:
        Try_TLS:broken.example NO\\r\\n
      Right:
        Try_TLS:broken.example NO\\n
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx, Findings out) {
    // a plain loop: a stream over every line of a large map costs more than the test of each
    SourceLine first = null;
    int count = 0;
    for (SourceLine l : ctx.source().lines()) {
      if (l.endsWithCr()) {
        first = first == null ? l : first;
        count++;
      }
    }
    if (first == null) {
      return;
    }
    String more = count == 1 ? "" : " (and " + (count - 1) + " more lines)";
    out.add(INFO, Severity.WARNING, first, first.text().length(),
        "line ends with CR LF" + more + ": makemap stores the CR as part of the value; "
            + "convert the file to LF endings (accessctl lint --fix)", true);
  }
}
