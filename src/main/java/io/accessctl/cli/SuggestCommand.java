package io.accessctl.cli;

import io.accessctl.app.Edit;
import io.accessctl.app.InvalidRequest;
import io.accessctl.app.IoProblems;
import io.accessctl.app.Suggest;
import io.accessctl.maillog.Side;
import io.accessctl.maillog.Suggestion;
import io.accessctl.report.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code accessctl suggest --from-log LOG…}: the access entries that stop the TLS handshake
 * failures in sendmail's log, for the hosts the map does not cover yet.
 */
@Command(name = "suggest",
    description = {"Find failed STARTTLS handshakes in sendmail's mail log and print the access"
        + " entries that stop them: Try_TLS:<server> NO for servers we deliver to (deferrals"
        + " \"TLS handshake failed\", tls_server rejects, STARTTLS=client errors), Srv_Features:"
        + "<client address> S for clients whose handshake with us fails (STARTTLS=server"
        + " errors). Each entry comes with a comment line saying why.",
        "Servers are keyed by the relay= host name (as sendmail looks it up: no trailing dot),"
            + " never by the recipient's domain; clients by their address. Hosts the map already"
            + " covers, as sendmail's lookup would decide, are left out.",
        "LOG may be plain or gzip-compressed (told by its content), or '-' for standard input;"
            + " give rotated files oldest first.",
        "With --apply the entries go into the text map above the CanIt marker (or at the end);"
            + " nothing else in the file changes, a second run adds nothing, and the edited map"
            + " is judged as compile judges it (--strict, --force)."},
    exitCodeList = {"0:nothing to suggest, or --apply wrote the entries (or found them there)",
        "1:entries suggested (printed, not applied)", "2:usage error",
        "65:--apply refused: the edited map would not lint, or a key is in the map with another"
            + " value (--compile: the map has errors; the db is left alone)",
        "66:a log, the map or the sendmail.cf cannot be read",
        "73:--apply: the map cannot be written (--compile: the db cannot be created)"})
public final class SuggestCommand extends Subcommand {
  @Option(names = "--from-log", required = true, arity = "1..*", paramLabel = "LOG",
      description = "sendmail's mail log(s), e.g. /var/log/mail.log.1 /var/log/mail.log"
          + " ('-': standard input).")
  List<String> logs;

  @Mixin
  MapOption map;

  @Mixin
  CfOptions cf;

  @Option(names = "--apply", description = "Insert the entries into the text map.")
  boolean apply;

  @Option(names = "--compile", description = "With --apply: then rebuild the db as 'accessctl"
      + " compile' would, with the same --strict and --force.")
  boolean compile;

  @Mixin
  PolicyOptions policy;

  @Mixin
  TextOrJson format;

  @Override
  public Integer call() {
    boolean json = format.json();
    if (!apply && (compile || policy.force || policy.strict)) {
      // without --apply nothing is written, so these would silently do nothing
      throw new ParameterException(spec.commandLine(), (compile ? "--compile"
          : policy.force ? "--force" : "--strict") + " needs --apply");
    }
    PrintWriter out = out();
    PrintWriter err = err();
    Suggest.Result r;
    try {
      r = Suggest.run(new Suggest.Request(logs, root.stdin, cf.choice(), map.map, apply,
          policy.policy()),
          Warnings.to(err));
    } catch (InvalidRequest e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    } catch (IOException e) {
      throw new ExitException(ExitCodes.NO_INPUT, IoProblems.describe(e));
    }
    String applied = r.applied().map(e -> applied(e, err)).orElse(null);
    if (json) {
      out.println(json(r.wanted(), r.covered(), r.notes(), applied));
    } else {
      for (Suggestion s : r.wanted()) {
        s.lines().forEach(out::println);
      }
      for (Suggest.Covered c : r.covered()) {
        err.println("accessctl: note: " + c.suggestion().tag() + ":" + c.suggestion().key()
            + " left out: " + c.suggestion().failures() + " failure(s), already covered by "
            + c.key() + " " + c.value().strip());
      }
      for (String n : r.notes()) {
        err.println("accessctl: note: " + n);
      }
      if (applied != null) {
        out.println("accessctl: " + applied);
      }
    }
    out.flush();
    err.flush();
    if (apply && compile) {
      int code = CompileRun.run(EditOptions.compileRequest(cf.choice(), r.map(),
          policy.policy()), false, root.console, out, err);
      if (code != ExitCodes.OK) {
        return code;
      }
    }
    return r.wanted().isEmpty() || apply ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  /** What --apply did, naming the file ("access:7: inserted 6 lines"); a refusal ends the run. */
  private static String applied(Edit.Result e, PrintWriter err) {
    return switch (e.outcome()) {
      case REFUSED -> throw new ExitException(ExitCodes.DATA_ERROR, e.message()
          + "; --apply refused, " + e.map() + " is unchanged");
      case WOULD_NOT_LINT -> {
        refusing(e, err);
        throw new ExitException(ExitCodes.DATA_ERROR, e.map() + ": with the entries the map "
            + "would have " + e.checked().orElseThrow().problems() + " problem(s); --apply "
            + "refused, the map is unchanged");
      }
      case UNCHANGED -> e.map() + ": nothing to insert (" + e.message() + ")";
      default -> {
        if (e.overridden()) {
          refusing(e, err);
          EditOptions.overrode(e, err);
        }
        yield e.message();
      }
    };
  }

  /** The findings that refuse --apply, or that --force overrode, one line each. */
  private static void refusing(Edit.Result e, PrintWriter err) {
    e.refusing().forEach(d -> err.println("accessctl: " + d.file() + ":" + d.line() + ": "
        + d.message() + " [" + d.ruleId() + "]"));
  }

  private static String json(List<Suggestion> wanted, List<Suggest.Covered> covered, List<String> notes,
      String applied) {
    StringBuilder sb = new StringBuilder(1024);
    Json j = Json.compact(sb);
    j.beginObject();
    j.field("version", 1);
    j.name("suggestions").beginArray();
    for (Suggestion s : wanted) {
      j.beginObject();
      j.field("tag", s.tag());
      j.field("key", s.key());
      j.field("value", s.value());
      j.field("entry", s.entry());
      j.field("comment", s.comment());
      j.field("side", s.side() == Side.OUTBOUND ? "server" : "client");
      j.name("peers");
      strings(j, s.peers());
      j.field("failures", s.failures());
      j.field("deferrals", s.deferrals());
      j.name("replies");
      strings(j, s.replies());
      j.field("first", s.first().toString());
      j.field("last", s.last().toString());
      j.name("recipientDomains");
      strings(j, s.recipientDomains());
      j.endObject();
    }
    j.endArray();
    j.name("covered").beginArray();
    for (Suggest.Covered c : covered) {
      j.beginObject();
      j.field("tag", c.suggestion().tag());
      j.field("key", c.suggestion().key());
      j.field("failures", c.suggestion().failures());
      j.field("coveredBy", c.key());
      j.field("value", c.value().strip());
      j.endObject();
    }
    j.endArray();
    j.name("notes");
    strings(j, notes);
    j.name("applied");
    if (applied == null) {
      j.nullValue();
    } else {
      j.value(applied);
    }
    j.endObject();
    return sb.toString();
  }

  private static void strings(Json j, java.util.Collection<String> values) {
    j.beginArray();
    values.forEach(j::value);
    j.endArray();
  }
}
