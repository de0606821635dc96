package io.accessctl.mapfile;

import java.util.Arrays;

/** The two key orders of Berkeley DB pages. */
final class KeyOrder {
  private KeyOrder() {}

  /**
   * Order of items on a hash page, which libdb binary-searches: unsigned bytes over the common
   * length, and on a tie the LONGER key first ("empty:10" before "empty:1").
   */
  static int hash(byte[] a, byte[] b) {
    return hash(a, 0, a.length, b, 0, b.length);
  }

  /** {@link #hash(byte[], byte[])} over slices of one array. */
  static int hash(byte[] buf, int aFrom, int aLen, int bFrom, int bLen) {
    return hash(buf, aFrom, aLen, buf, bFrom, bLen);
  }

  private static int hash(byte[] a, int aFrom, int aLen, byte[] b, int bFrom, int bLen) {
    int i = Arrays.mismatch(a, aFrom, aFrom + aLen, b, bFrom, bFrom + bLen);
    if (i < 0) {
      return 0;
    }
    if (i < aLen && i < bLen) {
      return Byte.toUnsignedInt(a[aFrom + i]) - Byte.toUnsignedInt(b[bFrom + i]);
    }
    return bLen - aLen;
  }

  /** Btree order (libdb's default comparison): unsigned bytes, a prefix before the longer key. */
  static int btree(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }
}
