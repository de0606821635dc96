package io.accessctl.cli;

import io.accessctl.app.CfChoice;
import io.accessctl.app.Lint;
import io.accessctl.app.PreCommitHook;
import io.accessctl.lint.Severity;
import io.accessctl.report.OutputFormat;
import io.accessctl.source.ParseOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code accessctl hook install|run}: lint the staged access files before every commit, in a plain
 * git repository or in etckeeper's /etc.
 */
@Command(name = "hook", addMethodSubcommands = false,
    description = {"Lint staged access files before every git commit.",
        "'hook install' writes .git/hooks/pre-commit (never over a hook it did not write);",
        "'hook install --etckeeper' writes /etc/etckeeper/pre-commit.d/" + PreCommitHook.ETCKEEPER_NAME
            + " and leaves etckeeper's own git hook alone.",
        "The installed hook runs 'accessctl hook run'. With the pre-commit framework, use the",
        "accessctl-lint hook of .pre-commit-hooks.yaml instead."},
    subcommands = {HookCommand.Install.class, HookCommand.Run.class},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:installed; run: nothing at or above --fail-level",
        "1:run: findings (the commit is blocked)", "2:usage error",
        "3:a staged file could not be read", "73:install: a foreign hook is in the way, or the "
            + "hook cannot be written"})
public final class HookCommand extends StandardHelp implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ParentCommand
  AccessctlCommand root;

  @Override
  public Integer call() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "name what to do: install or run");
  }

  /** {@code hook install}. */
  @Command(name = "install", addMethodSubcommands = false,
      description = "Install the pre-commit hook in a git repository or for etckeeper.")
  static final class Install extends StandardHelp implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RepoOption repo;

    @Option(names = "--etckeeper",
        description = "Install into etckeeper's pre-commit.d, not a repository's hooks.")
    boolean etckeeper;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/",
        description = "With --etckeeper: the file system root (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--command", paramLabel = "CMD", description = "How the hook starts accessctl "
        + "(default: this launcher's path, else 'accessctl' on PATH).")
    String command;

    @Override
    public Integer call() throws IOException {
      Path target = PreCommitHook.install(repo.repo, etckeeper, root,
          command != null ? command : launcher());
      PrintWriter out = spec.commandLine().getOut();
      out.println("installed " + target);
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code hook run}: what the installed hook runs. */
  @Command(name = "run", addMethodSubcommands = false,
      description = {"Lint the staged version of every staged file named 'access' "
          + "(accessctl lint --staged); exit 1 blocks the commit."})
  static final class Run extends StandardHelp implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    HookCommand hook;

    @Mixin
    RepoOption repo;

    @Mixin
    FailLevel failLevel;

    @Mixin
    ExtraTagsOption extraTags;

    @Override
    public Integer call() throws IOException {
      Severity fail = failLevel.severity();
      List<Path> files = PreCommitHook.stagedAccessFiles(repo.repo);
      if (files.isEmpty()) {
        return ExitCodes.OK;
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Lint.Result r = Lint.run(new Lint.Request(files, true, Set.of(), Set.of(), CfChoice.stock(),
          ParseOptions.defaults(), false, false, extraTags.tags()), Warnings.to(err),
          phase -> { });
      r.unreadable().forEach(u -> err.println("accessctl: " + u));
      err.flush();
      return LintOutput.render(r, OutputFormat.GCC, fail, hook.root.console.interactive(), out);
    }
  }

  /** The path of the launcher that started this run, else the name on PATH. */
  static String launcher() {
    String l = System.getenv("ACCESSCTL_LAUNCHER");
    return l == null || l.isBlank() ? "accessctl" : l;
  }
}
