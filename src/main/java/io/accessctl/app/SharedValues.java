package io.accessctl.app;

import io.accessctl.source.Entry;

/**
 * The value bytes of one map's records, one array for each value that recurs: most maps spell a
 * few actions (OK, REJECT, RELAY …) on most of their lines. A million-entry compile otherwise
 * allocated (and faulted in) a million small copies of them, which the hash writer then read
 * scattered across memory in hash order.
 *
 * <p>A small table holds one value for each hash slot, so a map of distinct values costs a hash
 * and a compare an entry, and no memory beyond the table. A slot's value gives way only when
 * other values have come more often than it since it came, so distinct values between the
 * common ones (messages of their own) do not push those out. Sharing is safe because a {@link
 * io.accessctl.mapfile.Record}'s arrays are never modified.
 */
final class SharedValues {
  private static final int SLOTS = 1 << 10;
  /** A common value gives way after this many others in a row: maps change habits midway. */
  private static final int MAX_CREDIT = 64;

  private final byte[][] slots = new byte[SLOTS][];
  /** Per slot, an entry whose value its bytes are. */
  private final Entry[] holders = new Entry[SLOTS];
  /**
   * Per slot, its value's hash: a value that is not the slot's is then told from it without
   * reading the holder's line, which lies wherever in the file the holder came.
   */
  private final int[] hashes = new int[SLOTS];
  /** Per slot, how often its value came less how often others came, since it took the slot. */
  private final int[] credit = new int[SLOTS];
  private final int extra;

  /** @param extra NUL bytes after each value (1 for makemap -N) */
  SharedValues(int extra) {
    this.extra = extra;
  }

  /** {@link Entry#valueBytes} of {@code e}, the same array as for an equal value before. */
  byte[] of(Entry e) {
    int h = e.valueHash();
    int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    byte[] b = slots[slot];
    if (b != null && hashes[slot] == h && e.hasValueOf(holders[slot])) {
      credit[slot] = Math.min(credit[slot] + 1, MAX_CREDIT);
      return b;
    }
    b = e.valueBytes(extra);
    if (--credit[slot] <= 0) {
      slots[slot] = b;
      holders[slot] = e;
      hashes[slot] = h;
      credit[slot] = 1;
    }
    return b;
  }
}
