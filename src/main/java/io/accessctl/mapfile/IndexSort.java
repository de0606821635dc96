package io.accessctl.mapfile;

/** Stable sorting of record indices by a comparator over the records, without boxing. */
final class IndexSort {
  private IndexSort() {}

  @FunctionalInterface
  interface IntComparator {
    int compare(int a, int b);
  }

  private static final int INSERTION_SORT_MAX = 16;

  /** Sorts {@code a[from..to)} stably; {@code scratch} must be at least {@code to - from} long. */
  static void sort(int[] a, int from, int to, IntComparator c, int[] scratch) {
    if (to - from <= INSERTION_SORT_MAX) {
      insertionSort(a, from, to, c);
      return;
    }
    int mid = (from + to) >>> 1;
    sort(a, from, mid, c, scratch);
    sort(a, mid, to, c, scratch);
    if (c.compare(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    int leftLen = mid - from;
    System.arraycopy(a, from, scratch, 0, leftLen);
    int i = 0;
    int j = mid;
    int k = from;
    while (i < leftLen && j < to) {
      a[k++] = c.compare(a[j], scratch[i]) < 0 ? a[j++] : scratch[i++];
    }
    while (i < leftLen) {
      a[k++] = scratch[i++];
    }
  }

  private static void insertionSort(int[] a, int from, int to, IntComparator c) {
    for (int i = from + 1; i < to; i++) {
      int x = a[i];
      int j = i - 1;
      while (j >= from && c.compare(a[j], x) > 0) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = x;
    }
  }
}
