package io.accessctl.status;

import io.accessctl.cf.AccessMapSpec;
import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.cf.TlsFallback;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Bytes;
import io.accessctl.source.Entry;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SourceFiles;
import io.accessctl.source.SourceLine;
import io.accessctl.source.SyntaxIssue;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs the checks of {@code accessctl status}. The text is parsed as {@code accessctl compile}
 * parses it (same parser, same options: the caller decides them as compile does), so "in step"
 * means "compile would write what the db holds".
 */
public final class StatusChecker {
  private static final Set<String> FILE_CLASSES = MapFormat.names();

  private final Optional<CfFile> cf;
  private final Optional<String> installedVersion;

  /**
   * @param cf the sendmail.cf, if one was read
   * @param installedVersion the running binary's version, if known ({@link SendmailBinary})
   */
  public StatusChecker(Optional<CfFile> cf, Optional<String> installedVersion) {
    this.cf = cf;
    this.installedVersion = installedVersion;
  }

  /**
   * Checks a text map and its db.
   *
   * @param source the text map
   * @param db the compiled map
   * @param parse makemap's text options, with the K line's -f when the text is sendmail's
   * @param blocks which of makemap's complaints make compile refuse to replace the db
   * @param replace the db was compiled with -r: the last of repeated keys counts
   * @throws IOException naming the file when the text, or a db that exists, cannot be read
   */
  public StatusReport check(Path source, Path db, ParseOptions parse,
      Predicate<SyntaxIssue> blocks, boolean replace) throws IOException {
    AccessSource text = new AccessParser(parse).parse(source.toString(), SourceFiles.read(source));
    FileTime textTime = Files.getLastModifiedTime(source);
    FileTime dbTime = null;
    DbContent content = null;
    String dbError = null;
    if (Files.exists(db, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(db)) {
      try {
        content = DbContent.read(db);
        dbTime = Files.getLastModifiedTime(db);
      } catch (AccessDeniedException e) {
        throw e;
      } catch (IOException e) {
        dbError = e.getMessage();
      }
    }
    DbDiff diff = content == null ? null : DbDiff.between(text, content, replace);
    TlsFallback fallback = TlsFallback.of(cf.orElse(null), installedVersion.orElse(null));

    List<Check> checks = new ArrayList<>();
    checks.add(inStep(compileCommand(source), diff, dbError, textTime, dbTime, source, db));
    textCheck(source, text, blocks).ifPresent(checks::add);
    checks.add(kLine(db, content));
    checks.add(enabled());
    checks.add(fallback(fallback));
    int[] canit = canit(text);
    checks.add(canitCheck(source, canit));
    return new StatusReport(source, db, cf.map(CfFile::path).orElse(null), checks, diff,
        textTime, dbTime, fallback, cf.map(CfFile::version).orElse(""), canit[0], canit[1]);
  }

  /** The command that rebuilds the db as sendmail wants it: with the cf that was checked. */
  private String compileCommand(Path source) {
    String withCf = cf.map(CfFile::path).filter(p -> !samePath(p, CfFile.DEFAULT_CF))
        .map(p -> "--cf " + p + " ").orElse("");
    return "accessctl compile " + withCf + source;
  }

  private static Check inStep(String compile, DbDiff diff, String dbError,
      FileTime textTime, FileTime dbTime, Path source, Path db) {
    String id = Check.DB_IN_STEP;
    String rebuild = "run: " + compile;
    if (dbError != null) {
      return Check.of(id, CheckStatus.PROBLEM, dbError, rebuild);
    }
    if (diff == null) {
      return Check.of(id, CheckStatus.PROBLEM, db + " is missing: sendmail has no access map to"
          + " read (lookups fail, or find nothing with -o on the K line)", rebuild);
    }
    int c = textTime.compareTo(dbTime);
    if (diff.inStep()) {
      String when = c > 0
          ? "the db is older than the text but says the same (only comments or layout changed,"
              + " or the file was touched): nothing to do"
          : c == 0 ? "both have the same modification time" : "the db is newer than the text";
      return Check.of(id, CheckStatus.OK, db + " holds the " + diff.textEntries()
          + plural(diff.textEntries(), " entry", " entries") + " of " + source, when);
    }
    List<String> details = new ArrayList<>();
    for (Difference d : diff.shown()) {
      details.add(describe(d));
    }
    if (diff.total() > diff.shown().size()) {
      details.add("… and " + (diff.total() - diff.shown().size()) + " more");
    }
    details.add(c > 0 ? "the text changed after the db was built; " + rebuild
        : c == 0 ? "both have the same modification time, yet they differ: a check by time"
            + " (make, a cron job) would not rebuild it; " + rebuild
        : "the db is newer than the text but does not say what it says (built from another"
            + " file, or changed by hand?); " + rebuild + " to make it match the text");
    return new Check(id, CheckStatus.PROBLEM, db + " is not in step with " + source + ": "
        + diff.total() + plural(diff.total(), " entry differs", " entries differ"), details);
  }

  private static String describe(Difference d) {
    String key = Bytes.display(d.key());
    return switch (d.kind()) {
      case ONLY_IN_TEXT -> "only in text (line " + d.line() + "): " + key + " "
          + quoted(d.textValue());
      case ONLY_IN_DB -> "only in db: " + key + " " + quoted(d.dbValue());
      case DIFFERENT_VALUE -> "different value (line " + d.line() + "): " + key + ": text "
          + quoted(d.textValue()) + ", db " + quoted(d.dbValue());
    };
  }

  private static String quoted(String latin1) {
    return "\"" + Bytes.display(latin1) + "\"";
  }

  /** makemap's errors in the text: compile refuses to replace the db until they are fixed. */
  private static Optional<Check> textCheck(Path source, AccessSource text,
      Predicate<SyntaxIssue> blocks) {
    List<SyntaxIssue> blocking = text.issues().stream().filter(blocks).toList();
    if (blocking.isEmpty()) {
      return Optional.empty();
    }
    SyntaxIssue first = blocking.get(0);
    return Optional.of(Check.of("text", CheckStatus.PROBLEM, source + " has " + blocking.size()
        + plural(blocking.size(), " error", " errors") + " makemap reports (first: line "
        + first.line() + ": " + first.makemapMessage() + "); compile will not replace the db"
        + " until they are fixed", "run: accessctl lint " + source));
  }

  private Check kLine(Path db, DbContent content) {
    String id = Check.K_LINE;
    if (cf.isEmpty()) {
      return Check.of(id, CheckStatus.NOTE, "no sendmail.cf read: the db's file name, type,"
          + " -N and -f are not checked against the access K line");
    }
    Optional<AccessMapSpec> spec = cf.get().accessMap();
    if (spec.isEmpty()) {
      return Check.of(id, CheckStatus.NOTE, cf.get().path() + " has no access K line");
    }
    AccessMapSpec k = spec.get();
    if (!FILE_CLASSES.contains(k.mapClass())) {
      return Check.of(id, CheckStatus.NOTE, "sendmail reads the access map through "
          + k.mapClass() + " (" + k.path() + "), not from a file: " + db + " is not used");
    }
    MapFormat kFormat = MapFormat.parse(k.mapClass());
    Path expected = Path.of(k.path() + kFormat.extension());
    List<String> problems = new ArrayList<>();
    if (!samePath(db, expected)) {
      problems.add("sendmail reads " + expected + ", not " + db);
    }
    if (content != null) {
      if (content.format() != kFormat) {
        problems.add(db + " is a " + content.format() + " file, but the K line opens it as "
            + kFormat + ": sendmail cannot open it, and every access lookup fails");
      }
      long plain = content.records() - content.nulKeys();
      if (k.nulKeys() && !k.noNulKeys() && plain > 0) {
        problems.add(plain + " of " + content.records() + " keys lack the trailing NUL that -N"
            + " on the K line makes sendmail look for: those entries are never found (compile"
            + " with -N, or let accessctl compile take -N from the cf)");
      } else if (k.noNulKeys() && !k.nulKeys() && content.nulKeys() > 0) {
        problems.add(content.nulKeys() + " of " + content.records() + " keys end with a NUL"
            + " (made with makemap -N), but -O on the K line makes sendmail look them up"
            + " without: those entries are never found (compile without -N)");
      } else if (!k.nulKeys() && !k.noNulKeys() && content.nulKeys() > 0 && plain > 0) {
        problems.add("the db mixes keys with and without a trailing NUL: sendmail keeps the"
            + " form of its first successful lookup, so the answers depend on the order of"
            + " lookups (compile it again in one form)");
      } else if (k.nulKeys() && k.noNulKeys()) {
        problems.add("the K line has both -N and -O: sendmail then finds no key at all");
      }
      if (!k.noFolding() && content.upperCaseKeys() > 0) {
        problems.add(content.upperCaseKeys() + plural(content.upperCaseKeys(), " key has",
            " keys have") + " capital letters (e.g. " + Bytes.display(content.firstUpperCaseKey())
            + "), but without -f on the K line sendmail looks up keys in lower case: never"
            + " found (compile without -f)");
      }
    }
    String kText = "K line: " + k.mapClass() + flags(k) + " " + k.path();
    if (problems.isEmpty()) {
      return Check.of(id, CheckStatus.OK, db + " is the " + k.mapClass() + " file "
          + cf.get().path() + " names, with the keys its lookups expect", kText);
    }
    List<String> details = new ArrayList<>(problems.subList(1, problems.size()));
    details.add(kText);
    return new Check(id, CheckStatus.PROBLEM, problems.get(0), details);
  }

  private static String flags(AccessMapSpec k) {
    return (k.nulKeys() ? " -N" : "") + (k.noNulKeys() ? " -O" : "") + (k.noFolding() ? " -f" : "")
        + (k.optional() ? " -o" : "");
  }

  private Check enabled() {
    String id = Check.ACCESS_MAP_ENABLED;
    if (cf.isEmpty()) {
      return Check.of(id, CheckStatus.NOTE, "no sendmail.cf read: cannot tell whether sendmail"
          + " uses the access map");
    }
    CfFile c = cf.get();
    if (!c.has(Feature.ACCESS_DB)) {
      // the same judgement and advice as lint's AC401 no-access-db
      String why = c.accessMap().isEmpty()
          ? c.path() + " has no access map (no Kaccess line: FEATURE(`access_db') is not in its"
              + " .mc)"
          : c.path() + " declares the access map but none of its rulesets looks anything up in it";
      return Check.of(id, CheckStatus.PROBLEM, why + ": Try_TLS, Srv_Features and every other"
          + " entry do nothing", "add FEATURE(`access_db', , `skip')dnl to sendmail.mc before the"
          + " other FEATUREs and rebuild sendmail.cf (Debian: sendmailconfig, or make -C"
          + " /etc/mail)");
    }
    return Check.of(id, CheckStatus.OK, c.path() + " reads the access map");
  }

  private Check fallback(TlsFallback f) {
    List<String> details = new ArrayList<>();
    String cfVersion = cf.map(CfFile::version).orElse("");
    String binary = f.versionFrom() == TlsFallback.VersionFrom.BINARY
        ? "installed sendmail " + f.version()
        : f.versionFrom() == TlsFallback.VersionFrom.CF
            ? "sendmail " + f.version()
                + " (from the cf's DZ line; the binary's version is unknown)"
            : "sendmail version unknown";
    if (f.versionFrom() == TlsFallback.VersionFrom.BINARY && !cfVersion.isEmpty()
        && !cfVersion.equals(f.version())) {
      details.add("the cf was made for " + cfVersion + ": rebuild it from its .mc so its rules"
          + " match the binary");
    }
    f.advice().ifPresent(details::add);
    // Without a cf nobody can say the option is off: it lives in the cf (off by default there).
    String state = cf.isEmpty() && f.supported()
        ? TlsFallback.CF_OPTION + " is a sendmail.cf option and no cf was read (sendmail "
            + f.version() + " supports it; it is off unless the cf sets it)"
        : f.summary();
    return new Check(Check.TLS_FALLBACK, f.enabled() && f.supported() ? CheckStatus.OK
        : CheckStatus.NOTE, binary + "; " + state, details);
  }

  /** {first marker's line or 0, entries below it}. */
  private static int[] canit(AccessSource text) {
    List<SourceLine> markers = text.canitMarkers();
    if (markers.isEmpty()) {
      return new int[] {0, 0};
    }
    int line = markers.get(0).number();
    int below = 0;
    for (Entry e : text.entries()) {
      if (e.lineNumber() > line) {
        below++;
      }
    }
    return new int[] {line, below};
  }

  private static Check canitCheck(Path source, int[] canit) {
    if (canit[0] == 0) {
      return Check.of(Check.CANIT, CheckStatus.NOTE, "no CanIt marker: every entry is hand-made");
    }
    return Check.of(Check.CANIT, CheckStatus.NOTE, canit[1]
        + plural(canit[1], " entry", " entries") + " below the CanIt marker (line " + canit[0]
        + ") " + plural(canit[1], "belongs", "belong") + " to CanIt, which may rewrite that part",
        "hand-made entries there are lint's AC501: accessctl lint " + source);
  }

  private static boolean samePath(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  private static String plural(long n, String one, String many) {
    return n == 1 ? one : many;
  }
}
