package io.accessctl.report;

import io.accessctl.lint.Diagnostic;

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
final class GccReporter extends ByteReporter {

  @Override
  void render(LintReport report, ByteText out) {
    Chunks.each(report.diagnostics(), (d, text) -> headline(d, Ansi.OFF, text).ascii('\n'), out);
  }

  /** Appends {@code file:line:col: severity: message [ID name]}, styled by {@code ansi}. */
  static ByteText headline(Diagnostic d, Ansi ansi, ByteText out) {
    ansi.beginBold(out);
    out.visible(d.file());
    if (d.line() > 0) {
      out.ascii(':').number(d.line());
      if (d.column() > 0) {
        out.ascii(':').number(d.column());
      }
    }
    out.ascii(':');
    ansi.end(out);
    out.ascii(' ');
    ansi.beginSeverity(d.severity(), out);
    out.ascii(d.severity().word()).ascii(':');
    ansi.end(out);
    out.ascii(' ').visible(d.text()).ascii(" [").visible(d.ruleId()).ascii(' ')
        .visible(d.ruleName()).ascii(']');
    return out;
  }
}
