package io.accessctl.app;

import io.accessctl.cf.CfFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sendmail.cf a run will most likely read (the stock one, or the one its arguments name), read
 * on a thread of its own from before a command's options are parsed ({@link Lint#prepareAhead}):
 * reading and parsing a distribution's cf costs about as much as building the command does, and
 * most runs read that cf. A read of that very file takes it while the file's size, time and inode
 * are still those it had when the read began; every such read takes the same {@link CfFile}, so
 * that a lint made ahead ({@link LintAhead}) and the run proper judge against one cf. Any other
 * read reads the file itself.
 */
final class CfAhead {
  private record Pending(Path path, FileState before, Ahead<CfFile> cf) {}

  private static final AtomicReference<Pending> PENDING = new AtomicReference<>();

  private CfAhead() {}

  /** Starts reading this cf; the one started before is dropped. */
  static void start(Path path) {
    // a file that is not there, or not one, is left to the read proper to report
    Optional<FileState> before = FileState.of(path);
    if (before.isPresent()) {
      PENDING.set(new Pending(path, before.get(),
          Ahead.start("accessctl-cf-ahead", new Read(path))));
    }
  }

  /** The read; not a lambda, for the reason {@link Ahead} gives. */
  private static final class Read implements Ahead.Work<CfFile> {
    private final Path path;

    Read(Path path) {
      this.path = path;
    }

    @Override
    public CfFile make() throws IOException {
      return CfFile.read(path);
    }
  }

  /** {@link CfFile#read}, from the read started ahead when that read is of this file as it is. */
  static CfFile read(Path path) throws IOException {
    Pending p = PENDING.get();
    if (p == null || !p.path().equals(path)) {
      return CfFile.read(path);
    }
    if (!p.before().stillAt(path)) {
      PENDING.compareAndSet(p, null);
      return CfFile.read(path);
    }
    return p.cf().get();
  }
}
