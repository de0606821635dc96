package io.accessctl.cli;

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
    Path dir = abs.getParent();
    ProcessBuilder pb = new ProcessBuilder("git", "-C", dir.toString(), "show",
        ":./" + abs.getFileName()).redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(buf);
    }
    try {
      if (p.waitFor() != 0) {
        throw new IOException(file + ": not staged in git (git show :" + abs.getFileName()
            + " failed)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(file + ": interrupted while reading from git", e);
    }
    byte[] data = buf.toByteArray();
    SourceFiles.checkText(file.toString(), data);
    return data;
  }
}
