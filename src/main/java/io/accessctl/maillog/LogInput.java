package io.accessctl.maillog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens one mail log: a plain file, a gzip-rotated one or standard input. Compression is told by
 * the gzip magic bytes, not by the name: logrotate's {@code delaycompress}, a renamed file or a
 * pipe all break name-based guessing.
 */
public final class LogInput {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;

  private LogInput() {}

  /** The log's bytes, decompressed when they start with the gzip magic. */
  public static InputStream open(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException(file + ": is a directory, not a log file");
    }
    return decompressed(Files.newInputStream(file));
  }

  /** The same for an already open stream (standard input). */
  public static InputStream decompressed(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }
}
