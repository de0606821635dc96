package io.accessctl.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --repo DIR}: the git repository of the hook commands. */
public final class RepoOption {
  @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
      description = "The git repository (default: the current directory).")
  Path repo;
}
