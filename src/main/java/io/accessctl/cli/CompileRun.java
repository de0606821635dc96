package io.accessctl.cli;

import io.accessctl.app.Checked;
import io.accessctl.app.Compile;
import io.accessctl.app.IoProblems;
import io.accessctl.lint.Diagnostic;
import io.accessctl.report.LintReport;
import io.accessctl.report.OutputFormat;
import io.accessctl.report.ReportOptions;
import io.accessctl.source.Bytes;
import io.accessctl.source.SyntaxIssue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link Compile} for compile, set/delete --compile and suggest --compile, and prints what
 * happened the same way for all three.
 */
final class CompileRun {
  /** Findings printed in full; the rest are counted in one line. */
  static final int MAX_SHOWN = Compile.OTHERS_BUILT;

  private CompileRun() {}

  static int run(Compile.Request request, boolean quiet, Console console, PrintWriter out,
      PrintWriter err) {
    PhaseTimer timer = PhaseTimer.fromProperty(err);
    CompileProgress[] progress = {CompileProgress.start(console, err, 0)};
    Compile.Listener listener = new Compile.Listener() {
      @Override
      public void phase(String name) {
        timer.mark(name);
        if (name.equals("records") || name.equals("write")) {
          progress[0].step(name.equals("write") ? "written" : name);
        }
      }

      @Override
      public void judged(Checked checked) {
        report(checked, console, err);
      }

      @Override
      public void writing(int entries) {
        progress[0] = CompileProgress.start(console, err, entries);
        progress[0].step("checked");
      }
    };
    Compile.Result r;
    try {
      r = Compile.run(request, w -> err.println("accessctl: warning: " + w), listener);
    } catch (IOException e) {
      throw new ExitException(ExitCodes.NO_INPUT, IoProblems.describe(e));
    } finally {
      progress[0].end();
    }
    Path src = r.target().text();
    if (!r.written()) {
      int n = r.checked().problems();
      err.println("accessctl: " + src + ": " + n + (n == 1 ? " problem blocks" : " problems block")
          + " the build" + (PolicyOptions.onlyWarnings(r.checked().count()) ? " (--strict)" : "")
          + "; " + r.db() + " was not written");
      return ExitCodes.DATA_ERROR;
    }
    if (r.checked().overridden()) {
      err.println(PolicyOptions.overrode("wrote " + r.db(), r.checked().count()));
      err.flush();
    }
    if (!quiet) {
      out.println("accessctl: wrote " + r.db() + " (" + r.format() + ", " + r.records()
          + (r.records() == 1 ? " entry)" : " entries)"));
    }
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * Prints the findings as lint does, the ones that refuse the write first and at most {@link
   * #MAX_SHOWN} in all, the rest counted in one line; and, as makemap words it, any blocking
   * problem that no finding shows.
   */
  private static void report(Checked c, Console console, PrintWriter err) {
    String src = c.source().name();
    List<Diagnostic> shown = new ArrayList<>(c.blocking().subList(0,
        Math.min(MAX_SHOWN, c.blocking().size())));
    shown.addAll(c.others().subList(0, Math.min(MAX_SHOWN - shown.size(), c.others().size())));
    int total = c.blocking().size() + c.others().size() + c.counted();
    if (!shown.isEmpty()) {
      OutputFormat.TEXT.reporter(new ReportOptions(console.interactive(),
          VersionProvider.version())).write(new LintReport(List.of(src), shown), err);
    }
    if (total > shown.size()) {
      err.println("accessctl: " + (total - shown.size()) + " more finding(s) not shown;"
          + " 'accessctl lint " + src + "' lists them all");
    }
    for (SyntaxIssue i : c.hiddenIssues()) {
      err.println("accessctl: " + src + ":" + i.line() + ": makemap would report: "
          + Bytes.asPrinted(i.makemapMessage()) + " (a suppression comment does not"
          + " make the db say what the text says)");
    }
    err.flush();
  }
}
