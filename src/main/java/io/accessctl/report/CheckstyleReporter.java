package io.accessctl.report;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.Message;
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
final class CheckstyleReporter extends ByteReporter {
  static final String FORMAT_VERSION = "4.3";
  static final String SOURCE_PREFIX = "accessctl.";

  @Override
  void render(LintReport report, ByteText out) {
    out.ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .ascii("<checkstyle version=\"").ascii(FORMAT_VERSION).ascii("\">\n");
    for (Map.Entry<String, List<Diagnostic>> file : report.byFile().entrySet()) {
      out.ascii("  <file name=\"").text(Xml.escape(file.getKey())).ascii('"');
      if (file.getValue().isEmpty()) {
        out.ascii("/>\n");
        continue;
      }
      out.ascii(">\n");
      for (Diagnostic d : file.getValue()) {
        out.ascii("    <error line=\"").number(d.line()).ascii('"');
        if (d.column() > 0) {
          out.ascii(" column=\"").number(d.column()).ascii('"');
        }
        out.ascii(" severity=\"").ascii(d.severity().word())
            .ascii("\" message=\"");
        Message message = d.text();
        for (int i = 0; i < message.parts(); i++) {
          out.text(Xml.escape(message.part(i)));
        }
        out.ascii("\" source=\"").text(Xml.escape(SOURCE_PREFIX + d.ruleId()))
            .ascii("\"/>\n");
        out.spill();
      }
      out.ascii("  </file>\n");
    }
    out.ascii("</checkstyle>\n");
  }
}
