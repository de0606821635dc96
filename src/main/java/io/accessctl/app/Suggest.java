package io.accessctl.app;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.CfFile;
import io.accessctl.cf.TlsFallback;
import io.accessctl.maillog.Failure;
import io.accessctl.maillog.FailureScanner;
import io.accessctl.maillog.LogInput;
import io.accessctl.maillog.MailLog;
import io.accessctl.maillog.Side;
import io.accessctl.maillog.Suggestion;
import io.accessctl.maillog.Suggestions;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.sendmail.Answer;
import io.accessctl.sendmail.Query;
import io.accessctl.source.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The access entries that stop the TLS handshake failures in sendmail's log, for the hosts the map
 * does not cover yet as sendmail's lookup would decide; optionally inserted into the text map.
 */
public final class Suggest {
  /**
   * @param logs the logs, oldest first; "-" is {@code stdin}
   * @param map the map to check, or null (the K line's text, else /etc/mail/access)
   * @param apply insert the entries into the text map
   * @param policy what refuses the text --apply would write
   */
  public record Request(List<String> logs, InputStream stdin, CfChoice cf, Path map,
      boolean apply, WritePolicy policy) {}

  /** A host the map already covers, and the key that does. */
  public record Covered(Suggestion suggestion, String key, String value) {}

  /**
   * @param wanted the entries to add
   * @param notes advice besides the entries (how to let sendmail fall back to clear text)
   * @param applied the edit, with --apply and something to insert
   */
  public record Result(Path map, List<Suggestion> wanted, List<Covered> covered,
      List<String> notes, Optional<Edit.Result> applied) {}

  private Suggest() {}

  /**
   * @param warnings told about a log without a line from sendmail, a stock cf that is ignored
   * @throws InvalidRequest when --apply is asked for a compiled map
   * @throws IOException when a log, the map or the cf cannot be read (the message names it)
   */
  public static Result run(Request r, Consumer<String> warnings) throws IOException {
    Optional<CfFile> cf = r.cf().read(warnings);
    MapTarget target = MapTarget.lookup(cf, r.map());
    Path mapPath = target.text();
    if (r.apply() && MapFormat.isCompiled(mapPath)) {
      throw new InvalidRequest(mapPath + " is a compiled map; --apply edits the text "
          + "map (give it with --map)");
    }
    List<Suggestion> all = Suggestions.of(scan(r, warnings));
    List<Suggestion> wanted = new ArrayList<>();
    List<Covered> covered = new ArrayList<>();
    try (MapLookup m = open(cf, mapPath)) {
      for (Suggestion s : all) {
        Answer a = m.answer(query(s));
        if (covers(s, a)) {
          covered.add(new Covered(s, a.match().map(p -> p.storedKey()).orElse(""),
              a.result().orElse("")));
        } else {
          wanted.add(s);
        }
      }
    } catch (UncheckedIOException e) {
      throw new IOException(mapPath + ": " + IoProblems.describe(e.getCause()), e.getCause());
    }
    List<String> notes = new ArrayList<>();
    cf.flatMap(c -> TlsFallback.of(c).advice())
        .filter(a -> wanted.stream().anyMatch(s -> s.side() == Side.OUTBOUND))
        .ifPresent(notes::add);
    Optional<Edit.Result> applied = Optional.empty();
    if (r.apply() && !wanted.isEmpty()) {
      applied = Optional.of(Edit.run(new Edit.Request(target, ParseOptions.defaults(), false,
          r.policy()), insertions(wanted)));
    }
    return new Result(mapPath, wanted, covered, notes, applied);
  }

  private static MapLookup open(Optional<CfFile> cf, Path p) throws IOException {
    try {
      return MapLookup.open(cf, p, ParseOptions.defaults());
    } catch (IOException e) {
      throw new IOException(IoProblems.describe(p, e), e);
    }
  }

  /** One insertion per tag: the entries of each tag in one block. */
  private static List<Edit.Step> insertions(List<Suggestion> wanted) {
    List<Edit.Step> steps = new ArrayList<>();
    for (String tag : List.of(Suggestions.TRY_TLS, Suggestions.SRV_FEATURES)) {
      List<String> block = new ArrayList<>();
      wanted.stream().filter(s -> s.tag().equals(tag)).forEach(s -> block.addAll(s.lines()));
      if (!block.isEmpty()) {
        steps.add(e -> e.insert(tag, block));
      }
    }
    return steps;
  }

  /** Reads every log in the order given. */
  private static List<Failure> scan(Request r, Consumer<String> warnings) throws IOException {
    FailureScanner scanner = new FailureScanner(LocalDate.now());
    for (String log : r.logs()) {
      long before = scanner.sendmailLines();
      try {
        if (log.equals("-")) {
          MailLog.scan(r.stdin(), LocalDate.now(), scanner);
        } else {
          Path p = Path.of(log);
          try (InputStream in = LogInput.open(p)) {
            MailLog.scan(in, LocalDate.ofInstant(Files.getLastModifiedTime(p).toInstant(),
                ZoneId.systemDefault()), scanner);
          }
        }
      } catch (IOException e) {
        throw new IOException(IoProblems.describe(log, e), e);
      }
      if (scanner.sendmailLines() == before) {
        warnings.accept((log.equals("-") ? "standard input" : log)
            + ": no line from sendmail (sm-mta, sendmail, sm-msp-queue)");
      }
    }
    return scanner.failures();
  }

  /**
   * The check sendmail would run for this host. A server: {@code {server_name}} is the relay
   * name, or the bracketed address when it has none. A client: {@code {client_name}} is its name
   * unless that is missing or "(may be forged)", then the bracketed address.
   */
  static Query query(Suggestion s) {
    Optional<String> addr = firstAddr(s);
    boolean nameIsKey = s.side() == Side.OUTBOUND && !addr.map(s.key()::equals).orElse(false);
    String name;
    if (s.side() == Side.OUTBOUND) {
      name = nameIsKey ? s.key() : "[" + s.key() + "]";
    } else {
      name = clientName(s).orElse("[" + s.key() + "]");
    }
    return Query.of(Catalog.stock().find(s.tag()).orElseThrow(), name, addr);
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
}
