package io.accessctl.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pre-commit hook that lints staged access files: installing it in a git repository or in
 * etckeeper's pre-commit.d (never over a hook accessctl did not write), and finding the files a
 * commit stages.
 */
public final class PreCommitHook {
  /** A line every hook accessctl writes carries; a hook without it is somebody else's. */
  public static final String SIGNATURE = "# accessctl-hook: installed by 'accessctl hook install'";
  /** etckeeper runs only names of letters, digits and dashes, in sorted order. */
  public static final String ETCKEEPER_NAME = "30accessctl";
  /** The files the hook lints: every staged file of this name. */
  private static final String ACCESS = "access";

  private PreCommitHook() {}

  /**
   * Installs the hook and returns where.
   *
   * @param repo the git repository (ignored with {@code etckeeper})
   * @param etckeeper into {@code root}/etc/etckeeper/pre-commit.d instead
   * @param command how the hook starts accessctl
   * @throws WriteFailure when etckeeper is not installed or a foreign hook is in the way
   * @throws IOException when git fails or the hook cannot be written
   */
  public static Path install(Path repo, boolean etckeeper, Path root, String command)
      throws IOException {
    Path target;
    String script;
    if (etckeeper) {
      Path etc = root.resolve("etc/etckeeper");
      if (!Files.isDirectory(etc)) {
        throw new WriteFailure(etc + ": no such directory; is etckeeper installed?", null);
      }
      target = etc.resolve("pre-commit.d").resolve(ETCKEEPER_NAME);
      script = etckeeperScript(command);
    } else {
      target = hooksDir(repo).resolve("pre-commit");
      script = gitScript(command);
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !ours(target)) {
      throw new WriteFailure(target + ": a pre-commit hook that accessctl did not write is in "
          + "the way; leave it, and add the line '" + command + " hook run' to it", null);
    }
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), ".accessctl-hook", ".tmp");
    try {
      Files.writeString(tmp, script, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return target;
  }

  /**
   * The staged files named "access" of the repository that holds {@code repo}: relative to the
   * current directory when it is the top (as git runs hooks: short messages, file:line:col as
   * the admin sees the path), else absolute.
   */
  public static List<Path> stagedAccessFiles(Path repo) throws IOException {
    Optional<List<Path>> early = StagedAhead.files(repo);
    return early.isPresent() ? early.get() : askStagedAccessFiles(repo);
  }

  /**
   * Starts asking git, on a thread of its own, what a hook run in {@code repo} asks it
   * ({@link #stagedAccessFiles} and the files' staged text), for a hook to call before it parses
   * its options. What git answers is used only while git would still answer the same.
   */
  public static void prepareAhead(Path repo) {
    StagedAhead.start(repo);
  }

  static List<Path> askStagedAccessFiles(Path repo) throws IOException {
    Path top = Path.of(git(repo, "rev-parse", "--show-toplevel").trim());
    boolean atTop = top.toRealPath().equals(Path.of("").toRealPath());
    List<Path> files = new ArrayList<>();
    for (String name : git(top, "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR")
        .split("\0")) {
      if (!name.isEmpty() && Path.of(name).getFileName().toString().equals(ACCESS)) {
        files.add(atTop ? Path.of(name) : top.resolve(name));
      }
    }
    return files;
  }

  private static boolean ours(Path hook) throws IOException {
    if (!Files.isRegularFile(hook, LinkOption.NOFOLLOW_LINKS)) {
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

  private static String gitScript(String cmd) {
    return "#!/bin/sh\n"
        + SIGNATURE + "\n"
        + "# Lints the staged version of every staged file named 'access'; findings block the\n"
        + "# commit ('git commit --no-verify' skips this once). Delete this file to uninstall.\n"
        + "exec " + shellQuote(cmd) + " hook run\n";
  }

  private static String etckeeperScript(String cmd) {
    return "#!/bin/sh\n"
        + SIGNATURE + " --etckeeper\n"
        + "# etckeeper runs this from /etc before each commit; findings in a staged access file\n"
        + "# (/etc/mail/access) abort the commit. Delete this file to uninstall.\n"
        + "set -e\n"
        + "[ -d .git ] || exit 0\n"
        + shellQuote(cmd) + " hook run\n";
  }

  /** {@code s} as one word for sh (and for systemd's ExecStart=). */
  public static String shellQuote(String s) {
    if (s.matches("[A-Za-z0-9_./:,=@%+-]+")) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** Runs git in {@code dir} and returns its standard output; a failure is an IOException in one line. */
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
        throw new IOException(dir + ": git " + args[0] + " failed"
            + (msg.isEmpty() ? "" : ": " + msg.lines().findFirst().orElse("")));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running git", e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
