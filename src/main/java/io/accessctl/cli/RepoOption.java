package io.accessctl.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --repo DIR}: the git repository of the hook commands. */
public final class RepoOption {
  private static final String REPO = "--repo";
  private static final String DEFAULT = ".";

  @Option(names = REPO, paramLabel = "DIR", defaultValue = DEFAULT,
      description = "The git repository (default: the current directory).")
  Path repo;

  /**
   * The repository these arguments, not yet parsed, most likely name: only a guess of what is
   * worth asking git ahead; the parsed option decides what is asked.
   */
  static Path likely(String[] args) {
    String repo = DEFAULT;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(REPO) && i + 1 < args.length) {
        repo = args[i + 1];
      } else if (args[i].startsWith(REPO + "=")) {
        repo = args[i].substring(REPO.length() + 1);
      }
    }
    return Path.of(repo);
  }
}
