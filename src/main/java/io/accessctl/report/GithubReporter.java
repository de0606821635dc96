package io.accessctl.report;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.Message;

/**
 * GitHub Actions workflow commands, one per finding, which annotate the pull request:
 *
 * <pre>::error file=access,line=3,col=24,title=AC108 inline-comment::value "NO # broken" is …</pre>
 *
 * <p>{@code error}, {@code warning}, and {@code notice} for info. {@code line} is left out for a
 * finding about the whole file, {@code col} when there is no column; the column counts UTF-16 code
 * units, as GitHub does ({@link Utf8#utf16Column}). Escaping follows the Actions toolkit: in the
 * message {@code %}, CR and LF become {@code %25}, {@code %0D}, {@code %0A}; in property values
 * also {@code :} and {@code ,} become {@code %3A} and {@code %2C}. So no message can end the
 * command early or start another one.
 */
final class GithubReporter extends ByteReporter {

  @Override
  void render(LintReport report, ByteText out) {
    Chunks.each(report.diagnostics(), GithubReporter::command, out);
  }

  private static void command(Diagnostic d, ByteText out) {
    out.ascii("::").ascii(command(d)).ascii(" file=").text(escapeProperty(d.file()));
    if (d.line() > 0) {
      out.ascii(",line=").number(d.line());
      if (d.column() > 0) {
        out.ascii(",col=").number(Utf8.utf16Column(d.sourceText(), d.column()));
      }
    }
    out.ascii(",title=").text(escapeProperty(d.ruleId() + " " + d.ruleName()))
        .ascii("::");
    Message message = d.text();
    for (int i = 0; i < message.parts(); i++) {
      out.text(escapeData(message.part(i)));
    }
    out.ascii('\n');
  }

  private static String command(Diagnostic d) {
    return switch (d.severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "notice";
    };
  }

  /** The toolkit's {@code escapeData}: {@code %}, CR, LF. */
  static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** The toolkit's {@code escapeProperty}: {@link #escapeData} plus {@code :} and {@code ,}. */
  static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
