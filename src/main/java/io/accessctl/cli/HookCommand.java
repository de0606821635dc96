package io.accessctl.cli;

import io.accessctl.app.CfChoice;
import io.accessctl.app.Lint;
import io.accessctl.lint.Severity;
import io.accessctl.report.OutputFormat;
import io.accessctl.source.ParseOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code accessctl hook install|run}: lint the staged access files before every commit, in a plain
 * git repository or in etckeeper's /etc.
 */
@Command(name = "hook", mixinStandardHelpOptions = true,
    description = {"Lint staged access files before every git commit.",
        "'hook install' writes .git/hooks/pre-commit (never over a hook it did not write);",
        "'hook install --etckeeper' writes /etc/etckeeper/pre-commit.d/" + HookCommand.ETCKEEPER_NAME
            + " and leaves etckeeper's own git hook alone.",
        "The installed hook runs 'accessctl hook run'. With the pre-commit framework, use the",
        "accessctl-lint hook of .pre-commit-hooks.yaml instead."},
    subcommands = {HookCommand.Install.class, HookCommand.Run.class},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:installed; run: nothing at or above --fail-level",
        "1:run: findings (the commit is blocked)", "2:usage error",
        "3:a staged file could not be read", "73:install: a foreign hook is in the way, or the "
            + "hook cannot be written"})
public final class HookCommand implements Callable<Integer> {
  /** A line every hook accessctl writes carries; a hook without it is somebody else's. */
  static final String SIGNATURE = "# accessctl-hook: installed by 'accessctl hook install'";
  /** etckeeper runs only names of letters, digits and dashes, in sorted order. */
  static final String ETCKEEPER_NAME = "30accessctl";

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
  @Command(name = "install", mixinStandardHelpOptions = true,
      description = "Install the pre-commit hook in a git repository or for etckeeper.")
  static final class Install implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
        description = "The git repository (default: the current directory).")
    Path repo;

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
      PrintWriter out = spec.commandLine().getOut();
      String cmd = command != null ? command : launcher();
      Path target;
      String script;
      if (etckeeper) {
        Path etc = root.resolve("etc/etckeeper");
        if (!Files.isDirectory(etc)) {
          throw new ExitException(ExitCodes.CANT_CREATE, etc + ": no such directory; is etckeeper "
              + "installed?");
        }
        target = etc.resolve("pre-commit.d").resolve(ETCKEEPER_NAME);
        script = etckeeperScript(cmd);
      } else {
        target = hooksDir(repo).resolve("pre-commit");
        script = gitScript(cmd);
      }
      if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !ours(target)) {
        throw new ExitException(ExitCodes.CANT_CREATE, target + ": a pre-commit hook that "
            + "accessctl did not write is in the way; leave it, and add the line '" + cmd
            + " hook run' to it");
      }
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".accessctl-hook", ".tmp");
      try {
        Files.writeString(tmp, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      out.println("installed " + target);
      out.flush();
      return ExitCodes.OK;
    }

    private static boolean ours(Path hook) throws IOException {
      if (!Files.isRegularFile(hook, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      return new String(Files.readAllBytes(hook), StandardCharsets.ISO_8859_1).contains(SIGNATURE);
    }

    /** Where git looks for hooks: honours core.hooksPath and worktrees. */
    private static Path hooksDir(Path repo) throws IOException {
      String dir = git(repo, "rev-parse", "--git-path", "hooks").trim();
      Path p = Path.of(dir);
      return p.isAbsolute() ? p : repo.resolve(p);
    }
  }

  /** {@code hook run}: what the installed hook runs. */
  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {"Lint the staged version of every staged file named 'access' "
          + "(accessctl lint --staged); exit 1 blocks the commit."})
  static final class Run implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    HookCommand hook;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
        description = "The git repository (default: the current directory).")
    Path repo;

    @Option(names = "--fail-level", paramLabel = "LEVEL", defaultValue = "error",
        description = "Block the commit from this severity on (default: ${DEFAULT-VALUE}).")
    String failLevel;

    @Override
    public Integer call() throws IOException {
      Severity fail = LintOutput.failLevel(spec, failLevel);
      Path top = Path.of(git(repo, "rev-parse", "--show-toplevel").trim());
      // Names relative to the current directory when it is the top (as git runs hooks): short
      // messages, file:line:col as the admin sees the path.
      boolean atTop = top.toRealPath().equals(Path.of("").toRealPath());
      List<Path> files = new ArrayList<>();
      for (String name : git(top, "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR")
          .split("\0")) {
        if (!name.isEmpty() && Path.of(name).getFileName().toString().equals("access")) {
          files.add(atTop ? Path.of(name) : top.resolve(name));
        }
      }
      if (files.isEmpty()) {
        return ExitCodes.OK;
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Lint.Result r = Lint.run(new Lint.Request(files, true, Set.of(), Set.of(), CfChoice.stock(),
          ParseOptions.defaults(), false, false), Warnings.to(err), phase -> { });
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

  static String gitScript(String cmd) {
    return "#!/bin/sh\n"
        + SIGNATURE + "\n"
        + "# Lints the staged version of every staged file named 'access'; findings block the\n"
        + "# commit ('git commit --no-verify' skips this once). Delete this file to uninstall.\n"
        + "exec " + shellQuote(cmd) + " hook run\n";
  }

  static String etckeeperScript(String cmd) {
    return "#!/bin/sh\n"
        + SIGNATURE + " --etckeeper\n"
        + "# etckeeper runs this from /etc before each commit; findings in a staged access file\n"
        + "# (/etc/mail/access) abort the commit. Delete this file to uninstall.\n"
        + "set -e\n"
        + "[ -d .git ] || exit 0\n"
        + shellQuote(cmd) + " hook run\n";
  }

  static String shellQuote(String s) {
    if (s.matches("[A-Za-z0-9_./:=@%+-]+")) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** Runs git in {@code dir} and returns its standard output; a failure is a one-line error. */
  static String git(Path dir, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread drain = new Thread(() -> {
      try (InputStream e = p.getErrorStream()) {
        e.transferTo(err);
      } catch (IOException ignored) {
        // the exit status tells
      }
    });
    drain.start();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(out);
    }
    try {
      int code = p.waitFor();
      drain.join();
      if (code != 0) {
        String msg = err.toString(StandardCharsets.UTF_8).trim();
        throw new ExitException(ExitCodes.CANNOT_READ, dir + ": git " + args[0] + " failed"
            + (msg.isEmpty() ? "" : ": " + msg.lines().findFirst().orElse("")));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running git", e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
