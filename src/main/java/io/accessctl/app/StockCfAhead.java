package io.accessctl.app;

import io.accessctl.cf.CfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The stock sendmail.cf, read on a thread of its own from before a command's options are parsed
 * ({@link Lint#prepareAhead}): reading and parsing a distribution's cf costs about as much as
 * building the command does, and most runs read that cf. The first read of that very file takes
 * it, once, and only while the file's size and time are still those it had when the read began;
 * any other read reads the file itself.
 */
final class StockCfAhead {
  private record Pending(Path path, BasicFileAttributes before, Ahead<CfFile> cf) {}

  private static final AtomicReference<Pending> PENDING = new AtomicReference<>();

  private StockCfAhead() {}

  /** Starts reading the stock cf, when there is one. */
  static void start() {
    CfFile.defaultCf().ifPresent(StockCfAhead::start);
  }

  /** Starts reading this cf; the one started before is dropped. */
  static void start(Path path) {
    BasicFileAttributes before;
    try {
      before = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (IOException e) {
      return; // the read proper reports it
    }
    PENDING.set(new Pending(path, before, Ahead.start("accessctl-stock-cf",
        () -> CfFile.read(path))));
  }

  /** {@link CfFile#read}, from the read started ahead when that read is of this file as it is. */
  static CfFile read(Path path) throws IOException {
    Pending p = PENDING.getAndSet(null);
    if (p != null && p.path().equals(path) && unchanged(p)) {
      return p.cf().get();
    }
    return CfFile.read(path);
  }

  private static boolean unchanged(Pending p) {
    try {
      BasicFileAttributes now = Files.readAttributes(p.path(), BasicFileAttributes.class);
      return now.size() == p.before().size()
          && now.lastModifiedTime().equals(p.before().lastModifiedTime())
          && now.fileKey() != null && now.fileKey().equals(p.before().fileKey());
    } catch (IOException e) {
      return false;
    }
  }
}
