package io.accessctl.mapfile;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * State shared by the hash and btree writers while they plan a file: the records as arrays, their
 * order, the grouping of equal keys into units, and the off-page duplicate trees.
 */
abstract class BdbBuild {
  final int n;
  /** The records' keys and values, in input order unless the writer fills them itself. */
  byte[][] keys;
  byte[][] vals;
  final WriteOptions opts;
  final int ps;
  /** Usable bytes of a page. */
  final int cap;
  /** Record indices in the order they go into the file. */
  int[] order;
  /** Unit u (a key with its value or values) is order[unitStart[u] .. unitStart[u+1]). */
  int[] unitStart;
  int units;
  private DupTree[] dupTrees;

  BdbBuild(List<Record> records, WriteOptions opts) {
    this(records.size(), opts);
    this.keys = new byte[n][];
    this.vals = new byte[n][];
    for (int i = 0; i < n; i++) {
      Record r = records.get(i);
      keys[i] = r.key();
      vals[i] = r.value();
    }
  }

  /** For a writer that fills {@link #keys} and {@link #vals} itself, in an order of its own. */
  BdbBuild(int n, WriteOptions opts) {
    this.n = n;
    this.opts = opts;
    this.ps = opts.pageSize();
    this.cap = Bdb.pageCapacity(ps);
  }

  /** Starts a unit wherever a key differs from the one before it in {@link #order}. */
  void groupUnits(boolean[] sameKeyAsPrevious) {
    int[] starts = new int[n + 1];
    int u = 0;
    for (int i = 0; i < n; i++) {
      if (sameKeyAsPrevious[i]) {
        if (!opts.allowDuplicates()) {
          throw duplicateKey(keys[order[i]]);
        }
        continue;
      }
      starts[u++] = i;
    }
    starts[u] = n;
    units = u;
    unitStart = starts;
  }

  byte[] unitKey(int u) {
    return keys[order[unitStart[u]]];
  }

  int unitSize(int u) {
    return unitStart[u + 1] - unitStart[u];
  }

  /** Value {@code i} of unit {@code u}. */
  byte[] unitValue(int u, int i) {
    return vals[order[unitStart[u] + i]];
  }

  /** Builds the off-page duplicate tree of unit {@code u}. */
  DupTree addDupTree(int u) {
    byte[][] dups = new byte[unitSize(u)][];
    for (int i = 0; i < dups.length; i++) {
      dups[i] = unitValue(u, i);
    }
    if (dupTrees == null) {
      dupTrees = new DupTree[units];
    }
    dupTrees[u] = new DupTree(dups, ps);
    return dupTrees[u];
  }

  /** The off-page duplicate tree of unit {@code u}, or null when its values are elsewhere. */
  DupTree dupTree(int u) {
    return dupTrees == null ? null : dupTrees[u];
  }

  static int checkedPgno(long pgno) {
    if (pgno > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("map too large: more than 2^31 pages");
    }
    return (int) pgno;
  }

  static int indexSlot(int slot) {
    return Bdb.PAGE_HEADER_SIZE + slot * Bdb.INDEX_SLOT_SIZE;
  }

  private static final int SHOWN_KEY_BYTES = 80;

  static IllegalArgumentException duplicateKey(byte[] key) {
    String shown = new String(key, 0, Math.min(key.length, SHOWN_KEY_BYTES),
        StandardCharsets.ISO_8859_1);
    return new IllegalArgumentException("duplicate key \"" + shown + "\""
        + (key.length > SHOWN_KEY_BYTES ? "..." : "") + " (duplicates are not allowed)");
  }
}
