package io.accessctl.report;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.Severity;

/**
 * The format for people. Each finding is the {@linkplain GccReporter gcc line}, then (when the
 * finding has a line and its text) the line and a caret under the column, then a blank line:
 *
 * <pre>
 * access:3:24: error: value "NO # broken" is not NO, … [AC108 inline-comment]
 *  3 | Try_TLS:broken.example	NO # broken
 *    | 	 ^
 * </pre>
 *
 * <p>The source line is rendered by {@link Snippet} (tabs kept, escapes and wide characters
 * accounted for, long lines cut around the caret with {@code …}). The report ends with one summary
 * line, unless no file could be read (the errors on stderr say why):
 *
 * <pre>
 * 3 problems (2 errors, 1 warning, 0 info) in 1 of 2 files, 1 fixable with --fix
 * no problems found in 2 files
 * </pre>
 *
 * <p>With colour on, the location is bold and the severity word and caret are red (error), yellow
 * (warning) or cyan (info).
 */
final class TextReporter extends ByteReporter {
  private final Ansi ansi;

  TextReporter(boolean color) {
    this.ansi = Ansi.of(color);
  }

  @Override
  void render(LintReport report, ByteText out) {
    Chunks.each(report.diagnostics(), this::finding, out);
    if (report.cf() != null) {
      out.ascii("note: ").text(report.cf().sentence()).ascii('\n');
    }
    if (report.filesChecked() > 0) { // not "no problems found" when no file could be read
      out.ascii(summary(report)).ascii('\n');
    }
  }

  /** One finding: its gcc line, the source line with a caret under the column, a blank line. */
  private void finding(Diagnostic d, ByteText out) {
    GccReporter.headline(d, ansi, out);
    out.ascii('\n');
    if (d.line() > 0 && d.sourceText() != null) {
      Snippet.Rendered r = Snippet.render(d.sourceText(), d.column());
      String number = Integer.toString(d.line());
      out.ascii(' ').ascii(number).ascii(" | ").text(r.line()).ascii('\n');
      if (r.caretPadding() != null) {
        out.ascii(' ');
        for (int i = 0; i < number.length(); i++) {
          out.ascii(' ');
        }
        out.ascii(" | ").text(r.caretPadding());
        ansi.beginSeverity(d.severity(), out);
        out.ascii('^');
        ansi.end(out);
        out.ascii('\n');
      }
    }
    out.ascii('\n');
  }

  /** The last line, without its line break. */
  static String summary(LintReport report) {
    int files = report.filesChecked();
    int problems = report.diagnostics().size();
    if (problems == 0) {
      return "no problems found in " + plural(files, "file");
    }
    int dirty = report.filesWithFindings();
    StringBuilder sb = new StringBuilder()
        .append(plural(problems, "problem"))
        .append(" (").append(plural(report.count(Severity.ERROR), "error"))
        .append(", ").append(plural(report.count(Severity.WARNING), "warning"))
        .append(", ").append(report.count(Severity.INFO)).append(" info) in ")
        .append(dirty == files ? plural(files, "file") : dirty + " of " + plural(files, "file"));
    int fixable = report.fixableCount();
    if (fixable > 0) {
      sb.append(", ").append(fixable).append(" fixable with --fix");
    }
    return sb.toString();
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
