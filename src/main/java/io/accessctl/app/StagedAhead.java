package io.accessctl.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a pre-commit hook asks git (the staged files named access, and their staged text), asked
 * on a thread of its own while picocli builds the command ({@link PreCommitHook#prepareAhead}):
 * on two cores the git processes then cost the hook little. An answer is used only while the
 * files git answered from (the index, HEAD, the branch HEAD names, packed-refs) are as they were
 * before git was first asked (size, time, inode, or still absent); else git is asked again.
 */
final class StagedAhead {
  /**
   * @param from the files git's answers depend on
   * @param files the staged access files
   * @param staged each one's staged text, removed as it is taken
   */
  private record Answers(Watched from, List<Path> files, Map<Path, byte[]> staged) {}

  private record Pending(Path repo, Ahead<Answers> answers) {}

  private static final AtomicReference<Pending> LATEST = new AtomicReference<>();

  private StagedAhead() {}

  /** Starts asking git about the repository that holds {@code repo}; drops what was asked before. */
  static void start(Path repo) {
    LATEST.set(new Pending(repo, Ahead.start("accessctl-git-ahead", () -> ask(repo))));
  }

  private static Answers ask(Path repo) throws IOException {
    Watched from = Watched.git(repo);
    List<Path> files = PreCommitHook.askStagedAccessFiles(repo);
    Map<Path, byte[]> staged = new ConcurrentHashMap<>();
    for (Path f : files) {
      byte[] data = StagedFile.show(f, "");
      if (data != null) {
        staged.put(f, data);
      }
    }
    return new Answers(from, files, staged);
  }

  /** The staged access files of {@code repo}, when asked ahead and still so. */
  static Optional<List<Path>> files(Path repo) {
    Pending p = LATEST.get();
    return p != null && p.repo().equals(repo) ? current().map(Answers::files) : Optional.empty();
  }

  /** The staged text of {@code file}, when asked ahead and still so; taken once. */
  static Optional<byte[]> staged(Path file) {
    return current().map(a -> a.staged().remove(file));
  }

  private static Optional<Answers> current() {
    Pending p = LATEST.get();
    if (p == null) {
      return Optional.empty();
    }
    Answers a;
    try {
      a = p.answers().get();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // asked again, it fails the same way when it fails
    }
    return a.from().unchanged() ? Optional.of(a) : Optional.empty();
  }
}
