package io.accessctl.serve;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * What the store knows about one map's current content.
 *
 * @param name the socketmap map name (sendmail: the name on the K line, "access")
 * @param generation increases by one with every push; readers see one generation or the next
 * @param entries the number of records
 * @param fold lookups fold ASCII upper case (the keys were folded when pushed, makemap's default)
 * @param pushedAt when the push committed
 * @param source the file pushed, for people
 * @param digest SHA-256 of the source bytes, hex, so that a watcher pushes only real changes
 */
public record MapInfo(String name, long generation, long entries, boolean fold, Instant pushedAt,
    String source, String digest) {

  private static final int FORMAT = 1;

  byte[] encode() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buf)) {
      out.writeByte(FORMAT);
      out.writeLong(generation);
      out.writeLong(entries);
      out.writeBoolean(fold);
      out.writeLong(pushedAt.toEpochMilli());
      out.writeUTF(source);
      out.writeUTF(digest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buf.toByteArray();
  }

  static MapInfo decode(String name, byte[] data) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int format = in.readUnsignedByte();
      if (format != FORMAT) {
        throw new IOException("map " + name + ": record format " + format
            + " is newer than this accessctl (" + FORMAT + ")");
      }
      return new MapInfo(name, in.readLong(), in.readLong(), in.readBoolean(),
          Instant.ofEpochMilli(in.readLong()), in.readUTF(), in.readUTF());
    }
  }
}
