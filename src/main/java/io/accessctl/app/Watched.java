package io.accessctl.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files that work made ahead of time depends on, and their states (size, time, inode, or
 * absence) from before the work began: the work stands for what the run asks while they are as
 * they were.
 */
final class Watched {
  private final List<Path> paths;
  private final List<Optional<FileState>> before;

  private Watched(List<Path> paths) {
    this.paths = List.copyOf(paths);
    this.before = states(this.paths);
  }

  /** These files, as they are now. */
  static Watched of(List<Path> paths) {
    return new Watched(paths);
  }

  /**
   * What git answers about the repository that holds {@code dir} depends on: its index (as git
   * finds it, GIT_INDEX_FILE too), HEAD, the branch file HEAD names, and packed-refs.
   */
  static Watched git(Path dir) throws IOException {
    List<Path> paths = new ArrayList<>();
    for (String line : PreCommitHook.git(dir, "rev-parse", "--git-path", "index", "--git-path",
        "HEAD", "--git-path", "packed-refs", "--git-common-dir").split("\n")) {
      paths.add(dir.resolve(line));
    }
    Path common = paths.remove(3);
    String head = Files.readString(paths.get(1), StandardCharsets.UTF_8).trim();
    if (head.startsWith("ref: ")) {
      paths.add(common.resolve(head.substring("ref: ".length())));
    }
    return new Watched(paths);
  }

  /** Whether every file was there when the work began. */
  boolean allThere() {
    // a loop, not a stream: this runs before anything else in a run (see Ahead on lambdas)
    for (Optional<FileState> state : before) {
      if (state.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** Whether every file is as it was when the work began. */
  boolean unchanged() {
    return states(paths).equals(before);
  }

  private static List<Optional<FileState>> states(List<Path> paths) {
    List<Optional<FileState>> states = new ArrayList<>(paths.size());
    for (Path p : paths) {
      states.add(FileState.of(p));
    }
    return states;
  }
}
