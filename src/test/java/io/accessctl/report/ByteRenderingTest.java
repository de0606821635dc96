package io.accessctl.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.testutil.AccessGen;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every format rendered as bytes (to a stream, and decoded to a writer) against a straightforward
 * reference that builds the same text in a StringBuilder, as the reporters did before they
 * rendered bytes, and encodes it as standard output's UTF-8 encoder would: random findings whose
 * texts mix printable ASCII with everything the formats escape or encode, in reports small and
 * large enough to be rendered on two threads.
 */
class ByteRenderingTest {
  private static final List<RuleInfo> RULES = List.of(
      new RuleInfo("AC101", "syntax", Severity.ERROR, "summary one", "explained\nat length"),
      new RuleInfo("AC216", "to-reject", Severity.WARNING, "summary \"two\"", "why: \u2192 x"),
      new RuleInfo("AC403", "clt-features", Severity.INFO, "", "caf\u00e9 <&>"));
  private static final String[] PIECES = {
      "plain words", "mx3.example.net", " ", "?", "??", "\"", "\\", "\t", "\r", "\n", "\0",
      "\u001b[31m", "\u007f", "\u00e9", "\u00a0", "\u0085", "\u2192", "\u202e", "\u2028", "\u65e5",
      "\ud83d\udce7", "\ud800", "\udc00", "\ufffd", "%", ",", ":", "<&>", "'", "\u00ff",
  };

  @Test
  void everyFormatRendersAsTheReferenceDoes() {
    long seed = AccessGen.seed();
    System.err.println("ByteRenderingTest: " + AccessGen.replayHint(seed));
    for (int c = 0; c < 40; c++) {
      Random rnd = new Random(AccessGen.caseSeed(seed, c));
      // a few reports large enough for the second rendering thread (Chunks.PARALLEL_FROM)
      int n = c % 10 == 9 ? Chunks.PARALLEL_FROM + rnd.nextInt(2000) : rnd.nextInt(40);
      LintReport report = report(rnd, n);
      for (OutputFormat format : OutputFormat.values()) {
        boolean colour = rnd.nextBoolean();
        byte[] expected = reference(format, colour, report).getBytes(StandardCharsets.UTF_8);
        Reporter reporter = format.reporter(new ReportOptions(colour, "1.2.3"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        reporter.write(report, bytes);
        StringWriter chars = new StringWriter();
        reporter.write(report, new PrintWriter(chars));
        String context = format + " case " + c + ", " + AccessGen.replayHint(seed);
        // bytes compared as ISO-8859-1 text: one char per byte, and a readable difference
        assertThat(new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1)).as(context)
            .isEqualTo(new String(expected, StandardCharsets.ISO_8859_1));
        assertThat(chars.toString()).as(context)
            .isEqualTo(new String(expected, StandardCharsets.UTF_8));
      }
    }
  }

  private static LintReport report(Random rnd, int n) {
    String[] files = {"mail/access", "my access", "/etc/mail/caf\u00e9", "x\u202ey", "\u65e5.map"};
    List<Diagnostic> found = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      RuleInfo rule = RULES.get(rnd.nextInt(RULES.size()));
      String source = rnd.nextInt(4) == 0 ? null : latin1(rnd);
      found.add(new Diagnostic(files[rnd.nextInt(files.length)], rnd.nextInt(5) == 0 ? 0
          : 1 + rnd.nextInt(200_000), rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(60),
          Severity.values()[rnd.nextInt(3)], rule, text(rnd), source, rnd.nextBoolean()));
    }
    LintReport.JudgedAgainst cf = switch (rnd.nextInt(3)) {
      case 0 -> null;
      case 1 -> new LintReport.JudgedAgainst(null, null);
      default -> new LintReport.JudgedAgainst("/etc/mail/" + text(rnd), "8.17.1.9");
    };
    return new LintReport(List.of(files).subList(0, 1 + rnd.nextInt(files.length)), found, cf);
  }

  /** Mostly printable ASCII, as messages are, with something to escape or encode now and then. */
  private static String text(Random rnd) {
    StringBuilder sb = new StringBuilder();
    int parts = 1 + rnd.nextInt(8);
    for (int i = 0; i < parts; i++) {
      sb.append(rnd.nextInt(3) == 0 ? PIECES[rnd.nextInt(PIECES.length)] : PIECES[0]);
    }
    return sb.toString();
  }

  /** A source line as the parser keeps it: one char per byte. */
  private static String latin1(Random rnd) {
    byte[] utf8 = text(rnd).replace("\n", "").replace("\r", "").getBytes(StandardCharsets.UTF_8);
    return new String(utf8, StandardCharsets.ISO_8859_1);
  }

  // The reference: each format built in a StringBuilder from the same helpers.

  private static String reference(OutputFormat format, boolean colour, LintReport r) {
    StringBuilder sb = new StringBuilder();
    switch (format) {
      case GCC -> r.diagnostics().forEach(d -> sb.append(headline(d, false)).append('\n'));
      case TEXT -> text(r, colour, sb);
      case JSON -> json(r, sb);
      case SARIF -> sarif(r, sb);
      case GITHUB -> r.diagnostics().forEach(d -> github(d, sb));
      case CHECKSTYLE -> checkstyle(r, sb);
    }
    return sb.toString();
  }

  private static String headline(Diagnostic d, boolean colour) {
    String bold = colour ? "\033[1m" : "";
    String reset = colour ? "\033[0m" : "";
    String severity = !colour ? "" : switch (d.severity()) {
      case ERROR -> "\033[1;31m";
      case WARNING -> "\033[1;33m";
      case INFO -> "\033[1;36m";
    };
    String place = d.line() == 0 ? "" : ":" + d.line() + (d.column() == 0 ? "" : ":" + d.column());
    return bold + Visible.of(d.file()) + place + ":" + reset + " " + severity
        + d.severity().word() + ":" + reset + " " + Visible.of(d.message()) + " ["
        + Visible.of(d.ruleId()) + " " + Visible.of(d.ruleName()) + "]";
  }

  private static void text(LintReport r, boolean colour, StringBuilder sb) {
    for (Diagnostic d : r.diagnostics()) {
      sb.append(headline(d, colour)).append('\n');
      if (d.line() > 0 && d.sourceText() != null) {
        Snippet.Rendered s = Snippet.render(d.sourceText(), d.column());
        String number = String.valueOf(d.line());
        sb.append(' ').append(number).append(" | ").append(s.line()).append('\n');
        if (s.caretPadding() != null) {
          sb.append(' ').append(" ".repeat(number.length())).append(" | ")
              .append(s.caretPadding()).append(caret(d, colour)).append('\n');
        }
      }
      sb.append('\n');
    }
    if (r.cf() != null) {
      sb.append("note: ").append(r.cf().sentence()).append('\n');
    }
    if (r.filesChecked() > 0) {
      sb.append(TextReporter.summary(r)).append('\n');
    }
  }

  private static String caret(Diagnostic d, boolean colour) {
    if (!colour) {
      return "^";
    }
    String code = switch (d.severity()) {
      case ERROR -> "\033[1;31m";
      case WARNING -> "\033[1;33m";
      case INFO -> "\033[1;36m";
    };
    return code + "^\033[0m";
  }

  private static void json(LintReport r, StringBuilder sb) {
    Json j = Json.compact(sb).beginObject().field("version", 1).name("diagnostics").beginArray();
    for (Diagnostic d : r.diagnostics()) {
      j.beginObject().field("file", d.file()).field("line", d.line())
          .field("column", d.column()).field("severity", d.severity().word())
          .field("rule", d.ruleId()).field("name", d.ruleName()).field("message", d.message())
          .field("fixable", d.fixable()).endObject();
    }
    j.endArray().name("summary").beginObject().field("files", r.filesChecked())
        .field("filesWithFindings", r.filesWithFindings())
        .field("diagnostics", r.diagnostics().size())
        .field("errors", r.count(Severity.ERROR)).field("warnings", r.count(Severity.WARNING))
        .field("infos", r.count(Severity.INFO)).field("fixable", r.fixableCount());
    if (r.cf() != null) {
      j.name("cf").beginObject().field("file", r.cf().file()).field("version", r.cf().version())
          .field("note", r.cf().sentence()).endObject();
    }
    j.endObject().endObject();
    sb.append('\n');
  }

  private static void sarif(LintReport r, StringBuilder sb) {
    Json j = Json.pretty(sb).beginObject().field("$schema", SarifReporter.SCHEMA)
        .field("version", "2.1.0").name("runs").beginArray().beginObject()
        .name("tool").beginObject().name("driver").beginObject().field("name", "accessctl")
        .field("version", "1.2.3").name("rules").beginArray();
    List<String> ids = new ArrayList<>();
    for (RuleInfo rule : r.rules()) {
      ids.add(rule.id());
      j.beginObject().field("id", rule.id()).field("name", rule.name());
      message(j, "shortDescription", rule.summary());
      message(j, "fullDescription", rule.explanation());
      message(j, "help", rule.explanation());
      j.name("defaultConfiguration").beginObject()
          .field("level", SarifReporter.level(rule.severity())).endObject().endObject();
    }
    j.endArray().endObject().endObject().field("columnKind", "utf16CodeUnits")
        .name("results").beginArray();
    for (Diagnostic d : r.diagnostics()) {
      j.beginObject().field("ruleId", d.ruleId()).field("ruleIndex", ids.indexOf(d.ruleId()))
          .field("level", SarifReporter.level(d.severity()));
      message(j, "message", d.message());
      j.name("locations").beginArray().beginObject().name("physicalLocation").beginObject()
          .name("artifactLocation").beginObject().field("uri", SarifReporter.uri(d.file()))
          .endObject();
      if (d.line() > 0) {
        j.name("region").beginObject().field("startLine", d.line());
        if (d.column() > 0) {
          j.field("startColumn", Utf8.utf16Column(d.sourceText(), d.column()));
        }
        j.endObject();
      }
      j.endObject().endObject().endArray().endObject();
    }
    j.endArray().endObject().endArray().endObject();
    sb.append('\n');
  }

  private static void message(Json j, String name, String text) {
    if (text != null && !text.isEmpty()) {
      j.name(name).beginObject().field("text", text).endObject();
    }
  }

  private static void github(Diagnostic d, StringBuilder sb) {
    String command = switch (d.severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "notice";
    };
    sb.append("::").append(command).append(" file=")
        .append(GithubReporter.escapeProperty(d.file()));
    if (d.line() > 0) {
      sb.append(",line=").append(d.line());
      if (d.column() > 0) {
        sb.append(",col=").append(Utf8.utf16Column(d.sourceText(), d.column()));
      }
    }
    sb.append(",title=").append(GithubReporter.escapeProperty(d.ruleId() + " " + d.ruleName()))
        .append("::").append(GithubReporter.escapeData(d.message())).append('\n');
  }

  private static void checkstyle(LintReport r, StringBuilder sb) {
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    for (Map.Entry<String, List<Diagnostic>> file : r.byFile().entrySet()) {
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
        sb.append(" severity=\"").append(d.severity().word()).append("\" message=\"")
            .append(Xml.escape(d.message())).append("\" source=\"")
            .append(Xml.escape("accessctl." + d.ruleId())).append("\"/>\n");
      }
      sb.append("  </file>\n");
    }
    sb.append("</checkstyle>\n");
  }
}
