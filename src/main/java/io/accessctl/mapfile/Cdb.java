package io.accessctl.mapfile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Names for the constant database (cdb) layout as tinycdb writes it (see package-info.java).
 * Every integer is a little-endian u32.
 */
final class Cdb {
  private Cdb() {}

  /** Number of hash tables; a key's table is the low byte of its hash. */
  static final int TABLES = 256;
  /** Header entry per table: u32 position of the table, u32 number of slots. */
  static final int HEADER_ENTRY_SIZE = 8;
  static final int HEADER_SIZE = TABLES * HEADER_ENTRY_SIZE;
  static final int HEADER_POS = 0;
  static final int HEADER_SLOTS = 4;
  /** Record: u32 key length, u32 value length, key, value. */
  static final int RECORD_KLEN = 0;
  static final int RECORD_VLEN = 4;
  static final int RECORD_HEADER_SIZE = 8;
  /** Slot: u32 hash, u32 record position (0 = empty). */
  static final int SLOT_HASH = 0;
  static final int SLOT_POS = 4;
  static final int SLOT_SIZE = 8;
  /** A table has twice as many slots as it has records. */
  static final int SLOTS_PER_RECORD = 2;
  static final int TABLE_MASK = TABLES - 1;
  /** The hash's low byte picks the table; the rest picks the starting slot. */
  static final int TABLE_BITS = 8;
  static final long MAX_FILE_SIZE = 0xFFFF_FFFFL;

  private static final int HASH_START = 5381;
  private static final int HASH_SHIFT = 5;

  /** D. J. Bernstein's hash with xor: h = 5381; h = (h * 33) ^ byte, modulo 2^32. */
  static int hash(byte[] key) {
    int h = HASH_START;
    for (byte b : key) {
      h = ((h << HASH_SHIFT) + h) ^ (b & Bdb.BYTE_MASK);
    }
    return h;
  }

  /** True when a file of {@code fileSize} bytes starting with {@code head} is a cdb file. */
  static boolean isCdbHead(ByteBuffer head, long fileSize) {
    return fileSize >= HEADER_SIZE && head.limit() >= HEADER_SIZE
        && isConsistentHeader(head.order(ByteOrder.LITTLE_ENDIAN), fileSize);
  }

  /**
   * True when the 2048-byte header describes tables that follow each other without gaps from
   * after the records to the exact end of the file, as every cdb writer lays them out.
   */
  static boolean isConsistentHeader(ByteBuffer header, long fileSize) {
    long expected = -1;
    for (int t = 0; t < TABLES; t++) {
      long pos = Integer.toUnsignedLong(header.getInt(t * HEADER_ENTRY_SIZE + HEADER_POS));
      long slots = Integer.toUnsignedLong(header.getInt(t * HEADER_ENTRY_SIZE + HEADER_SLOTS));
      if (t == 0 ? pos < HEADER_SIZE : pos != expected) {
        return false;
      }
      expected = pos + slots * SLOT_SIZE;
    }
    return expected == fileSize;
  }
}
