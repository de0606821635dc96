package io.accessctl.app;

import io.accessctl.source.SourceFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** The version of a file in git's index, as a pre-commit hook must check it. */
final class StagedFile {
  private StagedFile() {}

  static byte[] read(Path file) throws IOException {
    Path abs = file.toAbsolutePath().normalize();
    byte[] data = StagedAhead.staged(file).orElse(null);
    if (data == null) {
      data = show(file, "");
    }
    if (data == null) {
      throw new IOException(file + ": not staged in git (git show :" + abs.getFileName()
          + " failed)");
    }
    SourceFiles.checkText(file.toString(), data);
    return data;
  }

  /**
   * {@code git show REV:./file} run in the file's directory: the file as git has it in the index
   * (rev "") or in a commit, or null when git has no such version.
   */
  static byte[] show(Path file, String rev) throws IOException {
    Path abs = file.toAbsolutePath().normalize();
    ProcessBuilder pb = new ProcessBuilder("git", "-C", abs.getParent().toString(), "show",
        rev + ":./" + abs.getFileName()).redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(buf);
    }
    try {
      return p.waitFor() == 0 ? buf.toByteArray() : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(file + ": interrupted while reading from git", e);
    }
  }
}
