package io.accessctl.lint;

import io.accessctl.source.Entry;

/**
 * Numbers the distinct values of a file's entries, each value within a place its user chooses (a
 * tag group, say; 0 where only the value counts): 0, 1, 2… in the order they are first met.
 * Values are told apart by their bytes in the line ({@link Entry#hasValueOf}): a map repeats a
 * few values (REJECT, NO, A P) thousands of times, and a value string made per entry only to look
 * it up was a good part of what a walk allocated. Users keep what they know of a value in arrays
 * by its number. One thread's own.
 */
public final class ValueIndex {
  private static final int MIN_SLOTS = 16;

  /** Per slot of an open-addressed table: an entry of the value, its hash, place and number. */
  private Entry[] values;
  private int[] hashes;
  private int[] places;
  private int[] numbers;
  private int size;

  /** @param expected how many distinct values to make room for before the table doubles */
  public ValueIndex(int expected) {
    allocate(Integer.highestOneBit(Math.max(MIN_SLOTS, 2 * expected - 1)) << 1);
  }

  /** How many distinct values (in their places) have been numbered. */
  public int size() {
    return size;
  }

  /** The number of {@code e}'s value in {@code place}: {@link #size()} before the call if new. */
  public int of(Entry e, int place) {
    return of(e, e.valueHash(), place);
  }

  /**
   * {@link #of(Entry, int)} with the value's hash in hand.
   *
   * @param h {@code e.valueHash()}, found once for the entry ({@link EntryView#valueHash})
   */
  public int of(Entry e, int h, int place) {
    int mask = values.length - 1;
    int i = spread(h, place) & mask;
    for (Entry v = values[i]; v != null; v = values[i]) {
      if (hashes[i] == h && places[i] == place && e.hasValueOf(v)) {
        return numbers[i];
      }
      i = (i + 1) & mask;
    }
    values[i] = e;
    hashes[i] = h;
    places[i] = place;
    numbers[i] = size;
    if (++size * 2 > values.length) {
      grow();
    }
    return size - 1;
  }

  private void allocate(int slots) {
    values = new Entry[slots];
    hashes = new int[slots];
    places = new int[slots];
    numbers = new int[slots];
  }

  private void grow() {
    Entry[] oldValues = values;
    int[] oldHashes = hashes;
    int[] oldPlaces = places;
    int[] oldNumbers = numbers;
    allocate(oldValues.length * 2);
    int mask = values.length - 1;
    for (int j = 0; j < oldValues.length; j++) {
      if (oldValues[j] != null) {
        int i = spread(oldHashes[j], oldPlaces[j]) & mask;
        while (values[i] != null) {
          i = (i + 1) & mask;
        }
        values[i] = oldValues[j];
        hashes[i] = oldHashes[j];
        places[i] = oldPlaces[j];
        numbers[i] = oldNumbers[j];
      }
    }
  }

  private static int spread(int h, int place) {
    int x = h * 31 + place;
    return x ^ (x >>> 16);
  }
}
