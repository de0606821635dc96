package io.accessctl.cli;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.CfFile;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.Fixer;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Linter;
import io.accessctl.lint.Rules;
import io.accessctl.lint.Severity;
import io.accessctl.lint.TextDiff;
import io.accessctl.report.LintReport;
import io.accessctl.report.OutputFormat;
import io.accessctl.report.ReportOptions;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.SourceFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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

/** {@code accessctl lint}: report what in the text changes what sendmail does. */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = {"Check access map text the way makemap reads it and sendmail uses it.",
        "Rules: 'accessctl explain --list'; one rule: 'accessctl explain AC301'.",
        "Suppress a finding with a comment line directly above the entry:",
        "  # accessctl: disable=AC203"},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:nothing at or above --fail-level", "1:findings at or above --fail-level",
        "2:usage error", "3:an input could not be read"})
public final class LintCommand implements Callable<Integer> {
  static final String DEFAULT_SOURCE = "/etc/mail/access";

  @Spec
  CommandSpec spec;

  @ParentCommand
  AccessctlCommand root;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Access text maps (default: " + DEFAULT_SOURCE + ").")
  List<Path> files = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, gcc, json, sarif, github or checkstyle (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--select", split = ",", paramLabel = "RULE",
      description = "Only these rules (ids, id prefixes such as AC2, or names).")
  List<String> select = new ArrayList<>();

  @Option(names = "--ignore", split = ",", paramLabel = "RULE",
      description = "Not these rules (ids, id prefixes or names).")
  List<String> ignore = new ArrayList<>();

  @Option(names = "--fail-level", paramLabel = "LEVEL", defaultValue = "error",
      description = "Exit 1 when a finding reaches this severity: error, warning or info "
          + "(default: ${DEFAULT-VALUE}).")
  String failLevel;

  @Option(names = "--cf", paramLabel = "FILE",
      description = "sendmail.cf to check against (default: /etc/mail/sendmail.cf when present).")
  Path cf;

  @Option(names = "--no-cf", description = "Do not read any sendmail.cf.")
  boolean noCf;

  @Option(names = "--fix", description = "Apply safe fixes (line endings, BOM, indented comments, "
      + "entries below CanIt's marker) to the files, then report what is left.")
  boolean fix;

  @Option(names = "--diff", description = "Print the safe fixes as a unified diff; change nothing.")
  boolean diff;

  @Option(names = "--staged", description = "Lint the version of each file staged in git "
      + "(for pre-commit hooks), not the working copy.")
  boolean staged;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour in text output: auto, always or never (default: ${DEFAULT-VALUE}).")
  String color;

  @Mixin
  ParseOptionsMixin parseOptions;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OutputFormat fmt = parseFormat();
    Severity fail = parseFailLevel();
    checkRules(select);
    checkRules(ignore);
    if (fix && staged) {
      throw new ParameterException(spec.commandLine(), "--fix cannot change a staged version");
    }
    PhaseTimer timer = PhaseTimer.fromProperty(err);
    Optional<CfFile> cfFile = SendmailCf.read(cf, noCf, err);
    Catalog catalog = Catalog.stock();
    Linter linter = new Linter(Set.copyOf(select), Set.copyOf(ignore));
    List<Path> inputs = files.isEmpty() ? List.of(Path.of(DEFAULT_SOURCE)) : files;
    List<String> names = new ArrayList<>();
    List<Diagnostic> all = new ArrayList<>();
    boolean unreadable = false;
    for (Path file : inputs) {
      byte[] data;
      try {
        data = staged ? StagedFile.read(file) : SourceFiles.read(file);
      } catch (IOException e) {
        err.println("accessctl: " + ErrorHandler.describe(e));
        unreadable = true;
        continue;
      }
      String name = file.toString();
      timer.mark("read");
      AccessSource src = new AccessParser(parseOptions.toOptions()).parse(name, data);
      timer.mark("parse");
      if (fix || diff) {
        byte[] fixed = Fixer.fix(src, data);
        if (diff) {
          out.print(TextDiff.unified(name, data, fixed));
        }
        if (fix && !java.util.Arrays.equals(fixed, data)) {
          TextFiles.replace(file, fixed);
          data = fixed;
          src = new AccessParser(parseOptions.toOptions()).parse(name, data);
        }
        if (diff) {
          continue;
        }
      }
      names.add(name);
      List<Diagnostic> found = linter.lint(new LintContext(src, catalog, cfFile), timer::mark);
      timer.mark("rules");
      if (staged) {
        found = StagedAdditions.withAddedBelowMarker(file, src, found, linter, parseOptions.toOptions());
      }
      all.addAll(found);
    }
    if (!diff) {
      boolean colour = color.equals("always") || (color.equals("auto") && root.console.interactive());
      fmt.reporter(new ReportOptions(colour, VersionProvider.version()))
          .write(new LintReport(names, all), out);
    }
    out.flush();
    timer.mark("report");
    if (unreadable) {
      return ExitCodes.CANNOT_READ;
    }
    return all.stream().anyMatch(d -> d.severity().atLeast(fail)) ? ExitCodes.FINDINGS
        : ExitCodes.OK;
  }

  private OutputFormat parseFormat() {
    try {
      return OutputFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private Severity parseFailLevel() {
    try {
      return Severity.parse(failLevel);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(),
          "--fail-level must be error, warning or info, not '" + failLevel + "'");
    }
  }

  private void checkRules(List<String> words) {
    Set<String> unknown = new LinkedHashSet<>();
    for (String w : words) {
      String t = w.trim();
      boolean prefix = t.length() < 5 && t.toUpperCase(java.util.Locale.ROOT).startsWith("AC")
          && Rules.all().stream().anyMatch(r -> r.info().id().startsWith(
              t.toUpperCase(java.util.Locale.ROOT)));
      if (!t.isEmpty() && !prefix && Rules.find(t).isEmpty()) {
        unknown.add(t);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "unknown rule(s) " + unknown
          + "; 'accessctl explain --list' shows them all");
    }
  }
}
