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
    Chunks.each(report.diagnostics(), (d, sb) -> headline(d, Ansi.OFF, sb).append('\n'), out);
    out.flush();
  }

  /** Appends {@code file:line:col: severity: message [ID name]}, styled by {@code ansi}. */
  static StringBuilder headline(Diagnostic d, Ansi ansi, StringBuilder sb) {
    ansi.beginBold(sb);
    sb.append(Visible.of(d.file()));
    if (d.line() > 0) {
      sb.append(':').append(d.line());
      if (d.column() > 0) {
        sb.append(':').append(d.column());
      }
    }
    sb.append(':');
    ansi.end(sb);
    sb.append(' ');
    ansi.beginSeverity(d.severity(), sb);
    sb.append(d.severity().word()).append(':');
    ansi.end(sb);
    sb.append(' ').append(Visible.of(d.message())).append(" [").append(Visible.of(d.ruleId()))
        .append(' ').append(Visible.of(d.ruleName())).append(']');
    return sb;
  }
}
