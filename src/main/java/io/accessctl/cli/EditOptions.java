package io.accessctl.cli;

import io.accessctl.app.CfChoice;
import io.accessctl.app.Compile;
import io.accessctl.app.Edit;
import io.accessctl.app.IoProblems;
import io.accessctl.app.MapTarget;
import io.accessctl.app.WritePolicy;
import io.accessctl.lint.TextDiff;
import io.accessctl.report.LintReport;
import io.accessctl.report.OutputFormat;
import io.accessctl.report.ReportOptions;
import io.accessctl.source.ParseOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options {@code set} and {@code delete} share, and how both print an {@link Edit}. */
public final class EditOptions {
  @Mixin
  MapOption map;

  @Mixin
  CfOptions cf;

  @Option(names = "--compile", description = "After a change, compile the map as "
      + "'accessctl compile' does, with the same --strict and --force.")
  boolean compile;

  @Option(names = "--check", description = "Change nothing; exit 1 when the map would change "
      + "(for Puppet's 'unless' or Ansible's check mode).")
  boolean check;

  @Option(names = "--diff", description = "Print the change as a unified diff.")
  boolean diff;

  @Mixin
  PolicyOptions policy;

  @Mixin
  QuietOption quiet;

  @Mixin
  ParseOptionsMixin parseOptions;

  int run(AccessctlCommand root, CommandSpec spec, Edit.Step step) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Edit.Result r;
    try {
      MapTarget target = MapTarget.file(cf.choice().read(Warnings.to(err)), map.map, null);
      r = Edit.run(new Edit.Request(target, parseOptions.toOptions(), check,
          policy.policy()), List.of(step));
    } catch (IOException e) {
      throw new ExitException(ExitCodes.NO_INPUT, IoProblems.describe(e));
    }
    boolean q = quiet.quiet;
    switch (r.outcome()) {
      case REFUSED -> {
        err.println("accessctl: " + r.message());
        return ExitCodes.DATA_ERROR;
      }
      case UNCHANGED -> {
        if (!q) {
          out.println("unchanged: " + r.message());
        }
        return ExitCodes.OK;
      }
      case WOULD_NOT_LINT -> {
        report(r, root, err);
        err.println("accessctl: " + r.map() + ": refused: the edit would not lint; the file was "
            + "not changed");
        return ExitCodes.DATA_ERROR;
      }
      default -> { }
    }
    if (diff) {
      out.print(TextDiff.unified(r.map().toString(), r.before(), r.after()));
    }
    if (r.outcome() == Edit.Outcome.WOULD_CHANGE) {
      if (!q) {
        out.println("would change: " + r.message());
      }
      return ExitCodes.FINDINGS;
    }
    if (!q) {
      out.println("changed: " + r.message());
    }
    out.flush();
    if (r.overridden()) {
      report(r, root, err);
      overrode(r, err);
    }
    return compile ? CompileRun.run(compileRequest(cf.choice(), r.map(), policy.policy()), q,
        root.console, out, err) : ExitCodes.OK;
  }

  /** The findings that refuse the edit, or that --force overrode, as lint prints them. */
  private static void report(Edit.Result r, AccessctlCommand root, PrintWriter err) {
    OutputFormat.TEXT.reporter(new ReportOptions(root.console.interactive(),
        VersionProvider.version())).write(new LintReport(List.of(r.map().toString()),
        r.refusing()), err);
  }

  /** After an edit written with --force, the line that says what it overrode. */
  static void overrode(Edit.Result r, PrintWriter err) {
    err.println(PolicyOptions.overrode("wrote " + r.map(), r.checked().orElseThrow().count()));
    err.flush();
  }

  /**
   * What {@code --compile} runs after a change: compile's defaults, with the same cf and the
   * same write policy as the edit.
   */
  static Compile.Request compileRequest(CfChoice cf, Path map, WritePolicy policy) {
    return new Compile.Request(map, null, null, cf, ParseOptions.defaults(), false, policy);
  }
}
