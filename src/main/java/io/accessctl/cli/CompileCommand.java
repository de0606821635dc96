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
import io.accessctl.source.SourceFiles;
import io.accessctl.source.SyntaxIssue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
            + "group and mode; it is left alone when the text has errors makemap would report."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:written", "2:usage error",
        "65:the source has errors (the db is left alone; with --strict also lint findings)",
        "66:the source cannot be read", "73:the output cannot be created",
        "74:I/O error while writing"})
public final class CompileCommand implements Callable<Integer> {
  static final int NO_INPUT = ExitCodes.NO_INPUT;

  @Spec
  CommandSpec spec;

  @ParentCommand
  AccessctlCommand root;

  @Parameters(paramLabel = "SOURCE", arity = "0..1",
      description = "The text map (default: the access K line's file in sendmail.cf, else "
          + "/etc/mail/access).")
  Path source;

  @Option(names = {"-o", "--output"}, paramLabel = "DB",
      description = "The file to write (default: SOURCE plus .db, or .cdb for cdb).")
  Path output;

  @Option(names = "--type", paramLabel = "TYPE",
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
    Optional<CfFile> cfFile = readCf();
    Optional<AccessMapSpec> k = cfFile.flatMap(CfFile::accessMap)
        .filter(s -> Set.of("hash", "btree", "cdb").contains(s.mapClass()));
    boolean fromK = k.isPresent() && (source == null || Path.of(k.get().path()).equals(source));
    Path src = source != null ? source : fromK ? Path.of(k.get().path()) : Path.of("/etc/mail/access");
    MapFormat format = format(fromK ? k.get().mapClass() : null);
    boolean withNul = nul || (fromK && k.get().nulKeys());
    var options = parseOptions.toOptions();
    if (fromK && k.get().noFolding()) {
      options = options.withFoldKeys(false);
    }
    Path db = output != null ? output : Path.of(src + format.extension());

    byte[] data;
    try {
      data = SourceFiles.read(src);
    } catch (IOException e) {
      throw new ExitException(NO_INPUT, ErrorHandler.describe(e));
    }
    AccessSource parsed = new AccessParser(options).parse(src.toString(), data);
    List<Diagnostic> findings = Linter.all().lint(new LintContext(parsed, Catalog.stock(), cfFile));
    // makemap's own errors always block, whatever the suppressions say: the db would not say
    // what the text says. Lint findings block only with --strict.
    long blocking = parsed.issues().stream().filter(this::blocks).count()
        + (strict ? findings.stream().filter(d -> d.severity().atLeast(Severity.WARNING)).count() : 0);
    if (!findings.isEmpty()) {
      OutputFormat.TEXT.reporter(new ReportOptions(root.console.interactive(),
          VersionProvider.version())).write(new LintReport(List.of(src.toString()), findings), err);
    }
    if (blocking > 0) {
      err.println("accessctl: " + src + ": " + blocking + " problem(s) block the build; "
          + db + " was not changed");
      return ExitCodes.DATA_ERROR;
    }
    List<Record> records = Records.of(parsed,
        replace ? Records.Duplicates.REPLACE : Records.Duplicates.FIRST_WINS, withNul);
    try {
      AtomicFile.replace(db, ch -> format.writer().write(records, ch, WriteOptions.defaults()));
    } catch (IOException e) {
      throw new ExitException(ExitCodes.CANT_CREATE, db + ": " + ErrorHandler.describe(e));
    }
    if (!quiet) {
      out.println("accessctl: wrote " + db + " (" + format + ", " + records.size() + " entries)");
    }
    return ExitCodes.OK;
  }

  private boolean blocks(SyntaxIssue i) {
    return switch (i.kind()) {
      case LINE_TOO_LONG -> false; // accessctl reads long lines whole
      case DUPLICATE_KEY -> !replace;
      default -> true;
    };
  }

  private MapFormat format(String fromCf) {
    String t = type != null ? type : fromCf != null ? fromCf : "hash";
    try {
      return MapFormat.parse(t);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private Optional<CfFile> readCf() {
    if (noCf) {
      return Optional.empty();
    }
    Path p = cf != null ? cf : Path.of("/etc/mail/sendmail.cf");
    if (cf == null && !Files.isReadable(p)) {
      return Optional.empty();
    }
    try {
      return Optional.of(CfFile.read(p));
    } catch (IOException e) {
      throw new ExitException(NO_INPUT, ErrorHandler.describe(e));
    }
  }
}
