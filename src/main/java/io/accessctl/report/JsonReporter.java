package io.accessctl.report;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.Severity;
import java.util.List;

/**
 * One JSON document on one line (then a line break), for scripts:
 *
 * <pre>{@code
 * {"version":1,
 *  "diagnostics":[{"file":"access","line":3,"column":24,"severity":"error","rule":"AC108",
 *                  "name":"inline-comment","message":"…","fixable":false}],
 *  "summary":{"files":2,"filesWithFindings":1,"diagnostics":1,"errors":1,"warnings":0,
 *             "infos":0,"fixable":0}}
 * }</pre>
 *
 * <ul>
 *   <li>{@code version}: the shape's version, 1; a change that breaks readers raises it.
 *   <li>{@code diagnostics}: in report order (file as given, line, column, rule). {@code line} is
 *       1-based, 0 for a finding about the whole file; {@code column} is a 1-based byte column, 0
 *       when there is none. {@code severity} is {@code error}, {@code warning} or {@code info};
 *       {@code rule} the stable id, {@code name} the rule's kebab-case name; {@code fixable} says
 *       whether {@code --fix} repairs it.
 *   <li>{@code summary}: {@code files} checked (with or without findings),
 *       {@code filesWithFindings}, {@code diagnostics} (all findings), {@code errors}, {@code
 *       warnings} and {@code infos} (the findings of each severity) and {@code fixable} (those
 *       {@code --fix} repairs); {@code cf}, only when some finding depends on the sendmail.cf:
 *       {@code file} (null when none was read), {@code version} and a {@code note} for people.
 * </ul>
 *
 * <p>The document is pure ASCII (see {@link Json}).
 */
final class JsonReporter extends ByteReporter {
  static final int VERSION = 1;
  /** How deep the diagnostics are: in the array, in the document. */
  private static final int DIAGNOSTICS_DEPTH = 2;

  @Override
  void render(LintReport report, ByteText out) {
    Json json = Json.of(out, false);
    json.beginObject().field("version", VERSION).name("diagnostics").beginArray();
    Chunks.each(report.diagnostics(), JsonReporter::diagnostics, out);
    json.wroteElements(report.diagnostics().size());
    json.endArray().name("summary").beginObject()
        .field("files", report.filesChecked())
        .field("filesWithFindings", report.filesWithFindings())
        .field("diagnostics", report.diagnostics().size())
        .field("errors", report.count(Severity.ERROR))
        .field("warnings", report.count(Severity.WARNING))
        .field("infos", report.count(Severity.INFO))
        .field("fixable", report.fixableCount());
    if (report.cf() != null) {
      json.name("cf").beginObject().field("file", report.cf().file())
          .field("version", report.cf().version()).field("note", report.cf().sentence())
          .endObject();
    }
    json.endObject().endObject();
    out.ascii('\n');
  }

  private static void diagnostics(List<Diagnostic> found, boolean first, ByteText out) {
    Json json = Json.elements(out, false, DIAGNOSTICS_DEPTH, first);
    for (Diagnostic d : found) {
      json.beginObject()
          .field("file", d.file())
          .field("line", d.line())
          .field("column", d.column())
          .field("severity", d.severity().word())
          .field("rule", d.ruleId())
          .field("name", d.ruleName())
          .field("message", d.text())
          .field("fixable", d.fixable())
          .endObject();
      out.spill();
    }
  }
}
