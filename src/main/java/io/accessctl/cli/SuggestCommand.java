package io.accessctl.cli;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.CfFile;
import io.accessctl.cf.TlsFallback;
import io.accessctl.lint.Diagnostic;
import io.accessctl.maillog.FailureScanner;
import io.accessctl.maillog.MailLog;
import io.accessctl.maillog.Side;
import io.accessctl.maillog.Suggestion;
import io.accessctl.maillog.Suggestions;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.report.Json;
import io.accessctl.sendmail.Answer;
import io.accessctl.sendmail.Query;
import io.accessctl.sendmail.Rules;
import io.accessctl.sendmail.Simulator;
import io.accessctl.source.MapEditor;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SourceFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code accessctl suggest --from-log LOG…}: the access entries that stop the TLS handshake
 * failures in sendmail's log, for the hosts the map does not cover yet.
 */
@Command(name = "suggest", mixinStandardHelpOptions = true,
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
            + " nothing else in the file changes, a second run adds nothing, and a result with"
            + " lint errors the map did not have is refused."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:nothing to suggest, or --apply wrote the entries (or found them there)",
        "1:entries suggested (printed, not applied)", "2:usage error",
        "65:--apply refused: the result would not lint, or a key is in the map with another"
            + " value (--compile: the map has errors; the db is left alone)",
        "66:a log, the map or the sendmail.cf cannot be read",
        "73:--apply: the map cannot be written (--compile: the db cannot be created)"})
public final class SuggestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ParentCommand
  AccessctlCommand root;

  @Option(names = "--from-log", required = true, arity = "1..*", paramLabel = "LOG",
      description = "sendmail's mail log(s), e.g. /var/log/mail.log.1 /var/log/mail.log"
          + " ('-': standard input).")
  List<String> logs;

  @Option(names = "--map", paramLabel = "MAP", description = "The access text map (default: the"
      + " access K line's file in sendmail.cf, else " + CompileCommand.DEFAULT_SOURCE + "); a"
      + " compiled hash, btree or cdb file is read too, but --apply needs the text.")
  Path map;

  @Option(names = "--cf", paramLabel = "FILE", description = "sendmail.cf whose rules decide"
      + " what the map covers (default: /etc/mail/sendmail.cf when present).")
  Path cf;

  @Option(names = "--no-cf", description = "Assume the newest sendmail's rules; read no cf.")
  boolean noCf;

  @Option(names = "--apply", description = "Insert the entries into the text map.")
  boolean apply;

  @Option(names = "--compile", description = "With --apply: then rebuild the db as 'accessctl"
      + " compile' would.")
  boolean compile;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default): ready-to-paste lines; json: one object.")
  String format;

  /** A host the map already covers, and the key that does. */
  record Covered(Suggestion suggestion, String key, String value) {}

  @Override
  public Integer call() throws IOException {
    boolean json = switch (format) {
      case "json" -> true;
      case "text" -> false;
      default -> throw new ParameterException(spec.commandLine(),
          "--format must be text or json, not \"" + format + "\"");
    };
    if (compile && !apply) {
      throw new ParameterException(spec.commandLine(), "--compile needs --apply");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<CfFile> cfFile;
    try {
      cfFile = SendmailCf.read(cf, noCf, err);
    } catch (IOException e) {
      throw new ExitException(ExitCodes.NO_INPUT, ErrorHandler.describe(e));
    }
    Rules rules = cfFile.map(Rules::of).orElseGet(Rules::assumed);
    ParseOptions text = ParseOptions.defaults().withFoldKeys(rules.foldsKeys());
    Path mapPath = SendmailCf.textMap(map, cfFile);
    if (apply && MapFormat.isCompiled(mapPath)) {
      throw new ParameterException(spec.commandLine(), mapPath + " is a compiled map; --apply"
          + " edits the text map (give it with --map)");
    }

    List<Suggestion> all = Suggestions.of(scan());
    List<Suggestion> wanted = new ArrayList<>();
    List<Covered> covered = new ArrayList<>();
    try (MapSource m = openMap(mapPath, cfFile, text)) {
      Simulator sim = new Simulator(rules, rules.accessMap(key -> {
        try {
          return m.get(key.getBytes(StandardCharsets.ISO_8859_1))
              .map(v -> new String(v, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
      for (Suggestion s : all) {
        Answer a = sim.lookup(query(s));
        if (covers(s, a)) {
          covered.add(new Covered(s, a.match().map(p -> p.storedKey()).orElse(""),
              a.result().orElse("")));
        } else {
          wanted.add(s);
        }
      }
    } catch (UncheckedIOException e) {
      throw new ExitException(ExitCodes.NO_INPUT, mapPath + ": " + ErrorHandler.describe(
          e.getCause()));
    }
    List<String> notes = new ArrayList<>();
    cfFile.flatMap(c -> TlsFallback.of(c).advice())
        .filter(a -> wanted.stream().anyMatch(s -> s.side() == Side.OUTBOUND))
        .ifPresent(notes::add);

    String applied = null;
    if (apply && !wanted.isEmpty()) {
      applied = apply(mapPath, wanted, text, cfFile);
    }
    if (json) {
      out.println(json(wanted, covered, notes, applied));
    } else {
      for (Suggestion s : wanted) {
        s.lines().forEach(out::println);
      }
      for (Covered c : covered) {
        err.println("accessctl: note: " + c.suggestion().tag() + ":" + c.suggestion().key()
            + " left out: " + c.suggestion().failures() + " failure(s), already covered by "
            + c.key() + " " + c.value().strip());
      }
      for (String n : notes) {
        err.println("accessctl: note: " + n);
      }
      if (applied != null) {
        out.println("accessctl: " + applied);
      }
    }
    out.flush();
    err.flush();
    if (apply && compile) {
      int code = compile(mapPath);
      if (code != ExitCodes.OK) {
        return code;
      }
    }
    if (wanted.isEmpty() || apply) {
      return ExitCodes.OK;
    }
    return ExitCodes.FINDINGS;
  }

  /** Reads every log in the order given. */
  private List<io.accessctl.maillog.Failure> scan() {
    FailureScanner scanner = new FailureScanner(LocalDate.now());
    for (String log : logs) {
      long before = scanner.sendmailLines();
      try {
        if (log.equals("-")) {
          MailLog.scan(root.stdin, LocalDate.now(), scanner);
        } else {
          Path p = Path.of(log);
          try (InputStream in = io.accessctl.maillog.LogInput.open(p)) {
            MailLog.scan(in, LocalDate.ofInstant(Files.getLastModifiedTime(p).toInstant(),
                ZoneId.systemDefault()), scanner);
          }
        }
      } catch (IOException e) {
        String why = ErrorHandler.describe(e);
        throw new ExitException(ExitCodes.NO_INPUT, why.startsWith(log) ? why : log + ": " + why);
      }
      if (scanner.sendmailLines() == before) {
        spec.commandLine().getErr().println("accessctl: warning: " + (log.equals("-")
            ? "standard input" : log) + ": no line from sendmail (sm-mta, sendmail, sm-msp-queue)");
      }
    }
    return scanner.failures();
  }

  private static MapSource openMap(Path p, Optional<CfFile> cfFile, ParseOptions text) {
    try {
      return MapSource.open(p, cfFile, text);
    } catch (IOException e) {
      String why = ErrorHandler.describe(e);
      throw new ExitException(ExitCodes.NO_INPUT, why.startsWith(p.toString()) ? why
          : p + ": " + why);
    }
  }

  /**
   * The check sendmail would run for this host. A server: {@code {server_name}} is the relay
   * name, or the bracketed address when it has none. A client: {@code {client_name}} is its name
   * unless that is missing or "(may be forged)", then the bracketed address.
   */
  private static Query query(Suggestion s) {
    String tag = s.tag();
    Optional<String> addr = firstAddr(s);
    boolean nameIsKey = s.side() == Side.OUTBOUND && !addr.map(s.key()::equals).orElse(false);
    String name;
    if (s.side() == Side.OUTBOUND) {
      name = nameIsKey ? s.key() : "[" + s.key() + "]";
    } else {
      name = clientName(s).orElse("[" + s.key() + "]");
    }
    return Query.of(Catalog.stock().find(tag).orElseThrow(), name, addr);
  }

  /** The address in the first "name [addr]" form the host was logged with. */
  private static Optional<String> firstAddr(Suggestion s) {
    for (String p : s.peers()) {
      int open = p.indexOf('[');
      if (open >= 0 && p.endsWith("]")) {
        return Optional.of(p.substring(open + 1, p.length() - 1));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> clientName(Suggestion s) {
    for (String p : s.peers()) {
      int open = p.indexOf(" [");
      if (open > 0) {
        return Optional.of(p.substring(0, open));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the map already does what the suggestion would: STARTTLS is not tried with the
   * server, or not offered to the client (the last S/s letter sendmail reads is S).
   */
  static boolean covers(Suggestion s, Answer a) {
    String code = a.effect().code();
    if (s.side() == Side.OUTBOUND) {
      return code.equals("no-starttls");
    }
    if (!code.startsWith("flags ")) {
      return false;
    }
    String last = "";
    for (String letter : code.substring("flags ".length()).split(" ")) {
      if (letter.equalsIgnoreCase("S")) {
        last = letter;
      }
    }
    return last.equals("S");
  }

  /**
   * Inserts the entries, one block per tag, and writes the map when the result lints no worse
   * than the original. Returns what was done, naming the file ("access:7: inserted 6 lines").
   */
  private String apply(Path mapPath, List<Suggestion> wanted, ParseOptions text,
      Optional<CfFile> cfFile) {
    byte[] original;
    try {
      original = SourceFiles.read(mapPath);
    } catch (IOException e) {
      throw new ExitException(ExitCodes.NO_INPUT, ErrorHandler.describe(e));
    }
    byte[] now = original;
    List<String> done = new ArrayList<>();
    for (String tag : List.of(Suggestions.TRY_TLS, Suggestions.SRV_FEATURES)) {
      List<String> block = new ArrayList<>();
      wanted.stream().filter(s -> s.tag().equals(tag)).forEach(s -> block.addAll(s.lines()));
      if (block.isEmpty()) {
        continue;
      }
      MapEditor.Edit edit;
      try {
        edit = new MapEditor(mapPath.toString(), now, text).insert(tag, block);
      } catch (MapEditor.Refused r) {
        throw new ExitException(ExitCodes.DATA_ERROR, r.getMessage() + "; --apply refused, "
            + mapPath + " is unchanged");
      }
      now = edit.text();
      done.add(edit.message());
    }
    if (now == original) {
      return mapPath + ": nothing to insert (" + String.join("; ", done) + ")";
    }
    List<Diagnostic> introduced = MapEdits.newErrors(mapPath, original, now, text, cfFile);
    if (!introduced.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      introduced.forEach(d -> err.println("accessctl: " + d.file() + ":" + d.line() + ": "
          + d.message() + " [" + d.ruleId() + "]"));
      throw new ExitException(ExitCodes.DATA_ERROR, mapPath + ": the entries would bring "
          + introduced.size() + " lint error(s); --apply refused, the map is unchanged");
    }
    try {
      TextFiles.replace(mapPath, now);
    } catch (IOException e) {
      throw new ExitException(ExitCodes.CANT_CREATE, mapPath + ": "
          + ErrorHandler.describe(e));
    }
    return String.join("; ", done);
  }

  private int compile(Path mapPath) {
    return MapEdits.compile(spec.commandLine().getOut(), spec.commandLine().getErr(),
        root.console, root.stdin, root.debug, cf, noCf, false, mapPath);
  }

  private static String json(List<Suggestion> wanted, List<Covered> covered, List<String> notes,
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
    for (Covered c : covered) {
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
