package io.accessctl.app;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Any map keys can be looked up in: a text map parsed exactly as compile parses it, a compiled
 * hash, btree or cdb file read natively, or a live store of {@code accessctl serve}. Opened by
 * {@link Maps#open}.
 */
public interface MapSource extends Closeable {
  /** The map's file or directory, for messages. */
  Path path();

  /** The stored value for these exact key bytes, or empty. */
  Optional<byte[]> get(byte[] key) throws IOException;

  /**
   * At most {@code limit} keys, sorted, as an admin would type them (a text map's keys as
   * written, a compiled map's without the NUL of -N), for completion; none for a store.
   */
  List<String> keys(int limit) throws IOException;

  /**
   * True when {@link #get} may be called from several threads at once, so that the two copies
   * of a batch on two threads can share the map (and the bucket tables a reader builds).
   */
  default boolean sharedGets() {
    return false;
  }

  /** {@link #get} for a key and value held as ISO-8859-1 strings, as sendmail's rules see them. */
  default Optional<String> getLatin1(String key) throws IOException {
    return get(key.getBytes(StandardCharsets.ISO_8859_1))
        .map(v -> new String(v, StandardCharsets.ISO_8859_1));
  }

  @Override
  void close() throws IOException;
}
