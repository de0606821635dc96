package io.accessctl.mapfile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The internal levels of a tree built bottom-up over a known sequence of leaves: which children
 * each internal page holds, and where every page goes. Pages are numbered from {@code base}: the
 * root first, then each internal level top-down, left to right, then whatever the caller puts
 * after them (leaves and their overflow chains).
 *
 * <p>Level 0 are the leaves. Node {@code j} of level {@code k >= 1} holds the nodes {@code
 * childStart(k)[j] .. childStart(k)[j+1]-1} of level {@code k-1}, and its leftmost leaf is {@code
 * firstLeaf(k)[j]}.
 */
final class TreeLevels {

  /**
   * Size on an internal page of the item pointing at one child (given by its level and its
   * leftmost leaf), index slot included.
   */
  interface ItemSize {
    int size(int childLevel, int childFirstLeaf, boolean firstOnPage);
  }

  private final int[][] childStart; // [k] for k >= 1; [0] unused
  private final int[][] firstLeaf; // [k] for k >= 0, length nodes(k)+1
  private final int internalPages;

  private TreeLevels(int[][] childStart, int[][] firstLeaf) {
    this.childStart = childStart;
    this.firstLeaf = firstLeaf;
    int pages = 0;
    for (int k = 1; k < firstLeaf.length; k++) {
      pages += nodes(k);
    }
    this.internalPages = pages;
  }

  /** Fills internal pages greedily, level by level, until one node (the root) is left. */
  static TreeLevels build(int leaves, int capacity, ItemSize size) {
    List<int[]> starts = new ArrayList<>();
    List<int[]> firsts = new ArrayList<>();
    starts.add(new int[0]);
    int[] level0 = new int[leaves + 1];
    Arrays.setAll(level0, i -> i);
    firsts.add(level0);
    int k = 0;
    while (firsts.get(k).length - 1 > 1) {
      int[] below = firsts.get(k);
      int n = below.length - 1;
      int[] cs = new int[n + 1];
      int pages = 0;
      int used = 0;
      int onPage = 0;
      for (int c = 0; c < n; c++) {
        int s = size.size(k, below[c], onPage == 0);
        if (onPage > 0 && used + s > capacity) {
          cs[++pages] = c;
          used = 0;
          onPage = 0;
          s = size.size(k, below[c], true);
        }
        used += s;
        onPage++;
      }
      cs[++pages] = n;
      int[] starts1 = Arrays.copyOf(cs, pages + 1);
      int[] first = new int[pages + 1];
      for (int j = 0; j <= pages; j++) {
        first[j] = below[starts1[j]];
      }
      starts.add(starts1);
      firsts.add(first);
      k++;
    }
    return new TreeLevels(starts.toArray(new int[0][]), firsts.toArray(new int[0][]));
  }

  /** Number of levels above the leaves (0 when the single leaf is the root). */
  int internalLevels() {
    return firstLeaf.length - 1;
  }

  int nodes(int level) {
    return firstLeaf[level].length - 1;
  }

  int internalPages() {
    return internalPages;
  }

  int childStart(int level, int node) {
    return childStart[level][node];
  }

  int childEnd(int level, int node) {
    return childStart[level][node + 1];
  }

  /** Leftmost leaf below node {@code node} of {@code level}. */
  int firstLeaf(int level, int node) {
    return firstLeaf[level][node];
  }

  /** Writes one internal page. */
  interface NodeWriter {
    void write(int level, int node, int pgno) throws java.io.IOException;
  }

  /** Visits the internal pages in page order (top-down, left to right) from root {@code base}. */
  void forEachInternal(int base, NodeWriter writer) throws java.io.IOException {
    for (int k = internalLevels(); k >= 1; k--) {
      for (int j = 0; j < nodes(k); j++) {
        writer.write(k, j, pgno(base, k, j));
      }
    }
  }

  /** Page number of an internal node when the root is page {@code base}. */
  int pgno(int base, int level, int node) {
    int p = base;
    for (int k = internalLevels(); k > level; k--) {
      p += nodes(k);
    }
    return p + node;
  }
}
