package io.accessctl.source;

import java.util.Arrays;
import java.util.List;

/**
 * makemap's "duplicate key" check over all of a file's entries at once, from the stored keys'
 * hashes the parse made while it read each key: no folded key string is made, and the line texts
 * are compared only where two full hashes are equal.
 *
 * <p>Why not one hash table over every key: on a large map each probe of a table that size is a
 * cache miss. The entries are first partitioned by the high bits of their hashes, in file order;
 * each partition then gets a table of its own small enough to stay in the CPU cache.
 */
final class DuplicateKeys {
  /** The hash is {@code 31 * h + c} over the stored key's characters, as String.hashCode. */
  static final int MULTIPLIER = 31;
  /** Folds the high bits of a hash into the low ones, as HashMap does. */
  private static final int SPREAD = 16;
  /** Entries a partition holds on average: its table then fits the CPU cache. */
  private static final int LOG2_PARTITION = 10;
  private static final long LOW_INT = 0xffff_ffffL;

  private DuplicateKeys() {}

  /**
   * Each entry whose stored key an earlier entry has, with that earliest entry.
   *
   * @param hashes by entry, the stored key's hash ({@link #MULTIPLIER}), as folded when {@code
   *     fold}
   * @return pairs, in entry order: the later entry's index in the high half, the first entry's in
   *     the low
   */
  static long[] find(List<Entry> entries, int[] hashes, boolean fold) {
    int n = entries.size();
    int bits = Math.max(0, Integer.SIZE - Integer.numberOfLeadingZeros(n) - LOG2_PARTITION);
    int parts = 1 << bits;
    int[] start = new int[parts + 1];
    for (int i = 0; i < n; i++) {
      start[partition(spread(hashes[i]), bits) + 1]++;
    }
    int largest = 0;
    for (int p = 0; p < parts; p++) {
      largest = Math.max(largest, start[p + 1]);
      start[p + 1] += start[p];
    }
    // (hash, entry) by partition, each partition in entry order: its first entry of a key wins
    long[] items = new long[n];
    int[] fill = Arrays.copyOf(start, parts);
    for (int i = 0; i < n; i++) {
      int h = spread(hashes[i]);
      items[fill[partition(h, bits)]++] = ((long) h << Integer.SIZE) | i;
    }
    int[] table = new int[tableSize(largest)];
    long[] found = new long[0];
    int count = 0;
    for (int p = 0; p < parts; p++) {
      int mask = tableSize(start[p + 1] - start[p]) - 1;
      Arrays.fill(table, 0, mask + 1, 0);
      for (int j = start[p]; j < start[p + 1]; j++) {
        long item = items[j];
        int h = (int) (item >>> Integer.SIZE);
        int slot = h & mask;
        int first = -1;
        for (int t; (t = table[slot]) != 0; slot = (slot + 1) & mask) {
          long other = items[t - 1];
          if ((int) (other >>> Integer.SIZE) == h
              && sameKey(entries.get((int) other), entries.get((int) item), fold)) {
            first = (int) other;
            break;
          }
        }
        if (first < 0) {
          table[slot] = j + 1;
        } else {
          if (count == found.length) {
            found = Arrays.copyOf(found, Math.max(16, 2 * count));
          }
          found[count++] = ((item & LOW_INT) << Integer.SIZE) | first;
        }
      }
    }
    found = Arrays.copyOf(found, count);
    Arrays.sort(found);
    return found;
  }

  /** The later entry of a pair {@link #find} returned. */
  static int later(long pair) {
    return (int) (pair >>> Integer.SIZE);
  }

  /** The first entry of a pair {@link #find} returned. */
  static int first(long pair) {
    return (int) (pair & LOW_INT);
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> SPREAD);
  }

  /** The partition of a spread hash: its high bits, while a partition's table uses its low. */
  private static int partition(int h, int bits) {
    return bits == 0 ? 0 : h >>> (Integer.SIZE - bits);
  }

  /** A power of two at least twice {@code entries}: probes stay short. */
  private static int tableSize(int entries) {
    return Integer.highestOneBit(Math.max(1, entries) * 2 - 1) << 1;
  }

  private static boolean sameKey(Entry a, Entry b, boolean fold) {
    int n = a.keyLength();
    if (n != b.keyLength()) {
      return false;
    }
    SourceLine x = a.line();
    SourceLine y = b.line();
    for (int i = 0; i < n; i++) {
      char p = (char) x.byteAt(i);
      char q = (char) y.byteAt(i);
      if (p != q && (!fold || Bytes.foldAscii(p) != Bytes.foldAscii(q))) {
        return false;
      }
    }
    return true;
  }
}
