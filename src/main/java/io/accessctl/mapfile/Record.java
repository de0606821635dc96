package io.accessctl.mapfile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One key/value pair of a map file, as raw bytes.
 *
 * <p>The arrays are not copied: callers must not modify them after handing a record to a writer.
 * {@link #equals(Object)} and {@link #hashCode()} compare the contents of the arrays.
 */
public record Record(byte[] key, byte[] value) {

  public Record {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  /** A record of two strings encoded as ISO-8859-1 (one byte a character), for tests and tools. */
  public static Record of(String key, String value) {
    return new Record(key.getBytes(StandardCharsets.ISO_8859_1),
        value.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Record r && Arrays.equals(key, r.key) && Arrays.equals(value, r.value);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
  }

  /** Key and value as ISO-8859-1 text; meant for diagnostics only. */
  @Override
  public String toString() {
    return "Record[" + new String(key, StandardCharsets.ISO_8859_1) + " -> "
        + new String(value, StandardCharsets.ISO_8859_1) + "]";
  }
}
