package io.accessctl.source;

import java.util.Arrays;

/**
 * The first entry of each stored key, for makemap's "duplicate key" check: open addressing over
 * the keys' hashes (as folded when keys are folded), comparing the line text only when two full
 * hashes are equal, so that no folded key string is made for the check.
 */
final class KeyTable {
  /** The hash is {@code 31 * h + c} over the stored key's characters, as String.hashCode. */
  static final int MULTIPLIER = 31;
  /** Folds the high bits of a hash into the low ones that the mask keeps, as HashMap does. */
  private static final int SPREAD = 16;

  private final boolean fold;
  private Entry[] entries;
  private int[] hashes;
  private int size;

  KeyTable(boolean fold, int expected) {
    this.fold = fold;
    int capacity = Integer.highestOneBit(Math.max(2, expected) * 2 - 1) << 1;
    entries = new Entry[capacity];
    hashes = new int[capacity];
  }

  /**
   * Adds {@code e} unless its stored key is already there.
   *
   * @param hash the stored key's hash ({@link #MULTIPLIER})
   * @return the entry that has the key already, or null when {@code e} was added
   */
  Entry putIfAbsent(Entry e, int hash) {
    int h = hash ^ (hash >>> SPREAD);
    int mask = entries.length - 1;
    int slot = h & mask;
    for (Entry other; (other = entries[slot]) != null; slot = (slot + 1) & mask) {
      if (hashes[slot] == h && sameKey(other, e)) {
        return other;
      }
    }
    entries[slot] = e;
    hashes[slot] = h;
    if (++size * 2 > entries.length) {
      grow();
    }
    return null;
  }

  private boolean sameKey(Entry a, Entry b) {
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

  private void grow() {
    Entry[] oldEntries = entries;
    int[] oldHashes = hashes;
    entries = new Entry[oldEntries.length * 2];
    hashes = new int[entries.length];
    int mask = entries.length - 1;
    for (int i = 0; i < oldEntries.length; i++) {
      if (oldEntries[i] != null) {
        int slot = oldHashes[i] & mask;
        while (entries[slot] != null) {
          slot = (slot + 1) & mask;
        }
        entries[slot] = oldEntries[i];
        hashes[slot] = oldHashes[i];
      }
    }
    Arrays.fill(oldEntries, null);
  }
}
