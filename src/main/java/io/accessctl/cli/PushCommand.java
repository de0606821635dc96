package io.accessctl.cli;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.CfFile;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Linter;
import io.accessctl.lint.Severity;
import io.accessctl.mapfile.Record;
import io.accessctl.report.LintReport;
import io.accessctl.report.OutputFormat;
import io.accessctl.report.ReportOptions;
import io.accessctl.serve.MapContent;
import io.accessctl.serve.MapInfo;
import io.accessctl.serve.PushChannel;
import io.accessctl.serve.Reply;
import io.accessctl.serve.SourceWatcher;
import io.accessctl.serve.Store;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Bytes;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SourceFiles;
import io.accessctl.source.SyntaxIssue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code accessctl push --store DIR SOURCE}: lint the text map and, only when it is clean, replace
 * a map of the live store in one transaction, through the running server if there is one.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
    description = {"Replace a map in the live store that accessctl serve answers from.",
        "The source is parsed as compile parses it and linted; makemap errors and lint errors "
            + "refuse the push and leave the map alone. Otherwise the whole map is replaced in "
            + "one transaction: lookups see the old map or the new one, never a mix. When a "
            + "server holds the store, the push goes through it (" + PushChannel.SOCKET_NAME
            + " in the store directory)."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:pushed (or already equal)", "2:usage error",
        "65:the source has errors (the map is left alone)", "66:the source cannot be read",
        "73:the store cannot be opened or written"})
public final class PushCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ParentCommand
  AccessctlCommand root;

  @Option(names = "--store", paramLabel = "DIR", required = true,
      description = "The store directory (created on first push).")
  Path store;

  @Option(names = "--map", paramLabel = "NAME", defaultValue = "access",
      description = "The map name clients ask for: the name on sendmail's K line, the last "
          + "part of Postfix's socketmap: table (default: ${DEFAULT-VALUE}).")
  String map;

  @Parameters(paramLabel = "SOURCE", arity = "0..1",
      description = "The text map (default: /etc/mail/access).")
  Path source;

  @Mixin
  SourceGate gate;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing when all is well.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    checkMapName(spec, map);
    Path src = source != null ? source : Path.of("/etc/mail/access");
    MapContent content;
    try {
      content = gate.load(src, err, root.console.interactive());
    } catch (SourceWatcher.Refused e) {
      err.println("accessctl: " + e.getMessage() + "; map " + map + " in " + store
          + " was not changed");
      return ExitCodes.DATA_ERROR;
    } catch (IOException e) {
      throw new ExitException(ExitCodes.NO_INPUT, ErrorHandler.describe(e));
    }
    MapInfo info;
    String via = "";
    try (Store s = Store.open(store)) {
      info = s.replace(map, content);
    } catch (Store.LockedException locked) {
      try {
        info = PushChannel.push(store, map, content);
        via = ", through the running server";
      } catch (IOException e) {
        throw new ExitException(ExitCodes.CANT_CREATE, e.getMessage());
      }
    } catch (IOException e) {
      throw new ExitException(ExitCodes.CANT_CREATE, ErrorHandler.describe(e));
    }
    if (!quiet) {
      out.println("accessctl: pushed " + src + " to map " + map + " in " + store + " (generation "
          + info.generation() + ", " + info.entries() + " entries" + via + ")");
    }
    return ExitCodes.OK;
  }

  static void checkMapName(CommandSpec spec, String name) {
    try {
      Store.checkMapName(name);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /**
   * What may be pushed: the options that shape parsing and checking, shared by push and
   * {@code serve --watch}, and the check itself.
   */
  public static final class SourceGate {
    private static final String DUPLICATE_KEY_RULE = "duplicate-key";

    @Option(names = "--cf", paramLabel = "FILE",
        description = "sendmail.cf for the cf-aware lint rules and the K line's -f "
            + "(default: /etc/mail/sendmail.cf when present).")
    Path cf;

    @Option(names = "--no-cf", description = "Do not read any sendmail.cf.")
    boolean noCf;

    @Option(names = "-r", description = "A repeated key replaces the earlier one instead of "
        + "being an error (makemap -r).")
    boolean replace;

    @Option(names = "--strict", description = "Also refuse when lint finds warnings.")
    boolean strict;

    @Mixin
    ParseOptionsMixin parseOptions;

    /**
     * Reads, parses and lints {@code src}; reports findings on {@code err} as compile does.
     *
     * @throws SourceWatcher.Refused when makemap would report errors, lint finds errors (or
     *     warnings with --strict), or a value is too long for a socketmap reply
     */
    MapContent load(Path src, PrintWriter err, boolean color) throws IOException {
      Optional<CfFile> cfFile = SendmailCf.read(cf, noCf, err);
      ParseOptions options = parseOptions.toOptions();
      if (cfFile.flatMap(CfFile::accessMap).map(k -> k.noFolding()).orElse(false)) {
        options = options.withFoldKeys(false);
      }
      byte[] data = SourceFiles.read(src);
      AccessSource parsed = new AccessParser(options).parse(src.toString(), data);
      List<Diagnostic> findings =
          Linter.all().lint(new LintContext(parsed, Catalog.stock(), cfFile)).stream()
              // with -r a repeated key is the point, not a mistake
              .filter(d -> !(replace && d.ruleName().equals(DUPLICATE_KEY_RULE))).toList();
      Severity floor = strict ? Severity.WARNING : Severity.ERROR;
      long blocking = parsed.issues().stream().filter(this::blocks).count()
          + findings.stream().filter(d -> d.severity().atLeast(floor)).count();
      if (!findings.isEmpty()) {
        OutputFormat.TEXT.reporter(new ReportOptions(color, VersionProvider.version()))
            .write(new LintReport(List.of(src.toString()), findings), err);
        err.flush();
      }
      List<Record> records = Records.of(parsed,
          replace ? Records.Duplicates.REPLACE : Records.Duplicates.FIRST_WINS, false);
      int maxValue = Reply.POSTFIX_MAX_REPLY - "OK ".length();
      for (Record r : records) {
        if (r.value().length > maxValue) {
          err.println("accessctl: " + src + ": the value of \"" + Bytes.display(Bytes.latin1(r.key()))
              + "\" is " + r.value().length + " bytes; a socketmap reply holds at most " + maxValue);
          blocking++;
        }
      }
      if (blocking > 0) {
        throw new SourceWatcher.Refused(src + ": " + blocking + " problem(s) block the push");
      }
      return new MapContent(records, options.foldKeys(), src.toAbsolutePath().normalize().toString(),
          MapContent.digest(data));
    }

    private boolean blocks(SyntaxIssue i) {
      return switch (i.kind()) {
        case LINE_TOO_LONG -> false; // read whole, as compile does; lint reports it
        case DUPLICATE_KEY -> !replace;
        default -> true;
      };
    }
  }
}
