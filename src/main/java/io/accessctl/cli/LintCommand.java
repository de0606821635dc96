package io.accessctl.cli;

import io.accessctl.app.Lint;
import io.accessctl.app.MapTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code accessctl lint}: report what in the text changes what sendmail does. */
@Command(name = "lint",
    description = {"Check access map text the way makemap reads it and sendmail uses it.",
        "Rules: 'accessctl explain --list'; one rule: 'accessctl explain AC301'.",
        "Suppress a finding with a comment line directly above the entry:",
        "  # accessctl: disable=AC203"},
    exitCodeList = {"0:nothing at or above --fail-level", "1:findings at or above --fail-level",
        "2:usage error", "3:an input could not be read"})
public final class LintCommand extends Subcommand {
  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Access text maps (default: " + MapTarget.DEFAULT_TEXT_NAME + ").")
  List<Path> files = new ArrayList<>();

  @Mixin
  LintOutput output;

  @Option(names = "--select", split = ",", paramLabel = "RULE",
      description = "Only these rules (ids, id prefixes such as AC2, or names).")
  List<String> select = new ArrayList<>();

  @Option(names = "--ignore", split = ",", paramLabel = "RULE",
      description = "Not these rules (ids, id prefixes or names).")
  List<String> ignore = new ArrayList<>();

  @Mixin
  CfOptions cf;

  @Mixin
  ExtraTagsOption extraTags;

  @Option(names = "--fix", description = "Apply safe fixes (line endings, BOM, indented comments, "
      + "entries below CanIt's marker) to the files, then report what is left.")
  boolean fix;

  @Option(names = "--diff", description = "Print the safe fixes as a unified diff; change nothing.")
  boolean diff;

  @Option(names = "--staged", description = "Lint the version of each file staged in git "
      + "(for pre-commit hooks), not the working copy.")
  boolean staged;

  @Mixin
  ParseOptionsMixin parseOptions;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = out();
    PrintWriter err = err();
    output.check();
    checkRules(select);
    checkRules(ignore);
    if (fix && staged) {
      throw new ParameterException(spec.commandLine(), "--fix cannot change a staged version");
    }
    PhaseTimer timer = PhaseTimer.fromProperty(err);
    Lint.Result r = Lint.run(new Lint.Request(files, staged, Set.copyOf(select),
        Set.copyOf(ignore), cf.choice(), parseOptions.toOptions(), fix, diff, extraTags.tags()),
        Warnings.to(err),
        timer);
    for (String u : r.unreadable()) {
      err.println("accessctl: " + u);
    }
    if (diff) {
      out.print(r.diffs());
      out.flush();
      return r.unreadable().isEmpty() ? ExitCodes.OK : ExitCodes.CANNOT_READ;
    }
    int code = output.render(r, root.console, out);
    timer.mark("report");
    return code;
  }

  private void checkRules(List<String> words) {
    Set<String> unknown = Lint.unknownRules(words);
    if (!unknown.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "unknown rule(s) " + unknown
          + "; 'accessctl explain --list' shows them all");
    }
  }
}
