package io.accessctl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand of {@code accessctl} has: help and version options, an exit status list,
 * its picocli model, the root command (console, standard input, --debug) and its writers.
 */
@Command(exitCodeListHeading = "%nExit status:%n",
    addMethodSubcommands = false)
abstract class Subcommand extends StandardHelp implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ParentCommand
  AccessctlCommand root;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
