package io.accessctl.cli;

import io.accessctl.shell.CommandRunner;
import io.accessctl.shell.Shell;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code accessctl shell}: try lookups interactively, the way {@code sendmail -bt} lets you. */
@Command(name = "shell",
    description = {"Run lookup, query, lint and explain interactively against one map (lint "
        + "lints it when it is text), with completion of commands, options, tags and keys, and a "
        + "history file.",
        "When standard input is not a terminal, read one command per line from it (no prompt), "
            + "so a session can be scripted."},
    exitCodeList = {"0:the session ended (exit, end of input)", "2:usage error"})
public final class ShellCommand extends Subcommand {
  @Mixin
  MapOption map;

  @Option(names = "--history", paramLabel = "FILE",
      description = "History file (default: $XDG_STATE_HOME/accessctl/history, "
          + "else ~/.local/state/accessctl/history).")
  Path history;

  @Override
  public Integer call() throws IOException {
    boolean terminal = root.stdin == System.in && System.console() != null;
    Shell shell = shell(map.map, root.console, out(),
        err());
    return shell.run(root.stdin, terminal, history);
  }

  /**
   * A shell whose commands are accessctl's own: the same picocli model and the same run as on the
   * command line, writing to {@code console}.
   */
  public static Shell shell(Path map, Console console, PrintWriter out, PrintWriter err) {
    CommandLine all = Main.commandLine(Console.plain(), InputStream.nullInputStream());
    return new Shell(map, new CommandRunner() {
      @Override
      public Optional<CommandSpec> spec(String name) {
        return Optional.ofNullable(all.getSubcommands().get(name)).map(CommandLine::getCommandSpec);
      }

      @Override
      public int run(PrintWriter o, PrintWriter e, List<String> words) {
        return Main.run(o, e, console, InputStream.nullInputStream(), words.toArray(String[]::new));
      }
    }, out, err);
  }
}
