package io.accessctl.app;

import io.accessctl.cf.CfFile;
import io.accessctl.lint.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lints of the maps a run most likely asks for, made on a thread of its own while picocli builds
 * the command and parses the options ({@link Lint#prepareAhead}): on two cores the lint then
 * starts that much sooner. The run proper ({@link Lint#run}) takes a file's findings only when
 * they were made for exactly what it asks (the same path and the same settings) from what it
 * would read: the working copy, or for --staged the repository's index, HEAD and branch, still
 * as they were when the read began (size, time and inode); else it lints the file itself, and
 * the guess cost only the work wasted on it.
 */
final class LintAhead {
  /** One file's findings, and the cf they were judged against. */
  record Linted(List<Diagnostic> diagnostics, Optional<CfFile> cf) {}

  /** A lint, and what it was made from. */
  private record Made(Linted linted, Watched from) {}

  private record Pending(Path file, FutureTask<Made> lint) {}

  private static final AtomicReference<LintAhead> LATEST = new AtomicReference<>();

  private final Lint.Request likely;
  private final List<Pending> pending;

  private LintAhead(Lint.Request likely, List<Pending> pending) {
    this.likely = likely;
    this.pending = pending;
  }

  /**
   * Starts linting, one after the other, the files of {@code likely} (those that are regular
   * files, unless it lints what git has staged), when it changes no file; what was started
   * before is dropped.
   */
  static void start(Lint.Request likely) {
    if (likely.fix() || likely.diff()) {
      return;
    }
    List<Pending> pending = new ArrayList<>();
    // what git's index is, per directory: asking takes a process, so the lint's thread asks, once
    Map<Path, Watched> gitOf = new HashMap<>();
    for (Path file : likely.inputs()) {
      if (likely.staged()) {
        pending.add(new Pending(file, new FutureTask<>(new StagedLint(file, likely, gitOf))));
        continue;
      }
      Watched from = Watched.of(List.of(file));
      if (from.allThere()) {
        pending.add(new Pending(file, new FutureTask<>(new FileLint(file, likely, from))));
      }
    }
    LATEST.set(new LintAhead(likely, pending));
    if (pending.isEmpty()) {
      return;
    }
    // the run takes from pending meanwhile
    Thread t = new Thread(new InOrder(List.copyOf(pending)), "accessctl-lint-ahead");
    t.setDaemon(true);
    t.start();
  }

  // Classes, not lambdas, from here to the thread's first read: this runs first in a run, and
  // the JVM's first lambda costs milliseconds to link (see Ahead).

  /** Runs the lints one after the other. */
  private static final class InOrder implements Runnable {
    private final List<Pending> order;

    InOrder(List<Pending> order) {
      this.order = order;
    }

    @Override
    public void run() {
      for (Pending p : order) {
        p.lint().run();
      }
    }
  }

  /** The lint of a working copy, and the file's state from before it was read. */
  private static final class FileLint implements Callable<Made> {
    private final Path file;
    private final Lint.Request likely;
    private final Watched from;

    FileLint(Path file, Lint.Request likely, Watched from) {
      this.file = file;
      this.likely = likely;
      this.from = from;
    }

    @Override
    public Made call() throws IOException {
      return new Made(Lint.lintFile(file, likely), from);
    }
  }

  /** The lint of a staged version, and the state of git's files from before it was asked. */
  private static final class StagedLint implements Callable<Made> {
    private final Path file;
    private final Lint.Request likely;
    private final Map<Path, Watched> gitOf;

    StagedLint(Path file, Lint.Request likely, Map<Path, Watched> gitOf) {
      this.file = file;
      this.likely = likely;
      this.gitOf = gitOf;
    }

    @Override
    public Made call() throws IOException {
      Path dir = file.toAbsolutePath().getParent();
      Watched from = gitOf.get(dir);
      if (from == null) {
        from = Watched.git(dir);
        gitOf.put(dir, from);
      }
      return new Made(Lint.lintFile(file, likely), from);
    }
  }

  /**
   * The findings made ahead for {@code file}, when they were made for what {@code r} asks and
   * the file has not changed since; taken once.
   */
  static Optional<Linted> take(Path file, Lint.Request r) {
    LintAhead ahead = LATEST.get();
    if (ahead == null || !sameLint(ahead.likely, r)) {
      return Optional.empty();
    }
    Pending p = ahead.remove(file);
    if (p == null) {
      return Optional.empty();
    }
    Made made;
    try {
      made = p.lint().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.empty(); // the run's own read or lint fails as this one did
    }
    return made.from().unchanged() ? Optional.of(made.linted()) : Optional.empty();
  }

  private synchronized Pending remove(Path file) {
    for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (p.file().equals(file)) {
        it.remove();
        return p;
      }
    }
    return null;
  }

  /** Whether the two requests lint a file alike: all but the list of files is the same. */
  private static boolean sameLint(Lint.Request a, Lint.Request b) {
    return a.staged() == b.staged() && a.fix() == b.fix() && a.diff() == b.diff()
        && a.select().equals(b.select()) && a.ignore().equals(b.ignore())
        && a.cf().equals(b.cf()) && a.parse().equals(b.parse())
        && a.extraTags().equals(b.extraTags());
  }
}
