package io.accessctl.cli;

import io.accessctl.lint.Severity;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --fail-level}: from which severity lint's findings make the exit status 1. */
public final class FailLevel {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--fail-level", paramLabel = "LEVEL", defaultValue = "error",
      description = "Exit 1 when a finding reaches this severity: error, warning or info "
          + "(default: ${DEFAULT-VALUE}).")
  String level;

  /** The severity, or a usage error. */
  Severity severity() {
    try {
      return Severity.parse(level);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(),
          "--fail-level must be error, warning or info, not '" + level + "'");
    }
  }
}
