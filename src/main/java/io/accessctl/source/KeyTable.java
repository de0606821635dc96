package io.accessctl.source;

import java.util.Arrays;

/**
 * The first entry of each stored key, for makemap's "duplicate key" check: open addressing over
 * the keys' hashes (as folded when keys are folded), comparing the line text only when two full
 * hashes are equal, so that no folded key string is made for the check.
 *
 * <p>A slot is one long, the hash and the entry's place among those added, so that a probe reads
 * one array: a million-entry map's probes are mostly cache misses.
 */
final class KeyTable {
  /** The hash is {@code 31 * h + c} over the stored key's characters, as String.hashCode. */
  static final int MULTIPLIER = 31;
  /** Folds the high bits of a hash into the low ones that the mask keeps, as HashMap does. */
  private static final int SPREAD = 16;
  private static final long PLACE_BITS = 0xffff_ffffL;

  private final boolean fold;
  /** By slot: the spread hash in the high half, 1 + the entry's place in the low; 0 is empty. */
  private long[] slots;
  /** The entries added, in order. */
  private Entry[] added;
  private int size;

  KeyTable(boolean fold, int expected) {
    this.fold = fold;
    int capacity = Integer.highestOneBit(Math.max(2, expected) * 2 - 1) << 1;
    slots = new long[capacity];
    added = new Entry[Math.max(2, expected)];
  }

  /**
   * Adds {@code e} unless its stored key is already there.
   *
   * @param hash the stored key's hash ({@link #MULTIPLIER})
   * @return the entry that has the key already, or null when {@code e} was added
   */
  Entry putIfAbsent(Entry e, int hash) {
    int h = spread(hash);
    int slot = slotOf(e, h);
    if (slots[slot] != 0) {
      return entryIn(slots[slot]);
    }
    if (size == added.length) {
      added = Arrays.copyOf(added, size * 2);
    }
    added[size++] = e;
    slots[slot] = ((long) h << Integer.SIZE) | size;
    if (size * 2 > slots.length) {
      grow();
    }
    return null;
  }

  /**
   * The entry that has {@code e}'s stored key, or null; adds nothing.
   *
   * @param hash as for {@link #putIfAbsent}
   */
  Entry find(Entry e, int hash) {
    long s = slots[slotOf(e, spread(hash))];
    return s == 0 ? null : entryIn(s);
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> SPREAD);
  }

  /** The slot that holds {@code e}'s stored key, else the empty slot where it would go. */
  private int slotOf(Entry e, int h) {
    int mask = slots.length - 1;
    int slot = h & mask;
    for (long s; (s = slots[slot]) != 0; slot = (slot + 1) & mask) {
      if ((int) (s >>> Integer.SIZE) == h && sameKey(entryIn(s), e)) {
        return slot;
      }
    }
    return slot;
  }

  private Entry entryIn(long slot) {
    return added[(int) (slot & PLACE_BITS) - 1];
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
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = slots.length - 1;
    for (long s : old) {
      if (s != 0) {
        int slot = (int) (s >>> Integer.SIZE) & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = s;
      }
    }
  }
}
