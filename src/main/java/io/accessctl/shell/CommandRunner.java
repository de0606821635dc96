package io.accessctl.shell;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a command line the user typed, with the options and output of the accessctl command of the
 * same name. The shell defines what it needs; the CLI supplies it, so that the shell does not
 * depend on the CLI.
 */
public interface CommandRunner {
  /** The picocli model of command {@code name}, for completion and help, if there is one. */
  Optional<CommandSpec> spec(String name);

  /** Runs {@code words} (the command's name first) and returns its exit status. */
  int run(PrintWriter out, PrintWriter err, List<String> words);
}
