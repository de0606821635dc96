package io.accessctl.cli;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.AccessMapSpec;
import io.accessctl.cf.CfFile;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Linter;
import io.accessctl.lint.Severity;
import io.accessctl.mapfile.AtomicFile;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.Record;
import io.accessctl.mapfile.WriteOptions;
import io.accessctl.report.LintReport;
import io.accessctl.report.OutputFormat;
import io.accessctl.report.ReportOptions;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Bytes;
import io.accessctl.source.CompileScan;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SourceFiles;
import io.accessctl.source.SyntaxIssue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code accessctl compile}: the text map to the file sendmail opens, atomically, and only when
 * the file would say what the text says.
 */
@Command(name = "compile", mixinStandardHelpOptions = true,
    description = {"Compile an access text map to the hash, btree or cdb file sendmail reads.",
        "The old file is replaced atomically (temp file, fsync, rename) and keeps its owner, "
            + "group and mode; it is left alone when the text has errors makemap would report.",
        "Lines longer than makemap's 1023 bytes are compiled whole. When the file is the one "
            + "sendmail.cf's access K line names, its class, -N and -f are the defaults.",
        "The other lint rules run too (on maps of up to " + CompileCommand.FULL_LINT_MAX
            + " entries, or always with --strict); their findings are printed and block only "
            + "with --strict."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:written", "2:usage error",
        "65:the source has errors (the db is left alone; with --strict also lint warnings)",
        "66:the source or the cf cannot be read", "73:the output cannot be created (or is a "
            + "symbolic link)"})
public final class CompileCommand implements Callable<Integer> {
  static final String DEFAULT_SOURCE = "/etc/mail/access";
  /** Beyond this many entries the lint rules other than makemap's checks only run with --strict. */
  static final int FULL_LINT_MAX = 10_000;
  /** Diagnostics printed in full; the rest are counted. */
  static final int MAX_SHOWN = 50;

  @Spec
  CommandSpec spec;

  @ParentCommand
  AccessctlCommand root;

  @Parameters(paramLabel = "SOURCE", arity = "0..1",
      description = "The text map (default: the access K line's file in sendmail.cf, else "
          + DEFAULT_SOURCE + ").")
  Path source;

  @Option(names = {"-o", "--output"}, paramLabel = "DB",
      description = "The file to write (default: SOURCE plus .db, or .cdb for cdb).")
  Path output;

  @Option(names = "--type", paramLabel = "TYPE", completionCandidates = MapFormat.Names.class,
      description = "hash, btree or cdb (default: the K line's class, else hash).")
  String type;

  @Option(names = "--cf", paramLabel = "FILE",
      description = "sendmail.cf whose access K line gives the defaults "
          + "(default: /etc/mail/sendmail.cf when present).")
  Path cf;

  @Option(names = "--no-cf", description = "Do not read any sendmail.cf.")
  boolean noCf;

  @Option(names = "-N", description = "Store keys and values with a trailing NUL (makemap -N).")
  boolean nul;

  @Option(names = "-r", description = "A repeated key replaces the earlier one instead of being "
      + "an error (makemap -r).")
  boolean replace;

  @Option(names = "--strict", description = "Also refuse when lint finds errors or warnings.")
  boolean strict;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing when all is well.")
  boolean quiet;

  @Mixin
  ParseOptionsMixin parseOptions;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<CfFile> cfFile;
    try {
      cfFile = SendmailCf.read(cf, noCf, err);
    } catch (IOException e) {
      throw new ExitException(ExitCodes.NO_INPUT, ErrorHandler.describe(e));
    }
    Optional<AccessMapSpec> k = cfFile.flatMap(CfFile::accessMap)
        .filter(s -> SendmailCf.COMPILED_CLASSES.contains(s.mapClass()));
    Path src = SendmailCf.textMap(source, cfFile);
    // The K line's class and flags are how sendmail opens its file: they apply when we write it.
    boolean forSendmail = k.isPresent() && (output != null
        ? samePath(output, Path.of(k.get().path() + extension(k.get().mapClass())))
        : samePath(src, Path.of(k.get().path())));
    MapFormat format = format(forSendmail ? k.get().mapClass() : null);
    if (forSendmail && type != null && !format.toString().equals(k.get().mapClass())) {
      err.println("accessctl: warning: " + cfFile.get().path() + " opens this map as "
          + k.get().mapClass() + ", not " + format);
    }
    boolean withNul = nul || (forSendmail && k.get().nulKeys());
    ParseOptions options = parseOptions.toOptions();
    if (forSendmail && k.get().noFolding()) {
      options = options.withFoldKeys(false);
    }
    Path db = output != null ? output : Path.of(src + format.extension());

    CompileProgress progress;
    PhaseTimer timer = PhaseTimer.fromProperty(err);
    byte[] data;
    try {
      data = SourceFiles.read(src);
    } catch (IOException e) {
      throw new ExitException(ExitCodes.NO_INPUT, ErrorHandler.describe(e));
    }
    // A large clean map needs no per-line objects: the scan gives key and value ranges. Anything
    // it cannot vouch for (and every map small enough for full lint) takes the full parser, so
    // diagnostics are printed exactly as the full path prints them.
    timer.mark("read");
    CompileScan.Ranges scanned = strict ? null : CompileScan.scan(data, options);
    timer.mark("scan");
    List<Record> records;
    if (scanned != null && scanned.count() > FULL_LINT_MAX) {
      int entries = scanned.count();
      if (!quiet) {
        err.println(onlyMakemapChecks(entries, src));
      }
      checkReplaceable(db);
      progress = CompileProgress.start(root.console, err, entries);
      progress.step("checked");
      records = Records.of(scanned, withNul);
    } else {
      AccessSource parsed = new AccessParser(options).parse(src.toString(), data);
      List<SyntaxIssue> blocking = parsed.issues().stream().filter(this::blocks).toList();
      boolean fullLint = strict || parsed.entries().size() <= FULL_LINT_MAX;
      Linter linter = fullLint ? Linter.all() : new Linter(Set.of("AC1"), Set.of());
      List<Diagnostic> findings = linter.lint(new LintContext(parsed, Catalog.stock(), cfFile));
      List<Diagnostic> strictBlocking = strict
          ? findings.stream().filter(d -> d.severity().atLeast(Severity.WARNING)).toList()
          : List.of();
      report(src, findings, blocking, err);
      if (!fullLint && !quiet) {
        err.println(onlyMakemapChecks(parsed.entries().size(), src));
      }
      if (!blocking.isEmpty() || !strictBlocking.isEmpty()) {
        int n = blocking.size() + strictBlocking.size();
        err.println("accessctl: " + src + ": " + n + (n == 1 ? " problem blocks" : " problems block")
            + " the build" + (blocking.isEmpty() ? " (--strict)" : "") + "; " + db
            + " was not written");
        return ExitCodes.DATA_ERROR;
      }
      checkReplaceable(db);
      progress = CompileProgress.start(root.console, err, parsed.entries().size());
      progress.step("checked");
      records = Records.of(parsed,
          replace ? Records.Duplicates.REPLACE : Records.Duplicates.FIRST_WINS, withNul);
    }
    progress.step("records");
    timer.mark("records");
    try {
      List<Record> toWrite = records;
      AtomicFile.replace(db, ch -> format.writer().write(toWrite, ch, WriteOptions.defaults()));
      progress.step("written");
      timer.mark("write");
    } catch (IOException e) {
      throw new ExitException(ExitCodes.CANT_CREATE, db + ": " + ErrorHandler.describe(e));
    } catch (IllegalArgumentException e) {
      throw new ExitException(ExitCodes.CANT_CREATE, db + ": " + e.getMessage());
    } finally {
      progress.end();
    }
    if (!quiet) {
      out.println("accessctl: wrote " + db + " (" + format + ", " + records.size()
          + (records.size() == 1 ? " entry)" : " entries)"));
    }
    return ExitCodes.OK;
  }

  private static String onlyMakemapChecks(int entries, Path src) {
    return "accessctl: note: " + entries + " entries: only makemap's checks were run; "
        + "'accessctl lint " + src + "' runs every rule";
  }

  private static void checkReplaceable(Path db) {
    if (Files.exists(db, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(db)
        && !Files.isRegularFile(db, LinkOption.NOFOLLOW_LINKS)) {
      // a rename would put a regular file in the place of a directory, a device, a FIFO …
      throw new ExitException(ExitCodes.CANT_CREATE, db + ": not a regular file; refusing to "
          + "replace it");
    }
  }

  /**
   * Prints the findings as lint does, the ones that block first and at most {@link #MAX_SHOWN} in
   * all; and, as makemap words it, any blocking problem a suppression comment hid.
   */
  private void report(Path src, List<Diagnostic> findings, List<SyntaxIssue> blocking,
      PrintWriter err) {
    Set<Integer> blockingLines = new HashSet<>();
    blocking.forEach(i -> blockingLines.add(i.line()));
    List<Diagnostic> shown = findings.stream()
        .sorted(Comparator.comparing((Diagnostic d) -> !(d.severity() == Severity.ERROR
            && blockingLines.contains(d.line()))).thenComparingInt(Diagnostic::line))
        .limit(MAX_SHOWN).toList();
    if (!shown.isEmpty()) {
      OutputFormat.TEXT.reporter(new ReportOptions(root.console.interactive(),
          VersionProvider.version())).write(new LintReport(List.of(src.toString()), shown), err);
    }
    if (findings.size() > shown.size()) {
      err.println("accessctl: " + (findings.size() - shown.size()) + " more finding(s) not shown;"
          + " 'accessctl lint " + src + "' lists them all");
    }
    Set<Integer> reportedLines = new HashSet<>();
    findings.forEach(d -> reportedLines.add(d.line()));
    for (SyntaxIssue i : blocking) {
      if (!reportedLines.contains(i.line())) {
        err.println("accessctl: " + src + ":" + i.line() + ": makemap would report: "
            + Bytes.asPrinted(i.makemapMessage()) + " (a suppression comment does not"
            + " make the db say what the text says)");
      }
    }
    err.flush();
  }

  private boolean blocks(SyntaxIssue i) {
    return switch (i.kind()) {
      case LINE_TOO_LONG -> false; // accessctl reads long lines whole
      case DUPLICATE_KEY -> !replace;
      default -> true;
    };
  }

  private static String extension(String mapClass) {
    return MapFormat.parse(mapClass).extension();
  }

  private static boolean samePath(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  private MapFormat format(String fromCf) {
    String t = type != null ? type : fromCf != null ? fromCf : "hash";
    try {
      return MapFormat.parse(t);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--type must be "
          + MapFormat.namesInWords() + ", not '" + t + "'");
    }
  }
}
