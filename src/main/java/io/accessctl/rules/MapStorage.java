package io.accessctl.rules;

import java.util.Optional;

/**
 * The records behind a file map ({@code hash}, {@code btree}, {@code cdb}): the value stored
 * under exactly these key bytes. The K line's options (case folding, NUL handling, {@code -T},
 * {@code -a}, {@code -m}) are applied around it, so any storage can stand in for the file a K
 * line names.
 */
@FunctionalInterface
public interface MapStorage {
  /**
   * The stored value, or empty.
   *
   * @throws java.io.UncheckedIOException when the storage cannot be read
   */
  Optional<byte[]> get(byte[] key);
}
