package io.accessctl.cli;

import io.accessctl.app.Lint;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.Severity;
import io.accessctl.report.LintReport;
import io.accessctl.report.OutputFormat;
import io.accessctl.report.ReportOptions;
import io.accessctl.report.Reporter;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How lint's findings are printed and judged ({@code --format}, {@code --fail-level},
 * {@code --color}); {@code hook run} prints with {@link #render(Lint.Result, OutputFormat,
 * Severity, boolean, PrintWriter)} too.
 */
public final class LintOutput {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, gcc, json, sarif, github or checkstyle (default: ${DEFAULT-VALUE}).")
  String format;

  @Mixin
  FailLevel failLevel;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour in text output: auto, always or never (default: ${DEFAULT-VALUE}).")
  String color;

  /** Usage errors for a format or level that does not exist. */
  void check() {
    outputFormat();
    failLevel.severity();
  }

  /** Prints the report and returns lint's exit status. */
  int render(Lint.Result r, Console console, PrintWriter out) {
    boolean colour = color.equals("always") || (color.equals("auto") && console.interactive());
    return render(r, outputFormat(), failLevel.severity(), colour, out);
  }

  /** Prints the report in {@code format} and returns lint's exit status for {@code fail}. */
  static int render(Lint.Result r, OutputFormat format, Severity fail, boolean colour,
      PrintWriter out) {
    LintReport rep = new LintReport(r.names(), r.diagnostics(), judgedAgainst(r));
    Reporter reporter = format.reporter(new ReportOptions(colour, VersionProvider.version()));
    if (out instanceof Utf8Writer stdout) {
      reporter.write(rep, stdout.bytes());
    } else {
      reporter.write(rep, out);
    }
    if (!r.unreadable().isEmpty()) {
      return ExitCodes.CANNOT_READ;
    }
    // a loop, not a stream and a lambda: the last step of every lint, on its main thread
    for (Diagnostic d : r.diagnostics()) {
      if (d.severity().atLeast(fail)) {
        return ExitCodes.FINDINGS;
      }
    }
    return ExitCodes.OK;
  }

  /** Which cf the findings that depend on one were judged against, or null when none does. */
  private static LintReport.JudgedAgainst judgedAgainst(Lint.Result r) {
    if (!r.dependsOnCf()) {
      return null;
    }
    return r.cf().map(cf -> new LintReport.JudgedAgainst(cf.path().toString(), cf.version()))
        .orElse(new LintReport.JudgedAgainst(null, null));
  }

  private OutputFormat outputFormat() {
    try {
      return OutputFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
