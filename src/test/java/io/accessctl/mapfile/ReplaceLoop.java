package io.accessctl.mapfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A child process for {@link AtomicFileTest}: replaces one target {@code rounds} times, and inside
 * each replacement claims a marker file that no other replacement may hold at the same time.
 * Exits 3 when it finds the marker taken (two replacements ran at once), 0 otherwise.
 */
public final class ReplaceLoop {
  private ReplaceLoop() {}

  public static void main(String[] args) throws IOException {
    Path target = Path.of(args[0]);
    Path marker = Path.of(args[1]);
    int rounds = Integer.parseInt(args[2]);
    for (int r = 0; r < rounds; r++) {
      int i = r;
      boolean[] overlap = {false};
      AtomicFile.replace(target, ch -> {
        try {
          Files.writeString(marker, "process " + ProcessHandle.current().pid(),
              StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
          System.out.println("round " + i + ": process " + ProcessHandle.current().pid()
              + " found \"" + Files.readString(marker) + "\" inside");
          overlap[0] = true;
          return;
        }
        try {
          ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes()));
          Thread.onSpinWait();
        } finally {
          Files.delete(marker);
        }
      });
      if (overlap[0]) {
        System.exit(3);
      }
    }
  }
}
