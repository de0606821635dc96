package io.accessctl.mapfile;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An off-page duplicate tree, as libdb 5.3 builds for unsorted duplicates that no longer fit
 * beside their key: a recno-shaped tree whose leaves ({@link Bdb#P_LRECNO}) hold the values in
 * order as BKEYDATA or BOVERFLOW items, under {@link Bdb#P_IRECNO} internal pages whose RINTERNAL
 * items carry (child page, records below). The root internal page keeps the total count in its
 * prev field. Used by both the hash and the btree writer.
 *
 * <p>Layout from page {@code base}: the root, the other internal pages top-down, then each leaf
 * followed by the overflow chains of its big values. A single leaf is the root.
 */
final class DupTree {
  private final byte[][] values;
  private final int pageSize;
  private final int maxOnPage;
  private final int[] leafStart;
  private final int[] leafExtra;
  private final TreeLevels levels;
  private final int pages;

  DupTree(byte[][] values, int pageSize) {
    this.values = values;
    this.pageSize = pageSize;
    this.maxOnPage = Bdb.btreeMaxOnPage(pageSize);
    int cap = Bdb.pageCapacity(pageSize);
    int[] starts = new int[values.length + 1];
    int[] extra = new int[values.length + 1];
    int leaves = 0;
    int used = 0;
    for (int i = 0; i < values.length; i++) {
      int s = itemSize(values[i].length) + Bdb.INDEX_SLOT_SIZE;
      if (i > 0 && used + s > cap) {
        starts[++leaves] = i;
        used = 0;
      }
      used += s;
      if (values[i].length > maxOnPage) {
        extra[leaves] += Bdb.overflowPages(values[i].length, pageSize);
      }
    }
    starts[++leaves] = values.length;
    this.leafStart = java.util.Arrays.copyOf(starts, leaves + 1);
    this.leafExtra = java.util.Arrays.copyOf(extra, leaves);
    int childSize = Bdb.RINTERNAL_SIZE + Bdb.INDEX_SLOT_SIZE;
    this.levels = TreeLevels.build(leaves, cap, (level, child, first) -> childSize);
    int total = levels.internalPages();
    for (int i = 0; i < leaves; i++) {
      total += 1 + leafExtra[i];
    }
    this.pages = total;
  }

  private int itemSize(int len) {
    return len > maxOnPage ? Bdb.BOVERFLOW_SIZE : Bdb.bkeydataSize(len);
  }

  int pageCount() {
    return pages;
  }

  private int leaves() {
    return leafStart.length - 1;
  }

  private int leafPgno(int base, int leaf) {
    int p = base + levels.internalPages();
    for (int i = 0; i < leaf; i++) {
      p += 1 + leafExtra[i];
    }
    return p;
  }

  /** Writes the tree on pages {@code base .. base+pageCount()-1}; its root is {@code base}. */
  void write(PageSink sink, int base) throws IOException {
    int[] leafPg = new int[leaves() + 1];
    for (int i = 0; i <= leaves(); i++) {
      leafPg[i] = i == leaves() ? 0 : leafPgno(base, i);
    }
    levels.forEachInternal(base, (k, j, pgno) -> {
      ByteBuffer p = sink.page(pgno);
      int from = levels.childStart(k, j);
      int to = levels.childEnd(k, j);
      int top = pageSize;
      for (int c = from; c < to; c++) {
        int first = levels.firstLeaf(k - 1, c);
        int end = levels.firstLeaf(k - 1, c + 1);
        int child = k - 1 == 0 ? leafPg[c] : levels.pgno(base, k - 1, c);
        top -= Bdb.RINTERNAL_SIZE;
        p.putInt(top + Bdb.RINTERNAL_PGNO, child);
        p.putInt(top + Bdb.RINTERNAL_NRECS, leafStart[end] - leafStart[first]);
        p.putShort(BdbBuild.indexSlot(c - from), (short) top);
      }
      boolean root = k == levels.internalLevels();
      Bdb.header(p, pgno, root ? values.length : 0, 0, to - from, top, k + Bdb.LEVEL_LEAF,
          Bdb.P_IRECNO);
    });
    for (int leaf = 0; leaf < leaves(); leaf++) {
      int pgno = leafPg[leaf];
      ByteBuffer p = sink.page(pgno);
      int top = pageSize;
      int ovfl = pgno + 1;
      int from = leafStart[leaf];
      int to = leafStart[leaf + 1];
      for (int i = from; i < to; i++) {
        top = Overflow.putBItem(p, top, values[i], maxOnPage, ovfl);
        ovfl += Overflow.pagesOff(values[i], maxOnPage, pageSize);
        p.putShort(BdbBuild.indexSlot(i - from), (short) top);
      }
      int prev = leaf == 0 ? 0 : leafPg[leaf - 1];
      Bdb.header(p, pgno, prev, leafPg[leaf + 1], to - from, top, Bdb.LEVEL_LEAF, Bdb.P_LRECNO);
      ovfl = pgno + 1;
      for (int i = from; i < to; i++) {
        ovfl = Overflow.writeIfBig(sink, ovfl, values[i], maxOnPage);
      }
    }
  }
}
