package io.accessctl.mapfile;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Overflow ("big item") chains: an item too large for its page lives on consecutive pages of
 * type {@link Bdb#P_OVERFLOW}, {@code pageSize - 26} bytes each, linked both ways.
 */
final class Overflow {
  private Overflow() {}

  /** Writes the chain of {@code data} on pages {@code first .. first+n-1}. */
  static void write(PageSink sink, int first, byte[] data, int from, int len) throws IOException {
    int cap = Bdb.overflowCapacity(sink.pageSize());
    int pages = Bdb.overflowPages(len, sink.pageSize());
    for (int i = 0; i < pages; i++) {
      int pgno = first + i;
      int off = i * cap;
      int n = Math.min(cap, len - off);
      ByteBuffer p = sink.page(pgno);
      Bdb.header(p, pgno, i == 0 ? 0 : pgno - 1, i == pages - 1 ? 0 : pgno + 1,
          Bdb.OVERFLOW_REFCOUNT, n, Bdb.LEVEL_NONE, Bdb.P_OVERFLOW);
      p.put(Bdb.PAGE_HEADER_SIZE, data, from + off, n);
    }
  }

  static void write(PageSink sink, int first, byte[] data) throws IOException {
    write(sink, first, data, 0, data.length);
  }

  /** Writes a BOVERFLOW-shaped item (also used for B_DUPLICATE) at {@code at}. */
  static void putBOverflow(ByteBuffer p, int at, int type, int pgno, int tlen) {
    p.put(at + Bdb.BOVERFLOW_TYPE, (byte) type);
    p.putInt(at + Bdb.BOVERFLOW_PGNO, pgno);
    p.putInt(at + Bdb.BOVERFLOW_TLEN, tlen);
  }

  /** Writes a BKEYDATA item (u16 length, type, bytes) at {@code at}; padding stays zero. */
  static void putBKeyData(ByteBuffer p, int at, byte[] data, int len) {
    p.putShort(at + Bdb.BKEYDATA_LEN, (short) len);
    p.put(at + Bdb.BKEYDATA_TYPE, (byte) Bdb.B_KEYDATA);
    p.put(at + Bdb.BKEYDATA_DATA, data, 0, len);
  }

  /**
   * A btree or recno item just below {@code top}: BKEYDATA, or, when longer than {@code
   * maxOnPage}, a BOVERFLOW pointing at page {@code ovfl}. Returns the item's offset.
   */
  static int putBItem(ByteBuffer p, int top, byte[] data, int maxOnPage, int ovfl) {
    if (data.length > maxOnPage) {
      int at = top - Bdb.BOVERFLOW_SIZE;
      putBOverflow(p, at, Bdb.B_OVERFLOW, ovfl, data.length);
      return at;
    }
    int at = top - Bdb.bkeydataSize(data.length);
    putBKeyData(p, at, data, data.length);
    return at;
  }

  /** Pages {@link #putBItem} sends {@code data} to: its overflow chain, if it has one. */
  static int pagesOff(byte[] data, int maxOnPage, int pageSize) {
    return data.length > maxOnPage ? Bdb.overflowPages(data.length, pageSize) : 0;
  }

  /** Writes the overflow chain of {@code data} at {@code ovfl} if it has one; the next free page. */
  static int writeIfBig(PageSink sink, int ovfl, byte[] data, int maxOnPage) throws IOException {
    if (data.length <= maxOnPage) {
      return ovfl;
    }
    write(sink, ovfl, data);
    return ovfl + Bdb.overflowPages(data.length, sink.pageSize());
  }
}
