package io.accessctl.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as picocli's writer, UTF-8 whatever the locale (Java 17 would otherwise print
 * '?' for non-ASCII under LANG=C), that also hands out the byte stream under it: a report of
 * megabytes, made as UTF-8 bytes, is written as it is rather than decoded and encoded again.
 */
final class Utf8Writer extends PrintWriter {
  private final OutputStream stream;

  Utf8Writer(OutputStream stream) {
    super(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    this.stream = stream;
  }

  /**
   * The stream under this writer, for UTF-8 bytes, after what was printed so far. Like the
   * writer, it never throws: an error shows in {@link #checkError()}.
   */
  OutputStream bytes() {
    flush();
    return new Bytes();
  }

  private final class Bytes extends OutputStream {
    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      try {
        stream.write(b, off, len);
      } catch (IOException e) {
        setError();
      }
    }

    @Override
    public void flush() {
      try {
        stream.flush();
      } catch (IOException e) {
        setError();
      }
    }
  }
}
