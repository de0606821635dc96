package io.accessctl.rules;

import java.util.Arrays;

/**
 * The calls a {@link CallMemo} keeps, by key: each key an array of ints (the ruleset, the key
 * forms of the file maps, the numbers of the call's tokens) with its hash. An open-addressing
 * table, so that finding a call compares a hash in one array and then ints, not texts. Keys are
 * never removed one by one: the table is emptied as a whole.
 */
final class CallTable<V> {
  /**
   * Each slot's key's {@link #tag}, 0 for an empty slot: a search reads this one array until a
   * tag matches, not the keys, each an array of its own elsewhere in memory.
   */
  private final int[] tags;
  private final int[][] keys;
  private final Object[] values;
  private final int mask;
  private int size;

  /** A table for at least {@code capacity} keys, of which it fills at most half its slots. */
  CallTable(int capacity) {
    int slots = Integer.highestOneBit(Math.max(2, 2 * capacity - 1)) << 1;
    tags = new int[slots];
    keys = new int[slots][];
    values = new Object[slots];
    mask = slots - 1;
  }

  /** A hash of the ints {@code key[0]} to {@code key[length - 1]}. */
  static int hash(int[] key, int length) {
    int h = length;
    for (int i = 0; i < length; i++) {
      h = (h ^ key[i]) * 0x9E3779B1;
    }
    return h ^ (h >>> 15);
  }

  /** The value of the key {@code key[0]} to {@code key[length - 1]}, or null. */
  @SuppressWarnings("unchecked")
  V get(int[] key, int length, int hash) {
    int tag = tag(hash);
    for (int slot = hash & mask, t; (t = tags[slot]) != 0; slot = (slot + 1) & mask) {
      if (t == tag && same(keys[slot], key, length)) {
        return (V) values[slot];
      }
    }
    return null;
  }

  /** A hash as a slot holds it: never 0, which marks an empty slot. */
  private static int tag(int hash) {
    return hash | 1;
  }

  /**
   * Puts a value for a key, the array itself kept (the caller gives it up); the table must hold
   * fewer keys than it was made for.
   */
  void put(int[] key, int hash, V value) {
    int tag = tag(hash);
    int slot = hash & mask;
    for (int t; (t = tags[slot]) != 0; slot = (slot + 1) & mask) {
      if (t == tag && same(keys[slot], key, key.length)) {
        values[slot] = value;
        return;
      }
    }
    tags[slot] = tag;
    keys[slot] = key;
    values[slot] = value;
    size++;
  }

  void clear() {
    if (size > 0) {
      Arrays.fill(tags, 0);
      Arrays.fill(keys, null);
      Arrays.fill(values, null);
      size = 0;
    }
  }

  private static boolean same(int[] kept, int[] key, int length) {
    if (kept.length != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (kept[i] != key[i]) {
        return false;
      }
    }
    return true;
  }
}
