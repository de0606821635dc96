package io.accessctl.report;

import io.accessctl.lint.Diagnostic;
import java.io.PrintWriter;

/**
 * One line per finding, the way gcc and most linters write them, for editors and {@code grep}:
 *
 * <pre>access:12:21: error: value "NO # broken" is not NO, … [AC108 inline-comment]</pre>
 *
 * <p>{@code :col} is left out when the column is 0, {@code :line:col} when the line is 0 (the file
 * as a whole). Columns are 1-based byte columns, as gcc's. Control characters in file names and
 * messages are escaped ({@link Visible}) so that every finding stays on one line. Nothing else is
 * written: no summary, and no output at all when there are no findings.
 */
final class GccReporter implements Reporter {

  @Override
  public void write(LintReport report, PrintWriter out) {
    for (Diagnostic d : report.diagnostics()) {
      out.print(headline(d, Ansi.OFF));
      out.print('\n');
    }
    out.flush();
  }

  /** {@code file:line:col: severity: message [ID name]}, styled by {@code ansi}. */
  static String headline(Diagnostic d, Ansi ansi) {
    StringBuilder loc = new StringBuilder(Visible.of(d.file()));
    if (d.line() > 0) {
      loc.append(':').append(d.line());
      if (d.column() > 0) {
        loc.append(':').append(d.column());
      }
    }
    return ansi.bold(loc.append(':').toString()) + " "
        + ansi.severity(d.severity(), d.severity().word() + ":") + " "
        + Visible.of(d.message()) + " [" + Visible.of(d.ruleId()) + " "
        + Visible.of(d.ruleName()) + "]";
  }
}
