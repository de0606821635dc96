package io.accessctl.cli;

import io.accessctl.lint.Rule;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Rules;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accessctl explain RULE}: what a rule finds, why it matters, wrong and right. */
@Command(name = "explain", addMethodSubcommands = false,
    description = "Explain a lint rule, by id (AC301) or name (try-tls-not-no).")
public final class ExplainCommand extends StandardHelp implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "RULE", arity = "0..1", description = "Rule id or name.")
  String rule;

  @Option(names = "--list", description = "List every rule: id, name, severity, summary.")
  boolean list;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (list || rule == null) {
      if (!list) {
        throw new ParameterException(spec.commandLine(), "name a rule, or use --list");
      }
      for (Rule r : Rules.all()) {
        RuleInfo i = r.info();
        out.printf("%s  %-32s %-7s  %s%n", i.id(), i.name(), i.severity().word(), i.summary());
      }
      return ExitCodes.OK;
    }
    RuleInfo i = Rules.find(rule).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "no rule '" + rule + "'; 'accessctl explain --list' shows them all"));
    out.printf("%s %s (%s)%n%s%n%n%s", i.id(), i.name(), i.severity().word(), i.summary(),
        i.explanation().endsWith("\n") ? i.explanation() : i.explanation() + "\n");
    return ExitCodes.OK;
  }
}
