package io.accessctl.rules;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The questions of a chunk split into two halves, one for each copy of a {@link TwoThreadBatch}:
 * each copy takes blocks from the front of its own half, in order, and once that is done takes
 * blocks from the back of the other's, so that neither waits while the other has questions left
 * (the threads share two cores with reading, writing and the rest of the machine).
 */
final class Halves {
  /** Questions taken at once: an atomic update per block, not per question. */
  static final int BLOCK = 32;
  private static final int BITS = 32;
  private static final long LOW = (1L << BITS) - 1;

  /** Each half's questions not yet taken, as its front index in the high bits, its end in the low. */
  private final AtomicLong[] left = new AtomicLong[2];
  private final int middle;

  /** Questions {@code from} to {@code to}: copy 0's half from {@code from}, copy 1's from the middle. */
  Halves(int from, int to) {
    middle = from + (to - from) / 2;
    left[0] = new AtomicLong(pack(from, middle));
    left[1] = new AtomicLong(pack(middle, to));
  }

  /**
   * The next block for copy {@code own} (0 or 1), as {@link #start}/{@link #end} read it; -1 when
   * no question is left.
   */
  long next(int own) {
    long b = take(left[own], true);
    return b >= 0 ? b : take(left[1 - own], false);
  }

  /** Whether a block from {@link #next} came from the other copy's half. */
  boolean stolen(int own, long block) {
    return own == 0 ? start(block) >= middle : start(block) < middle;
  }

  static int start(long block) {
    return (int) (block >>> BITS);
  }

  static int end(long block) {
    return (int) (block & LOW);
  }

  /** A block from the front or the back of what is left of a half; -1 when nothing is. */
  private static long take(AtomicLong half, boolean front) {
    for (;;) {
      long v = half.get();
      int from = start(v);
      int to = end(v);
      if (from >= to) {
        return -1;
      }
      int cut = front ? Math.min(to, from + BLOCK) : Math.max(from, to - BLOCK);
      if (half.compareAndSet(v, front ? pack(cut, to) : pack(from, cut))) {
        return front ? pack(from, cut) : pack(cut, to);
      }
    }
  }

  private static long pack(int from, int to) {
    return (long) from << BITS | to;
  }
}
