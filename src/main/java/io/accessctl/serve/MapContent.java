package io.accessctl.serve;

import io.accessctl.mapfile.Record;
import java.util.List;

/**
 * A whole map ready to be pushed: the records (keys as stored, without NUL), how lookups treat
 * case, and where it came from.
 *
 * @param records the records; a key that comes again keeps its first value
 * @param fold lookups fold ASCII upper case (the keys were folded, makemap's default)
 * @param source the file, for people
 * @param digest SHA-256 of the source bytes, hex
 */
public record MapContent(List<Record> records, boolean fold, String source, String digest) {
  public MapContent {
    records = List.copyOf(records);
  }

  /** The SHA-256 of {@code data} in lower-case hex. */
  public static String digest(byte[] data) {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is in every Java runtime", e);
    }
  }
}
