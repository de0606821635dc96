package io.accessctl.status;

import io.accessctl.cf.TlsFallback;
import io.accessctl.report.Json;
import java.io.PrintWriter;
import java.nio.file.attribute.FileTime;
import java.util.Locale;

/**
 * The report as one JSON document. Field names are a contract for scripts:
 *
 * <pre>
 * {"version":1, "inOrder":bool, "problems":n, "source", "db", "cf": path or null,
 *  "checks":[{"id","status":"ok|problem|note","summary","details":[…]}],
 *  "content":{"inStep":bool, "differences":n, "shown":[{"kind":"only-in-text|only-in-db|
 *             different-value","key","text","db","line"}]} or null when the db is unreadable,
 *  "modified":{"text","db"} (ISO-8601 UTC, db null when missing),
 *  "sendmail":{"version","versionFrom":"binary|cf|unknown","cfVersion",
 *              "tlsFallbackSupported","tlsFallbackEnabled","advice"},
 *  "canit":{"markerLine": n or null,"entriesBelow":n}}
 * </pre>
 */
public final class StatusJson {
  public static final int VERSION = 1;

  private StatusJson() {}

  public static void write(StatusReport r, PrintWriter out) {
    Json j = Json.pretty(out);
    j.beginObject().field("version", VERSION).name("inOrder").value(r.inOrder())
        .field("problems", r.problems())
        .field("source", r.source().toString()).field("db", r.db().toString())
        .field("cf", r.cf() == null ? null : r.cf().toString());
    j.name("checks").beginArray();
    for (Check c : r.checks()) {
      j.beginObject().field("id", c.id()).field("status", c.status().word())
          .field("summary", c.summary()).name("details").beginArray();
      c.details().forEach(j::value);
      j.endArray().endObject();
    }
    j.endArray();
    j.name("content");
    if (r.diff() == null) {
      j.nullValue();
    } else {
      j.beginObject().name("inStep").value(r.diff().inStep())
          .field("differences", r.diff().total()).name("shown").beginArray();
      for (Difference d : r.diff().shown()) {
        j.beginObject().field("kind", d.kind().id()).field("key", d.key())
            .field("text", d.textValue()).field("db", d.dbValue());
        j.name("line");
        if (d.line() == 0) {
          j.nullValue();
        } else {
          j.value(d.line());
        }
        j.endObject();
      }
      j.endArray().endObject();
    }
    j.name("modified").beginObject().field("text", time(r.textModified()))
        .field("db", time(r.dbModified())).endObject();
    TlsFallback f = r.fallback();
    j.name("sendmail").beginObject().field("version", f.version().isEmpty() ? null : f.version())
        .field("versionFrom", f.versionFrom().name().toLowerCase(Locale.ROOT))
        .field("cfVersion", r.cfVersion().isEmpty() ? null : r.cfVersion())
        .name("tlsFallbackSupported").value(f.supported())
        .name("tlsFallbackEnabled").value(f.enabled())
        .field("advice", f.advice().orElse(null)).endObject();
    j.name("canit").beginObject().name("markerLine");
    if (r.canitMarkerLine() == 0) {
      j.nullValue();
    } else {
      j.value(r.canitMarkerLine());
    }
    j.field("entriesBelow", r.canitEntries()).endObject();
    j.endObject();
    out.println();
    out.flush();
  }

  private static String time(FileTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}
