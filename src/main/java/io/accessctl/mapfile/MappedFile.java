package io.accessctl.mapfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Read-only memory mapping of a whole map file. */
final class MappedFile {
  private MappedFile() {}

  static ByteBuffer map(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        throw new IOException(file + ": map files over 2 GB are not supported");
      }
      if (size == 0) {
        return ByteBuffer.allocate(0);
      }
      return ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    }
  }
}
