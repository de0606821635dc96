package io.accessctl.mapfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a Berkeley DB 5.3 btree file in one pass, built bottom-up (see package-info.java for the
 * layout): records sorted once (stable, so duplicates keep their input order), leaves filled
 * completely, separators shortened to the shortest prefix that still sorts after the previous
 * leaf, internal levels filled greedily, the root on page 1.
 */
final class BtreeWriter implements MapWriter {

  @Override
  public void write(List<Record> records, WritableByteChannel out, WriteOptions opts)
      throws IOException {
    new Build(records, opts).write(out);
  }

  private static final class Build extends BdbBuild {
    private final int maxOnPage;
    private final int maxOnPageDupSet;

    /** Bytes of a unit on a leaf, index slots included. */
    private int[] unitBytes;
    private int[] unitExtra;
    /** Units of leaf i: [leafUnit[i], leafUnit[i+1]). */
    private int[] leafUnit;
    private int[] leafExtra;
    /** Length of the separator of leaf i (a prefix of its first key); unused for leaf 0. */
    private int[] sepLen;
    private TreeLevels levels;
    /** Leaves whose separators live in overflow chains, and the first page of each chain. */
    private int[] bigSeparatorLeaf;
    private int[] bigSeparatorPgno;
    private int bigWritten;
    private int[] leafPgno;
    private int totalPages;

    Build(List<Record> records, WriteOptions opts) {
      super(records, opts);
      this.maxOnPage = Bdb.btreeMaxOnPage(ps);
      this.maxOnPageDupSet = Bdb.hashMaxOnPage(ps);
    }

    private int itemSize(int len) {
      return len > maxOnPage ? Bdb.BOVERFLOW_SIZE : Bdb.bkeydataSize(len);
    }

    private int bigPages(int len) {
      return len > maxOnPage ? Bdb.overflowPages(len, ps) : 0;
    }

    void write(WritableByteChannel out) throws IOException {
      KeySort.Sorted sorted = KeySort.sort(keys);
      order = sorted.order();
      groupUnits(sorted.sameKeyAsPrevious());
      sizeUnits();
      fillLeaves();
      planInternal();
      PageSink sink = new PageSink(out, ps, opts.byteOrder());
      writeMeta(sink);
      writeInternal(sink);
      for (int leaf = 0; leaf < leafPgno.length; leaf++) {
        writeLeaf(sink, leaf);
      }
      sink.finish(totalPages);
    }

    /** What each unit needs on its leaf and off it. */
    private void sizeUnits() {
      unitBytes = new int[units];
      unitExtra = new int[units];
      for (int u = 0; u < units; u++) {
        int count = unitSize(u);
        int klen = unitKey(u).length;
        int keyItem = itemSize(klen);
        int extra = bigPages(klen);
        int bytes;
        if (count == 1) {
          int vlen = unitValue(u, 0).length;
          bytes = keyItem + itemSize(vlen) + 2 * Bdb.INDEX_SLOT_SIZE;
          extra += bigPages(vlen);
        } else {
          bytes = keyItem;
          boolean small = true;
          for (int i = 0; i < count; i++) {
            int vlen = unitValue(u, i).length;
            small &= vlen <= maxOnPage;
            bytes += Bdb.bkeydataSize(vlen) + 2 * Bdb.INDEX_SLOT_SIZE;
          }
          if (!small || bytes > maxOnPageDupSet) {
            bytes = keyItem + Bdb.BOVERFLOW_SIZE + 2 * Bdb.INDEX_SLOT_SIZE;
            extra += addDupTree(u).pageCount();
          }
        }
        unitBytes[u] = bytes;
        unitExtra[u] = extra;
      }
    }

    private void fillLeaves() {
      int[] starts = new int[units + 2];
      int[] extra = new int[units + 1];
      int leaves = 0;
      int used = 0;
      for (int u = 0; u < units; u++) {
        if (used > 0 && used + unitBytes[u] > cap) {
          starts[++leaves] = u;
          used = 0;
        }
        used += unitBytes[u];
        extra[leaves] += unitExtra[u];
      }
      starts[++leaves] = units;
      leafUnit = Arrays.copyOf(starts, leaves + 1);
      leafExtra = Arrays.copyOf(extra, leaves);
      sepLen = new int[leaves];
      for (int i = 1; i < leaves; i++) {
        byte[] before = unitKey(leafUnit[i] - 1);
        byte[] first = unitKey(leafUnit[i]);
        int m = Arrays.mismatch(before, first);
        sepLen[i] = Math.min(first.length, m + 1);
      }
    }

    private int internalItemSize(int sepLength, boolean firstOnPage) {
      int data = firstOnPage ? 0 : sepLength > maxOnPage ? Bdb.BOVERFLOW_SIZE : sepLength;
      return Bdb.align(Bdb.BINTERNAL_DATA + data) + Bdb.INDEX_SLOT_SIZE;
    }

    /** Internal levels and the page number of every leaf. */
    private void planInternal() {
      int leaves = leafExtra.length;
      levels = TreeLevels.build(leaves, cap,
          (level, leaf, first) -> internalItemSize(sepLen[leaf], first));
      // separators too long for an internal page, in the order the pages are written
      int[] bigLeaf = new int[leaves];
      int big = 0;
      for (int k = levels.internalLevels(); k >= 1; k--) {
        for (int j = 0; j < levels.nodes(k); j++) {
          for (int c = levels.childStart(k, j) + 1; c < levels.childEnd(k, j); c++) {
            int leaf = levels.firstLeaf(k - 1, c);
            if (sepLen[leaf] > maxOnPage) {
              bigLeaf[big++] = leaf;
            }
          }
        }
      }
      bigSeparatorLeaf = Arrays.copyOf(bigLeaf, big);
      bigSeparatorPgno = new int[big];
      long next = Bdb.BTREE_ROOT_PGNO + levels.internalPages();
      for (int i = 0; i < big; i++) {
        bigSeparatorPgno[i] = checkedPgno(next);
        next += bigPages(sepLen[bigSeparatorLeaf[i]]);
      }
      leafPgno = new int[leaves];
      for (int i = 0; i < leaves; i++) {
        leafPgno[i] = checkedPgno(next);
        next += 1 + leafExtra[i];
      }
      totalPages = checkedPgno(next);
    }

    private void writeMeta(PageSink sink) throws IOException {
      ByteBuffer p = sink.page(0);
      Bdb.metaHeader(p, Bdb.BTREE_MAGIC, Bdb.BTREE_VERSION, ps, Bdb.P_BTREEMETA, totalPages - 1,
          opts.allowDuplicates() ? Bdb.BTREE_FLAG_DUP : 0, Bdb.newUid());
      p.putInt(Bdb.BTMETA_MINKEY, Bdb.BTREE_MINKEY);
      p.putInt(Bdb.BTMETA_RE_LEN, 0);
      p.putInt(Bdb.BTMETA_RE_PAD, Bdb.BTREE_RE_PAD);
      p.putInt(Bdb.BTMETA_ROOT, Bdb.BTREE_ROOT_PGNO);
    }

    /**
     * Internal pages top-down from page 1, then the overflow chains of separators too long for an
     * internal page (each its own chain, in the order they appear). Item 0 of every internal page
     * has an empty key: libdb treats it as smaller than any key.
     */
    private void writeInternal(PageSink sink) throws IOException {
      int base = Bdb.BTREE_ROOT_PGNO;
      levels.forEachInternal(base, (k, j, pgno) -> {
        ByteBuffer p = sink.page(pgno);
        int from = levels.childStart(k, j);
        int to = levels.childEnd(k, j);
        int top = ps;
        for (int c = from; c < to; c++) {
          int child = k == 1 ? leafPgno[c] : levels.pgno(base, k - 1, c);
          int leaf = levels.firstLeaf(k - 1, c);
          boolean first = c == from;
          int len = first ? 0 : sepLen[leaf];
          top -= internalItemSize(len, first) - Bdb.INDEX_SLOT_SIZE;
          p.putInt(top + Bdb.BINTERNAL_PGNO, child);
          p.putInt(top + Bdb.BINTERNAL_NRECS, 0);
          if (len > maxOnPage) {
            p.putShort(top + Bdb.BINTERNAL_LEN, (short) Bdb.BOVERFLOW_SIZE);
            p.put(top + Bdb.BINTERNAL_TYPE, (byte) Bdb.B_OVERFLOW);
            Overflow.putBOverflow(p, top + Bdb.BINTERNAL_DATA, Bdb.B_OVERFLOW,
                bigSeparatorPgno[bigWritten++], len);
          } else {
            p.putShort(top + Bdb.BINTERNAL_LEN, (short) len);
            p.put(top + Bdb.BINTERNAL_TYPE, (byte) Bdb.B_KEYDATA);
            p.put(top + Bdb.BINTERNAL_DATA, unitKey(leafUnit[leaf]), 0, len);
          }
          p.putShort(indexSlot(c - from), (short) top);
        }
        Bdb.header(p, pgno, 0, 0, to - from, top, k + Bdb.LEVEL_LEAF, Bdb.P_IBTREE);
      });
      for (int i = 0; i < bigSeparatorLeaf.length; i++) {
        int leaf = bigSeparatorLeaf[i];
        Overflow.write(sink, bigSeparatorPgno[i], unitKey(leafUnit[leaf]), 0, sepLen[leaf]);
      }
    }

    /** A leaf, then the overflow chains and duplicate trees of its units, in unit order. */
    private void writeLeaf(PageSink sink, int leaf) throws IOException {
      int pgno = leafPgno[leaf];
      ByteBuffer p = sink.page(pgno);
      int top = ps;
      int slot = 0;
      int ovfl = pgno + 1;
      for (int u = leafUnit[leaf]; u < leafUnit[leaf + 1]; u++) {
        byte[] key = unitKey(u);
        top = Overflow.putBItem(p, top, key, maxOnPage, ovfl);
        ovfl += bigPages(key.length);
        int keyAt = top;
        DupTree tree = dupTree(u);
        if (tree != null) {
          top -= Bdb.BOVERFLOW_SIZE;
          Overflow.putBOverflow(p, top, Bdb.B_DUPLICATE, ovfl, 0);
          ovfl += tree.pageCount();
          p.putShort(indexSlot(slot++), (short) keyAt);
          p.putShort(indexSlot(slot++), (short) top);
          continue;
        }
        for (int i = 0; i < unitSize(u); i++) {
          byte[] v = unitValue(u, i);
          top = Overflow.putBItem(p, top, v, maxOnPage, ovfl);
          ovfl += bigPages(v.length);
          p.putShort(indexSlot(slot++), (short) keyAt);
          p.putShort(indexSlot(slot++), (short) top);
        }
      }
      int prev = leaf == 0 ? 0 : leafPgno[leaf - 1];
      int next = leaf == leafPgno.length - 1 ? 0 : leafPgno[leaf + 1];
      Bdb.header(p, pgno, prev, next, slot, top, Bdb.LEVEL_LEAF, Bdb.P_LBTREE);
      ovfl = pgno + 1;
      for (int u = leafUnit[leaf]; u < leafUnit[leaf + 1]; u++) {
        ovfl = Overflow.writeIfBig(sink, ovfl, unitKey(u), maxOnPage);
        DupTree tree = dupTree(u);
        if (tree != null) {
          tree.write(sink, ovfl);
          ovfl += tree.pageCount();
          continue;
        }
        for (int i = 0; i < unitSize(u); i++) {
          ovfl = Overflow.writeIfBig(sink, ovfl, unitValue(u, i), maxOnPage);
        }
      }
    }
  }
}
