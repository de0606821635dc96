package io.accessctl.report;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.Message;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 (OASIS), as GitHub code scanning reads it: one run whose {@code tool.driver} is
 * accessctl and lists the rules that found something, and one result per finding.
 *
 * <ul>
 *   <li>{@code rules[]}: {@code id}, {@code name}, {@code shortDescription} (the rule's summary),
 *       {@code fullDescription} and {@code help} (its explanation, what {@code accessctl explain}
 *       prints), {@code defaultConfiguration.level}; ordered by id, and {@code ruleIndex} points
 *       into them.
 *   <li>{@code level}: {@code error}, {@code warning}, or {@code note} for info.
 *   <li>{@code artifactLocation.uri}: the file name as given, with forward slashes, percent-encoded
 *       where a URI needs it ({@code my access} → {@code my%20access}); an absolute path becomes a
 *       {@code file://} URI. Relative names are what code scanning wants: paths relative to the
 *       repository root.
 *   <li>{@code region}: {@code startLine}, and {@code startColumn} when the finding has a column;
 *       no region for a finding about the whole file (line 0). The run declares {@code columnKind}
 *       {@code utf16CodeUnits}, SARIF's default and what GitHub counts, so byte columns are
 *       converted with the offending line's text ({@link Utf8#utf16Column}).
 * </ul>
 *
 * <p>Pretty-printed, pure ASCII (see {@link Json}).
 */
final class SarifReporter extends ByteReporter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SARIF_VERSION = "2.1.0";
  static final String TOOL = "accessctl";
  /** How deep the results are: in their array, in the run, in the runs, in the document. */
  private static final int RESULTS_DEPTH = 4;

  private final String toolVersion;

  SarifReporter(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  @Override
  void render(LintReport report, ByteText out) {
    List<RuleInfo> rules = report.rules();
    Map<String, Integer> ruleIndex = new HashMap<>();
    Json json = Json.of(out, true);
    json.beginObject()
        .field("$schema", SCHEMA)
        .field("version", SARIF_VERSION)
        .name("runs").beginArray().beginObject()
        .name("tool").beginObject().name("driver").beginObject()
        .field("name", TOOL);
    if (toolVersion != null) {
      json.field("version", toolVersion);
    }
    json.name("rules").beginArray();
    for (RuleInfo r : rules) {
      ruleIndex.put(r.id(), ruleIndex.size());
      writeRule(json, r);
    }
    json.endArray().endObject().endObject()
        .field("columnKind", "utf16CodeUnits")
        .name("results").beginArray();
    Chunks.each(report.diagnostics(), (found, first, text) -> {
      Json results = Json.elements(text, true, RESULTS_DEPTH, first);
      String file = null;
      String uri = null;
      for (Diagnostic d : found) {
        if (!d.file().equals(file)) { // the findings of a file come together
          file = d.file();
          uri = uri(file);
        }
        writeResult(results, d, ruleIndex.get(d.ruleId()), uri);
        text.spill();
      }
    }, out);
    json.wroteElements(report.diagnostics().size());
    json.endArray().endObject().endArray().endObject();
    out.ascii('\n');
  }

  private static void writeRule(Json json, RuleInfo r) {
    json.beginObject().field("id", r.id());
    if (r.name() != null) {
      json.field("name", r.name());
    }
    message(json, "shortDescription", r.summary());
    message(json, "fullDescription", r.explanation());
    message(json, "help", r.explanation());
    json.name("defaultConfiguration").beginObject().field("level", level(r.severity()))
        .endObject().endObject();
  }

  private static void writeResult(Json json, Diagnostic d, int ruleIndex, String uri) {
    json.beginObject()
        .field("ruleId", d.ruleId())
        .field("ruleIndex", ruleIndex)
        .field("level", level(d.severity()));
    message(json, "message", d.text());
    json.name("locations").beginArray().beginObject()
        .name("physicalLocation").beginObject()
        .name("artifactLocation").beginObject().field("uri", uri).endObject();
    if (d.line() > 0) {
      json.name("region").beginObject().field("startLine", d.line());
      if (d.column() > 0) {
        json.field("startColumn", Utf8.utf16Column(d.sourceText(), d.column()));
      }
      json.endObject();
    }
    json.endObject().endObject().endArray().endObject();
  }

  private static void message(Json json, String name, String text) {
    if (text != null && !text.isEmpty()) {
      json.name(name).beginObject().field("text", text).endObject();
    }
  }

  private static void message(Json json, String name, Message text) {
    if (text != null && text.length() > 0) {
      json.name(name).beginObject().field("text", text).endObject();
    }
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /** The file name as a URI reference; see the class comment. */
  static String uri(String file) {
    String path = File.separatorChar == '/' ? file : file.replace(File.separatorChar, '/');
    String prefix = "";
    if (path.startsWith("/")) {
      prefix = "file://";
    } else if (path.length() > 2 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':'
        && path.charAt(2) == '/') {
      prefix = "file:///";
    }
    StringBuilder sb = new StringBuilder(prefix);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isUriPathChar(c) || (c == ':' && !prefix.isEmpty())) {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  /**
   * RFC 3986 {@code pchar} and {@code /}, without {@code :} (which would make a relative
   * reference's first segment look like a scheme).
   */
  private static boolean isUriPathChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
  }
}
