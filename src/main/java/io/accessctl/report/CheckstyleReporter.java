package io.accessctl.report;

import io.accessctl.lint.Diagnostic;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * Checkstyle's XML report, which Jenkins (warnings-ng), GitLab converters, reviewdog and many CI
 * tools read:
 *
 * <pre>{@code
 * <?xml version="1.0" encoding="UTF-8"?>
 * <checkstyle version="4.3">
 *   <file name="access">
 *     <error line="3" column="24" severity="error" message="…" source="accessctl.AC108"/>
 *   </file>
 *   <file name="access.local"/>
 * </checkstyle>
 * }</pre>
 *
 * <p>Every checked file has a {@code <file>} element, a clean one too, so that tools see it was
 * checked. {@code line} is 0 for a finding about the whole file; {@code column} (a 1-based byte
 * column) is left out when there is none; {@code severity} is {@code error}, {@code warning} or
 * {@code info}. Attribute values are escaped by {@link Xml}: the document is pure ASCII, so the
 * declared UTF-8 holds whatever the output encoding.
 */
final class CheckstyleReporter implements Reporter {
  static final String FORMAT_VERSION = "4.3";
  static final String SOURCE_PREFIX = "accessctl.";

  @Override
  public void write(LintReport report, PrintWriter out) {
    StringBuilder sb = Chunks.builder().append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<checkstyle version=\"").append(FORMAT_VERSION).append("\">\n");
    for (Map.Entry<String, List<Diagnostic>> file : report.byFile().entrySet()) {
      sb.append("  <file name=\"").append(Xml.escape(file.getKey())).append('"');
      if (file.getValue().isEmpty()) {
        sb.append("/>\n");
        continue;
      }
      sb.append(">\n");
      for (Diagnostic d : file.getValue()) {
        sb.append("    <error line=\"").append(d.line()).append('"');
        if (d.column() > 0) {
          sb.append(" column=\"").append(d.column()).append('"');
        }
        sb.append(" severity=\"").append(d.severity().word())
            .append("\" message=\"").append(Xml.escape(d.message()))
            .append("\" source=\"").append(Xml.escape(SOURCE_PREFIX + d.ruleId()))
            .append("\"/>\n");
        Chunks.spill(sb, out);
      }
      sb.append("  </file>\n");
    }
    sb.append("</checkstyle>\n");
    Chunks.drain(sb, out);
    out.flush();
  }
}
