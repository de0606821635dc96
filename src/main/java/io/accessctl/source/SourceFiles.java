package io.accessctl.source;

import io.accessctl.mapfile.MapFormat;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads an access text map, refusing what is not one (a directory, a compiled db, a binary) with
 * a one-line reason that names the file.
 */
public final class SourceFiles {
  /** Far beyond any real access map; keeps a mistaken path to a disk image from eating the heap. */
  public static final long MAX_SIZE = 1L << 30;
  private static final int SAMPLE = 8192;
  /** One byte in this many a control byte makes the sample binary (5%)... */
  private static final int CONTROL_SHARE = 20;
  /** ...when there are at least this many. */
  private static final int MIN_CONTROL = 3;

  private SourceFiles() {}

  /** Thrown for an input that exists but is not an access text map. */
  public static final class NotATextMap extends IOException {
    private static final long serialVersionUID = 1L;

    public NotATextMap(String message) {
      super(message);
    }
  }

  public static byte[] read(Path file) throws IOException {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
      throw new NoSuchFileException(file.toString());
    }
    if (Files.isDirectory(file)) {
      throw new NotATextMap(file + ": is a directory, not an access map");
    }
    long size = Files.size(file);
    if (size > MAX_SIZE) {
      throw new NotATextMap(file + ": " + size + " bytes is too large for an access map");
    }
    byte[] data = readAll(file, (int) size);
    checkText(file.toString(), data);
    return data;
  }

  /**
   * What one read asks for: the native buffer a read goes through is this size, and reused, where
   * one read of a whole large file would go through one as large, fresh memory the system must
   * first hand out.
   */
  private static final int CHUNK = 1 << 16;

  /** The file's bytes, {@code size} of them expected; fewer or more if it changed meanwhile. */
  private static byte[] readAll(Path file, int size) throws IOException {
    try (InputStream in = open(file)) {
      byte[] data = new byte[size];
      int n = 0;
      while (true) {
        if (n == data.length) {
          int next = in.read();
          if (next < 0) {
            return data;
          }
          data = Arrays.copyOf(data, Math.max(CHUNK, 2 * data.length));
          data[n++] = (byte) next;
        }
        int r = in.read(data, n, Math.min(CHUNK, data.length - n));
        if (r < 0) {
          return Arrays.copyOf(data, n);
        }
        n += r;
      }
    }
  }

  /**
   * The file as a plain stream: a read through a channel's stream copies every chunk once more and
   * costs more code on the way (a large lint's read, which everything after it waits for: ~4.5
   * -> ~2.8 ms of CPU for 3.8 MB). It names every failure to open alike, so a failure is asked
   * again of the channel, whose exception says which (no such file, access denied).
   */
  private static InputStream open(Path file) throws IOException {
    try {
      return new FileInputStream(file.toFile());
    } catch (FileNotFoundException e) {
      return Files.newInputStream(file);
    }
  }

  /** Throws {@link NotATextMap} when the bytes are clearly not a text map. */
  public static void checkText(String name, byte[] data) throws NotATextMap {
    String kind = knownBinary(data);
    if (kind != null) {
      throw new NotATextMap(name + ": line 1: " + kind + ", not an access text map");
    }
    Optional<MapFormat> map = MapFormat.recognise(ByteBuffer.wrap(data), data.length);
    if (map.isPresent()) {
      throw new NotATextMap(name + ": line 1: a " + map.get().description() + " file, not an"
          + " access text map (lint and compile read the text source, e.g. /etc/mail/access)");
    }
    int n = Math.min(data.length, SAMPLE);
    int control = 0;
    int firstLine = 0;
    int line = 1;
    for (int i = 0; i < n; i++) {
      int b = data[i] & 0xff;
      if (b == '\n') {
        line++;
      } else if ((b < 0x20 && !Bytes.isSpace(b)) || b == 0x7f) {
        control++;
        if (firstLine == 0) {
          firstLine = line;
        }
      }
    }
    // Random bytes are about 10% control bytes; a text map, even with a stray NUL, far below 5%.
    if (control >= MIN_CONTROL && control * CONTROL_SHARE > n) {
      throw new NotATextMap(name + ": line " + firstLine + ": binary data (" + control
          + " control bytes in the first " + n + "), not an access text map");
    }
  }

  private static String knownBinary(byte[] d) {
    if (d.length >= 2 && ((d[0] == (byte) 0xff && d[1] == (byte) 0xfe)
        || (d[0] == (byte) 0xfe && d[1] == (byte) 0xff))) {
      return "UTF-16 text (save it as UTF-8 or ASCII; makemap reads bytes)";
    }
    if (d.length >= 4 && d[0] == 0x7f && d[1] == 'E' && d[2] == 'L' && d[3] == 'F') {
      return "an ELF executable";
    }
    if (d.length >= 2 && d[0] == (byte) 0x1f && d[1] == (byte) 0x8b) {
      return "gzip-compressed data";
    }
    return null;
  }
}
