package io.accessctl.lint.rules;

import io.accessctl.lint.ValueIndex;
import io.accessctl.source.Entry;
import java.util.Arrays;

/**
 * Each distinct value's {@link ValueRule.Shape} in one file, by the value's number in a
 * {@link ValueIndex} (no value string made per entry). Each thread that walks the file has a
 * table of its own, so that threads share nothing; a value both threads meet is parsed twice,
 * alike.
 */
final class ValueShapes {
  private final ThreadLocal<Table> tables = ThreadLocal.withInitial(Table::new);

  /**
   * The shape of the entry's value, or null when sendmail reads nothing in it.
   *
   * @param valueHash {@code e.valueHash()}
   */
  ValueRule.Shape of(Entry e, int valueHash) {
    return tables.get().of(e, valueHash);
  }

  private static final class Table {
    /** A value without a shape. */
    private static final Object NONE = new Object();
    private static final int EXPECTED = 2048;

    private final ValueIndex index = new ValueIndex(EXPECTED);
    private Object[] shapes = new Object[EXPECTED];

    ValueRule.Shape of(Entry e, int valueHash) {
      int known = index.size();
      int n = index.of(e, valueHash, 0);
      if (n == known) {
        if (n == shapes.length) {
          shapes = Arrays.copyOf(shapes, 2 * n);
        }
        ValueRule.Shape s = ValueRule.Shape.of(e.value());
        shapes[n] = s == null ? NONE : s;
        return s;
      }
      return shapes[n] == NONE ? null : (ValueRule.Shape) shapes[n];
    }
  }
}
