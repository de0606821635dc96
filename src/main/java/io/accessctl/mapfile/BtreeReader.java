package io.accessctl.mapfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads Berkeley DB btree files (versions 7 to 9, either byte order) with libdb's default key
 * order: internal pages of any depth, big keys and values, deleted items, duplicates on the page
 * (a repeated key index) and in off-page duplicate trees.
 */
final class BtreeReader extends BdbReader {
  private final int root;

  BtreeReader(Path file) throws IOException {
    super(file, Bdb.BTREE_MAGIC, Bdb.P_BTREEMETA);
    root = buf.getInt(Bdb.BTMETA_ROOT);
  }

  @Override
  public MapFormat format() {
    return MapFormat.BTREE;
  }

  /** Compares the key of a leaf item or a BINTERNAL key with {@code key}. */
  private int compareKey(int it, boolean internal, byte[] key) {
    int typeAt = internal ? Bdb.BINTERNAL_TYPE : Bdb.BKEYDATA_TYPE;
    int type = buf.get(it + typeAt) & Bdb.B_TYPE_MASK;
    if (type == Bdb.B_KEYDATA) {
      return internal
          ? compareAt(it + Bdb.BINTERNAL_DATA, u16(it + Bdb.BINTERNAL_LEN), key)
          : compareAt(it + Bdb.BKEYDATA_DATA, u16(it + Bdb.BKEYDATA_LEN), key);
    }
    if (type == Bdb.B_OVERFLOW) {
      int ov = internal ? it + Bdb.BINTERNAL_DATA : it;
      byte[] k = overflow(buf.getInt(ov + Bdb.BOVERFLOW_PGNO), buf.getInt(ov + Bdb.BOVERFLOW_TLEN));
      return KeyOrder.btree(k, key);
    }
    throw corrupt("key item of type " + type + " at file offset " + it);
  }

  @Override
  public Optional<byte[]> get(byte[] key) {
    int pg = root;
    for (int depth = 0; ; depth++) {
      if (depth > MAX_DEPTH) {
        throw corrupt("btree deeper than " + MAX_DEPTH + " levels");
      }
      int p = page(pg);
      int t = type(p);
      if (t == Bdb.P_IBTREE) {
        // the last child whose separator is <= key; item 0 counts as smaller than any key
        int lo = 0;
        int hi = entries(p) - 1;
        while (lo < hi) {
          int mid = (lo + hi + 1) >>> 1;
          if (compareKey(item(p, mid), true, key) <= 0) {
            lo = mid;
          } else {
            hi = mid - 1;
          }
        }
        pg = buf.getInt(item(p, lo) + Bdb.BINTERNAL_PGNO);
      } else if (t == Bdb.P_LBTREE) {
        return findInLeaves(p, key);
      } else {
        throw corrupt("page " + pg + " of the btree has type " + t);
      }
    }
  }

  private Optional<byte[]> findInLeaves(int leaf, byte[] key) {
    int p = leaf;
    int pairs = entries(p) / 2;
    int lo = 0;
    int hi = pairs;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compareKey(item(p, 2 * mid), false, key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    long steps = 0;
    for (int pair = lo; ; pair++) {
      if (pair == entries(p) / 2) {
        int nx = next(p);
        if (nx == 0 || steps++ > pagesInFile) {
          return Optional.empty();
        }
        p = page(nx);
        pair = -1;
        continue;
      }
      int k = item(p, 2 * pair);
      if (compareKey(k, false, key) != 0) {
        return Optional.empty();
      }
      int d = item(p, 2 * pair + 1);
      if (!deleted(k) && !deleted(d)) {
        byte[] first = firstValue(d);
        if (first != null) {
          return Optional.of(first);
        }
      }
    }
  }

  private byte[] firstValue(int d) {
    byte[][] first = {null};
    values(d, v -> {
      if (first[0] == null) {
        first[0] = v;
      }
    });
    return first[0];
  }

  private void values(int d, Consumer<byte[]> action) {
    int type = buf.get(d + Bdb.BKEYDATA_TYPE) & Bdb.B_TYPE_MASK;
    if (type == Bdb.B_DUPLICATE) {
      forEachDuplicate(buf.getInt(d + Bdb.BOVERFLOW_PGNO), action);
    } else {
      action.accept(bItem(d));
    }
  }

  private interface PairVisitor {
    void visit(int keyItem, int dataItem);
  }

  /** Every live pair in key order: the leftmost leaf, then the leaf chain. */
  private void walk(PairVisitor visitor) {
    int pg = leftmostLeaf(root);
    long steps = 0;
    while (pg != 0) {
      if (steps++ > pagesInFile) {
        throw corrupt("loop in the leaf chain");
      }
      int p = page(pg);
      if (type(p) != Bdb.P_LBTREE) {
        throw corrupt("page " + pg + " in the leaf chain has type " + type(p));
      }
      for (int i = 0; i + 1 < entries(p); i += 2) {
        int k = item(p, i);
        int d = item(p, i + 1);
        if (!deleted(k) && !deleted(d)) {
          visitor.visit(k, d);
        }
      }
      pg = next(p);
    }
  }

  @Override
  public void forEach(BiConsumer<byte[], byte[]> action) {
    walk((k, d) -> {
      byte[] key = bItem(k);
      values(d, v -> action.accept(key, v));
    });
  }

  @Override
  long count() {
    long[] n = {0};
    walk((k, d) -> {
      if ((buf.get(d + Bdb.BKEYDATA_TYPE) & Bdb.B_TYPE_MASK) == Bdb.B_DUPLICATE) {
        n[0] += countDuplicates(buf.getInt(d + Bdb.BOVERFLOW_PGNO));
      } else {
        n[0]++;
      }
    });
    return n[0];
  }
}
