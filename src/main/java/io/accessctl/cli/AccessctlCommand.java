package io.accessctl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: {@code accessctl [--debug] COMMAND …}. */
@Command(name = "accessctl", addMethodSubcommands = false,
    versionProvider = VersionProvider.class,
    description = "Lint, compile and query sendmail's access map (/etc/mail/access).",
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:success; lint: nothing at or above --fail-level",
        "1:lint: findings at or above --fail-level; query: key not found",
        "2:usage error",
        "3:an input could not be read (missing, a directory, binary)",
        "65:compile/makemap: the source has errors (compile then leaves the db alone)",
        "70:internal error",
        "73:compile/makemap: the output cannot be created",
        "74:compile/makemap: I/O error while writing"})
public final class AccessctlCommand extends StandardHelp implements Callable<Integer> {
  /** Every subcommand, in the order help lists them. */
  static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static java.util.Map<String, Class<?>> subcommands() {
    java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
    m.put("lint", LintCommand.class);
    m.put("explain", ExplainCommand.class);
    m.put("compile", CompileCommand.class);
    m.put("makemap", MakemapCommand.class);
    m.put("dump", DumpCommand.class);
    m.put("query", QueryCommand.class);
    m.put("lookup", LookupCommand.class);
    m.put("suggest", SuggestCommand.class);
    m.put("status", StatusCommand.class);
    m.put("set", SetCommand.class);
    m.put("delete", DeleteCommand.class);
    m.put("serve", ServeCommand.class);
    m.put("push", PushCommand.class);
    m.put("group", GroupCommand.class);
    m.put("hook", HookCommand.class);
    m.put("shell", ShellCommand.class);
    return java.util.Collections.unmodifiableMap(m);
  }

  final Console console;
  final java.io.InputStream stdin;

  @Spec
  CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "On an error, also print the stack trace.")
  boolean debug;

  public AccessctlCommand(Console console, java.io.InputStream stdin) {
    this.console = console;
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "a command is required (lint, explain, …)");
  }
}
