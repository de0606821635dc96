package io.accessctl.mapfile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Tells whether a lock file this process holds open is still the file its path names, by asking
 * the kernel about the process's own descriptors (Linux's /proc/self/fd). Nothing here opens the
 * lock file: closing a second descriptor of it would drop the process's fcntl lock.
 */
final class LockFiles {
  private static final Path OWN_DESCRIPTORS = Path.of("/proc/self/fd");
  private static final String UNLINKED = " (deleted)";

  private LockFiles() {}

  /** Where the lock file this process holds open stands. */
  enum State {
    /** the path names the file this process holds open */
    CURRENT,
    /** the file this process holds open was removed, or the path now names another file */
    REPLACED,
    /** cannot be told here (no /proc, or the descriptor was not found) */
    UNKNOWN
  }

  /** @param lockPath an absolute path whose directory has no symbolic link in it */
  static State state(Path lockPath) throws IOException {
    if (!Files.isDirectory(OWN_DESCRIPTORS)) {
      return State.UNKNOWN;
    }
    Object named;
    try {
      named = Files.readAttributes(lockPath, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .fileKey();
    } catch (NoSuchFileException gone) {
      named = null;
    }
    String path = lockPath.toString();
    boolean open = false;
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(OWN_DESCRIPTORS)) {
      for (Path fd : fds) {
        String target;
        try {
          target = Files.readSymbolicLink(fd).toString();
        } catch (IOException closedMeanwhile) {
          continue;
        }
        if (!target.equals(path) && !target.equals(path + UNLINKED)) {
          continue;
        }
        open = true;
        Object held;
        try {
          // stat through the descriptor's link reaches the open file itself, removed or not
          held = Files.readAttributes(fd, BasicFileAttributes.class).fileKey();
        } catch (IOException closedMeanwhile) {
          continue;
        }
        if (held != null && held.equals(named)) {
          return State.CURRENT;
        }
      }
    }
    return open ? State.REPLACED : State.UNKNOWN;
  }
}
