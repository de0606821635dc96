package io.accessctl.mapfile;

import java.util.Arrays;

/**
 * Stable sort of records by key in btree order (unsigned bytes, a prefix first), for large
 * inputs. Each record's first 16 key bytes (zero-padded) and its length travel with the record
 * index through a merge sort over plain arrays, so the comparisons read sequential memory instead
 * of chasing one array per key. Keys longer than 16 bytes that agree on those 16 come out next to
 * each other (in input order); each such run is then sorted on its full keys.
 */
final class KeySort {
  private KeySort() {}

  private static final int PREFIX_BYTES = 2 * Long.BYTES;
  private static final int INSERTION_SORT_MAX = 12;

  private static final class Data {
    final byte[][] keys;
    long[] p0;
    long[] p1;
    int[] len;
    int[] idx;
    long[] q0;
    long[] q1;
    int[] qlen;
    int[] jdx;

    Data(byte[][] keys, int n) {
      this.keys = keys;
      p0 = new long[n];
      p1 = new long[n];
      idx = new int[n];
      len = new int[n];
      qlen = new int[n];
      q0 = new long[n];
      q1 = new long[n];
      jdx = new int[n];
    }
  }

  /**
   * The outcome: record indices ordered by key (equal keys in input order), and for each position
   * whether its key equals the one before it.
   */
  record Sorted(int[] order, boolean[] sameKeyAsPrevious) {}

  static Sorted sort(byte[][] keys) {
    int n = keys.length;
    Data d = new Data(keys, n);
    for (int i = 0; i < n; i++) {
      d.p0[i] = prefix(keys[i], 0);
      d.p1[i] = prefix(keys[i], Long.BYTES);
      d.len[i] = keys[i].length;
      d.idx[i] = i;
    }
    // bottom-up: sorted runs of INSERTION_SORT_MAX, then merges of doubling width
    for (int from = 0; from < n; from += INSERTION_SORT_MAX) {
      insertionSort(d, from, Math.min(n, from + INSERTION_SORT_MAX));
    }
    for (int width = INSERTION_SORT_MAX; width < n; width *= 2) {
      for (int from = 0; from < n; from += 2 * width) {
        int mid = Math.min(n, from + width);
        int to = Math.min(n, from + 2 * width);
        merge(d, from, mid, to);
      }
      long[] t0 = d.p0;
      d.p0 = d.q0;
      d.q0 = t0;
      long[] t1 = d.p1;
      d.p1 = d.q1;
      d.q1 = t1;
      int[] ti = d.idx;
      d.idx = d.jdx;
      d.jdx = ti;
      int[] tl = d.len;
      d.len = d.qlen;
      d.qlen = tl;
    }
    boolean[] same = new boolean[n];
    sortLongRuns(d, n, same);
    return new Sorted(d.idx, same);
  }

  /** Sorts each run of keys longer than 16 bytes that share their first 16 bytes. */
  private static void sortLongRuns(Data d, int n, boolean[] same) {
    int[] scratch = null;
    IndexSort.IntComparator full = (a, b) -> Arrays.compareUnsigned(
        d.keys[a], PREFIX_BYTES, d.keys[a].length, d.keys[b], PREFIX_BYTES, d.keys[b].length);
    for (int i = 0; i < n; ) {
      int j = i + 1;
      if (d.len[i] <= PREFIX_BYTES) {
        same[i] = i > 0 && d.len[i - 1] == d.len[i] && d.p0[i - 1] == d.p0[i] && d.p1[i - 1] == d.p1[i];
      } else {
        while (j < n && d.len[j] > PREFIX_BYTES && d.p0[j] == d.p0[i] && d.p1[j] == d.p1[i]) {
          j++;
        }
        if (j - i > 1) {
          if (scratch == null || scratch.length < j - i) {
            scratch = new int[Math.max(j - i, INSERTION_SORT_MAX)];
          }
          IndexSort.sort(d.idx, i, j, full, scratch);
          for (int k = i + 1; k < j; k++) {
            same[k] = full.compare(d.idx[k - 1], d.idx[k]) == 0;
          }
        }
      }
      i = j;
    }
  }

  /** Eight key bytes from {@code at}, big-endian, zero-padded past the end. */
  private static long prefix(byte[] key, int at) {
    long v = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      v <<= Byte.SIZE;
      if (at + i < key.length) {
        v |= key[at + i] & Bdb.BYTE_MASK;
      }
    }
    return v;
  }

  /**
   * Order by the padded 16-byte prefix; on a tie, keys of at most 16 bytes by length (the shorter
   * is a prefix of the longer) and before longer keys; longer keys tie (sorted afterwards).
   */
  private static int compare(long a0, long a1, int alen, long b0, long b1, int blen) {
    int c = Long.compareUnsigned(a0, b0);
    if (c != 0) {
      return c;
    }
    c = Long.compareUnsigned(a1, b1);
    if (c != 0) {
      return c;
    }
    return Integer.compare(Math.min(alen, PREFIX_BYTES + 1), Math.min(blen, PREFIX_BYTES + 1));
  }

  /** Merges p[from..mid) and p[mid..to) into q[from..to). */
  private static void merge(Data d, int from, int mid, int to) {
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      if (compare(d.p0[j], d.p1[j], d.len[j], d.p0[i], d.p1[i], d.len[i]) < 0) {
        d.q0[k] = d.p0[j];
        d.q1[k] = d.p1[j];
        d.qlen[k] = d.len[j];
        d.jdx[k++] = d.idx[j++];
      } else {
        d.q0[k] = d.p0[i];
        d.q1[k] = d.p1[i];
        d.qlen[k] = d.len[i];
        d.jdx[k++] = d.idx[i++];
      }
    }
    int left = mid - i;
    System.arraycopy(d.p0, i, d.q0, k, left);
    System.arraycopy(d.p1, i, d.q1, k, left);
    System.arraycopy(d.idx, i, d.jdx, k, left);
    System.arraycopy(d.len, i, d.qlen, k, left);
    k += left;
    int right = to - j;
    System.arraycopy(d.p0, j, d.q0, k, right);
    System.arraycopy(d.p1, j, d.q1, k, right);
    System.arraycopy(d.idx, j, d.jdx, k, right);
    System.arraycopy(d.len, j, d.qlen, k, right);
  }

  private static void insertionSort(Data d, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      long x0 = d.p0[i];
      long x1 = d.p1[i];
      int xlen = d.len[i];
      int x = d.idx[i];
      int j = i - 1;
      while (j >= from && compare(d.p0[j], d.p1[j], d.len[j], x0, x1, xlen) > 0) {
        d.p0[j + 1] = d.p0[j];
        d.p1[j + 1] = d.p1[j];
        d.len[j + 1] = d.len[j];
        d.idx[j + 1] = d.idx[j];
        j--;
      }
      d.p0[j + 1] = x0;
      d.p1[j + 1] = x1;
      d.len[j + 1] = xlen;
      d.idx[j + 1] = x;
    }
  }
}
