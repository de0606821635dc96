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

  /** Strings at least this long go to the stream as bytes, past the encoder. */
  private static final int BULK = 1 << 13;

  /**
   * A long string (a chunk of batch answers, a report) is encoded at once by {@link
   * String#getBytes}, a copy of its bytes where it is ASCII, instead of char by char through the
   * encoder's buffer; what was printed before goes out first.
   */
  @Override
  public void write(String s, int off, int len) {
    if (len < BULK) {
      super.write(s, off, len);
      return;
    }
    flush();
    String part = off == 0 && len == s.length() ? s : s.substring(off, off + len);
    try {
      stream.write(part.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      setError();
    }
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
