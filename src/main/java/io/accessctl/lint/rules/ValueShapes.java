package io.accessctl.lint.rules;

import io.accessctl.source.Entry;

/**
 * Each distinct value's {@link ValueRule.Shape} in one file, looked up by the value's bytes in its
 * line ({@link Entry#hasValueOf}): a map repeats a few values (REJECT, NO, A P) thousands of
 * times, and cutting each entry's value string only to look its shape up was a good part of what
 * the value rules allocated. Each thread that walks the file has a table of its own, so that
 * threads share nothing; a value both threads meet is parsed twice, alike.
 */
final class ValueShapes {
  private final ThreadLocal<Table> tables = ThreadLocal.withInitial(Table::new);

  /** The shape of the entry's value, or null when sendmail reads nothing in it. */
  ValueRule.Shape of(Entry e) {
    return tables.get().of(e);
  }

  /** An open-addressed table: per slot, an entry of the value, its hash and its shape. */
  private static final class Table {
    /** A value without a shape. */
    private static final Object NONE = new Object();
    private static final int FIRST_SLOTS = 4096;

    private Entry[] values = new Entry[FIRST_SLOTS];
    private int[] hashes = new int[FIRST_SLOTS];
    private Object[] shapes = new Object[FIRST_SLOTS];
    private int size;

    ValueRule.Shape of(Entry e) {
      int h = e.valueHash();
      int mask = values.length - 1;
      int i = spread(h) & mask;
      for (Entry v = values[i]; v != null; v = values[i]) {
        if (hashes[i] == h && e.hasValueOf(v)) {
          return shapes[i] == NONE ? null : (ValueRule.Shape) shapes[i];
        }
        i = (i + 1) & mask;
      }
      ValueRule.Shape s = ValueRule.Shape.of(e.value());
      values[i] = e;
      hashes[i] = h;
      shapes[i] = s == null ? NONE : s;
      if (++size * 2 > values.length) {
        grow();
      }
      return s;
    }

    private void grow() {
      Entry[] oldValues = values;
      int[] oldHashes = hashes;
      Object[] oldShapes = shapes;
      int n = oldValues.length * 2;
      values = new Entry[n];
      hashes = new int[n];
      shapes = new Object[n];
      for (int j = 0; j < oldValues.length; j++) {
        if (oldValues[j] != null) {
          int i = spread(oldHashes[j]) & (n - 1);
          while (values[i] != null) {
            i = (i + 1) & (n - 1);
          }
          values[i] = oldValues[j];
          hashes[i] = oldHashes[j];
          shapes[i] = oldShapes[j];
        }
      }
    }

    private static int spread(int h) {
      return h ^ (h >>> 16);
    }
  }
}
