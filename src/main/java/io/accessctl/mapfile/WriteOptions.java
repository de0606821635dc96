package io.accessctl.mapfile;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * How a {@link MapWriter} lays out a file.
 *
 * @param allowDuplicates keep several records with the same key (makemap {@code -d}); lookups return
 *     the first one given. When false, the records must have distinct keys and the hash and btree
 *     writers reject a repeated key with an {@link IllegalArgumentException}.
 * @param byteOrder byte order of the Berkeley DB integers; libdb reads either. CDB files are always
 *     little-endian whatever this says.
 * @param pageSize Berkeley DB page size, a power of two from 512 to 32768 (makemap: 4096). Ignored
 *     for CDB.
 */
public record WriteOptions(boolean allowDuplicates, ByteOrder byteOrder, int pageSize) {

  /** makemap's page size on Linux/ext4, and ours by default. */
  public static final int DEFAULT_PAGE_SIZE = 4096;
  static final int MIN_PAGE_SIZE = 512;
  /** 64 KB pages would need a 17-bit free-space offset; libdb special-cases them, we do not. */
  static final int MAX_PAGE_SIZE = 32768;

  public WriteOptions {
    Objects.requireNonNull(byteOrder, "byteOrder");
    if (pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE || Integer.bitCount(pageSize) != 1) {
      throw new IllegalArgumentException("page size must be a power of two from " + MIN_PAGE_SIZE
          + " to " + MAX_PAGE_SIZE + ": " + pageSize);
    }
  }

  /** Unique keys, host byte order (little-endian on every Debian host makemap runs on), 4 KB pages. */
  public static WriteOptions defaults() {
    return new WriteOptions(false, ByteOrder.nativeOrder(), DEFAULT_PAGE_SIZE);
  }

  public WriteOptions withAllowDuplicates(boolean allow) {
    return new WriteOptions(allow, byteOrder, pageSize);
  }

  public WriteOptions withByteOrder(ByteOrder order) {
    return new WriteOptions(allowDuplicates, order, pageSize);
  }

  public WriteOptions withPageSize(int size) {
    return new WriteOptions(allowDuplicates, byteOrder, size);
  }
}
