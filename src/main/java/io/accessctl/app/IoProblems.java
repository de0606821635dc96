package io.accessctl.app;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** One-line descriptions of I/O failures, naming the file, for every message accessctl prints. */
public final class IoProblems {
  private IoProblems() {}

  public static String describe(IOException io) {
    if (io instanceof NoSuchFileException e) {
      return e.getFile() + ": No such file or directory";
    }
    if (io instanceof AccessDeniedException e) {
      return e.getFile() + ": Permission denied";
    }
    if (io instanceof FileSystemException e && e.getFile() != null) {
      return e.getFile() + ": " + (e.getReason() == null ? "cannot access" : e.getReason());
    }
    return io.getMessage() == null ? io.toString() : io.getMessage();
  }

  /** {@link #describe} with the file named in front when the description does not start so. */
  public static String describe(Object file, IOException io) {
    String why = describe(io);
    String name = file.toString();
    return why.startsWith(name) ? why : name + ": " + why;
  }
}
