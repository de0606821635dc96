package io.accessctl.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * A file's size, modification time and inode: what a read made ahead of time ({@link
 * CfAhead}, {@link LintAhead}) is checked against before it is used in place of reading the
 * file when asked.
 */
record FileState(long size, FileTime modified, Object key) {
  /** The state of the regular file at {@code path}, if it is one and has an inode. */
  static Optional<FileState> of(Path path) {
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      if (!a.isRegularFile() || a.fileKey() == null) {
        return Optional.empty();
      }
      return Optional.of(new FileState(a.size(), a.lastModifiedTime(), a.fileKey()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether the file at {@code path} is still in this state. */
  boolean stillAt(Path path) {
    Optional<FileState> now = of(path);
    return now.isPresent() && equals(now.get());
  }

  // written out: the record's generated equals links a tree of method handles on first use, which
  // costs more than the comparison is worth as a command starts
  @Override
  public boolean equals(Object o) {
    return o instanceof FileState f && size == f.size && modified.equals(f.modified)
        && key.equals(f.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }
}
