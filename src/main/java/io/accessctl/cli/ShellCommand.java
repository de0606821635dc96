package io.accessctl.cli;

import io.accessctl.shell.Shell;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code accessctl shell}: try lookups interactively, the way {@code sendmail -bt} lets you. */
@Command(name = "shell", mixinStandardHelpOptions = true,
    description = {"Run lookup, query, lint and explain interactively against one map, with "
        + "completion of commands, options, tags and keys, and a history file.",
        "When standard input is not a terminal, read one command per line from it (no prompt), "
            + "so a session can be scripted."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the session ended (exit, end of input)", "2:usage error"})
public final class ShellCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ParentCommand
  AccessctlCommand root;

  @Option(names = "--map", paramLabel = "MAP", description = "The map lookup and query use: a "
      + "text map or a hash, btree or cdb file (default: the access K line's file in sendmail.cf, "
      + "else /etc/mail/access.db); lint lints it when it is text.")
  Path map;

  @Option(names = "--history", paramLabel = "FILE",
      description = "History file (default: $XDG_STATE_HOME/accessctl/history, "
          + "else ~/.local/state/accessctl/history).")
  Path history;

  @Override
  public Integer call() throws IOException {
    boolean terminal = root.stdin == System.in && System.console() != null;
    Shell shell = new Shell(map, root.console, spec.commandLine().getOut(),
        spec.commandLine().getErr());
    return shell.run(root.stdin, terminal, history);
  }
}
