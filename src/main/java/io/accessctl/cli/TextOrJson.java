package io.accessctl.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --format text|json} of the commands that print either. */
public final class TextOrJson {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  /** True for json; a usage error for anything but text or json. */
  boolean json() {
    return switch (format) {
      case "json" -> true;
      case "text" -> false;
      default -> throw new ParameterException(spec.commandLine(),
          "--format must be text or json, not \"" + format + "\"");
    };
  }

  /** True when --format was given on the command line. */
  boolean given() {
    return spec.commandLine().getParseResult().hasMatchedOption("--format");
  }
}
