package io.accessctl.mapfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What the hash and btree readers share: the memory-mapped file in its own byte order, page
 * access with bounds checks, overflow chains and off-page duplicate trees.
 */
abstract class BdbReader implements MapReader {
  final Path file;
  final ByteBuffer buf;
  final int pageSize;
  final int lastPgno;
  final int metaFlags;
  /** Pages actually present in the file (a hash file may end before last_pgno). */
  final long pagesInFile;
  private final boolean bigEndian;
  private long size = -1;

  BdbReader(Path file, int magic, int metaType) throws IOException {
    this.file = file;
    ByteBuffer mapped = MappedFile.map(file);
    ByteOrder order = null;
    for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      if (mapped.capacity() >= Bdb.META_USED_SIZE && mapped.order(o).getInt(Bdb.META_MAGIC) == magic) {
        order = o;
        break;
      }
    }
    if (order == null) {
      throw new IOException(file + ": bad magic number for a Berkeley DB " + MapFormat.HASH + "/"
          + MapFormat.BTREE + " file");
    }
    this.buf = mapped.order(order);
    this.bigEndian = order == ByteOrder.BIG_ENDIAN;
    if (Byte.toUnsignedInt(buf.get(Bdb.META_TYPE)) != metaType) {
      throw new IOException(file + ": meta page has type " + buf.get(Bdb.META_TYPE)
          + ", expected " + metaType);
    }
    this.pageSize = buf.getInt(Bdb.META_PAGESIZE);
    if (pageSize < WriteOptions.MIN_PAGE_SIZE || pageSize > MAX_READ_PAGE_SIZE
        || Integer.bitCount(pageSize) != 1) {
      throw new IOException(file + ": bad page size " + pageSize);
    }
    int version = buf.getInt(Bdb.META_VERSION);
    if (version < MIN_VERSION || version > MAX_VERSION) {
      throw new IOException(file + ": Berkeley DB version " + version
          + " not supported (libdb 5.3 reads versions " + MIN_VERSION + " to " + MAX_VERSION + ")");
    }
    if (buf.get(Bdb.META_ENCRYPT_ALG) != 0 || (buf.get(Bdb.META_METAFLAGS) & METAFLAG_CHKSUM) != 0) {
      throw new IOException(file + ": encrypted or checksummed files are not supported");
    }
    this.lastPgno = buf.getInt(Bdb.META_LAST_PGNO);
    this.metaFlags = buf.getInt(Bdb.META_FLAGS);
    this.pagesInFile = buf.capacity() / pageSize;
    // libdb always writes the last page, so a shorter file has lost its end
    if (Integer.toUnsignedLong(lastPgno) >= pagesInFile) {
      throw new IOException(file + ": damaged " + (metaType == Bdb.P_HASHMETA ? "hash" : "btree")
          + " file: truncated to " + buf.capacity() + " bytes, but its last page is "
          + Integer.toUnsignedLong(lastPgno) + " (" + pageSize + " bytes each)");
    }
  }

  private static final int MIN_VERSION = 7;
  private static final int MAX_VERSION = 9;
  private static final int MAX_READ_PAGE_SIZE = 65536;
  private static final int METAFLAG_CHKSUM = 0x01;

  @Override
  public void close() {
    // the mapping is released by the garbage collector; nothing else is held
  }

  @Override
  public long size() {
    if (size < 0) {
      size = count();
    }
    return size;
  }

  abstract long count();

  boolean present(int pgno) {
    return Integer.toUnsignedLong(pgno) < pagesInFile;
  }

  /** Byte offset of page {@code pgno}, which must exist. */
  int page(int pgno) {
    if (!present(pgno)) {
      throw corrupt("reference to page " + Integer.toUnsignedLong(pgno) + " beyond the end of the file");
    }
    return pgno * pageSize;
  }

  int type(int page) {
    return Byte.toUnsignedInt(buf.get(page + Bdb.PG_TYPE));
  }

  int entries(int page) {
    return u16(page + Bdb.PG_ENTRIES);
  }

  int next(int page) {
    return buf.getInt(page + Bdb.PG_NEXT);
  }

  int u16(int at) {
    return Short.toUnsignedInt(buf.getShort(at));
  }

  /** {@link #u16} of a copy of file bytes, {@code page}, at {@code at}. */
  int u16(byte[] page, int at) {
    int first = Byte.toUnsignedInt(page[at]);
    int second = Byte.toUnsignedInt(page[at + 1]);
    return bigEndian ? first << Byte.SIZE | second : second << Byte.SIZE | first;
  }

  /** Absolute offset of item {@code i} of the page at {@code page}. */
  int item(int page, int i) {
    int off = u16(page + Bdb.PAGE_HEADER_SIZE + i * Bdb.INDEX_SLOT_SIZE);
    if (off < Bdb.PAGE_HEADER_SIZE || off >= pageSize) {
      throw corrupt("item " + i + " of page " + page / pageSize + " has offset " + off);
    }
    return page + off;
  }

  byte[] bytes(int at, int len) {
    if (len < 0 || at + len > buf.capacity()) {
      throw corrupt("item of " + len + " bytes at file offset " + at + " runs past the file");
    }
    byte[] out = new byte[len];
    buf.get(at, out);
    return out;
  }

  boolean equalsAt(int at, int len, byte[] key) {
    if (len != key.length) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (buf.get(at + i) != key[i]) {
        return false;
      }
    }
    return true;
  }

  /** Unsigned comparison of {@code len} bytes at {@code at} with {@code key}, shorter first. */
  int compareAt(int at, int len, byte[] key) {
    int common = Math.min(len, key.length);
    for (int i = 0; i < common; i++) {
      int d = Byte.toUnsignedInt(buf.get(at + i)) - Byte.toUnsignedInt(key[i]);
      if (d != 0) {
        return d;
      }
    }
    return len - key.length;
  }

  /** The {@code tlen} bytes of the overflow chain starting at {@code pgno}. */
  byte[] overflow(int pgno, int tlen) {
    if (tlen < 0) {
      throw corrupt("overflow item of negative length");
    }
    byte[] out = new byte[tlen];
    int got = 0;
    int pg = pgno;
    long steps = 0;
    while (got < tlen) {
      if (pg == 0 || steps++ > pagesInFile) {
        throw corrupt("overflow chain from page " + pgno + " ends after " + got + " of " + tlen + " bytes");
      }
      int p = page(pg);
      if (type(p) != Bdb.P_OVERFLOW) {
        throw corrupt("page " + pg + " in an overflow chain has type " + type(p));
      }
      int n = Math.min(u16(p + Bdb.PG_HF_OFFSET), tlen - got);
      buf.get(p + Bdb.PAGE_HEADER_SIZE, out, got, n);
      got += n;
      pg = next(p);
    }
    return out;
  }

  /** A btree/recno item's bytes: BKEYDATA inline or BOVERFLOW via its chain. */
  byte[] bItem(int at) {
    int type = buf.get(at + Bdb.BKEYDATA_TYPE) & Bdb.B_TYPE_MASK;
    return switch (type) {
      case Bdb.B_KEYDATA -> bytes(at + Bdb.BKEYDATA_DATA, u16(at + Bdb.BKEYDATA_LEN));
      case Bdb.B_OVERFLOW -> overflow(buf.getInt(at + Bdb.BOVERFLOW_PGNO), buf.getInt(at + Bdb.BOVERFLOW_TLEN));
      default -> throw corrupt("unexpected item type " + type + " at file offset " + at);
    };
  }

  boolean deleted(int at) {
    return (buf.get(at + Bdb.BKEYDATA_TYPE) & Bdb.B_DELETE) != 0;
  }

  /**
   * Every value of an off-page duplicate tree in order: down the leftmost children (recno or
   * btree internal pages) to the first leaf, then along the leaf chain.
   */
  void forEachDuplicate(int root, Consumer<byte[]> action) {
    int pg = leftmostLeaf(root);
    long steps = 0;
    while (pg != 0) {
      if (steps++ > pagesInFile) {
        throw corrupt("loop in the leaf chain of the duplicate tree at page " + root);
      }
      int p = page(pg);
      int t = type(p);
      if (t != Bdb.P_LRECNO && t != Bdb.P_LDUP) {
        throw corrupt("page " + pg + " of a duplicate tree has type " + t);
      }
      for (int i = 0; i < entries(p); i++) {
        int it = item(p, i);
        if (!deleted(it)) {
          action.accept(bItem(it));
        }
      }
      pg = next(p);
    }
  }

  long countDuplicates(int root) {
    long[] n = {0};
    forEachDuplicate(root, v -> n[0]++);
    return n[0];
  }

  /** Follows the first child of internal pages down to a leaf. */
  int leftmostLeaf(int root) {
    int pg = root;
    for (int depth = 0; ; depth++) {
      if (depth > MAX_DEPTH) {
        throw corrupt("tree below page " + root + " is deeper than " + MAX_DEPTH + " levels");
      }
      int p = page(pg);
      int t = type(p);
      if (t == Bdb.P_IBTREE) {
        pg = buf.getInt(item(p, 0) + Bdb.BINTERNAL_PGNO);
      } else if (t == Bdb.P_IRECNO) {
        pg = buf.getInt(item(p, 0) + Bdb.RINTERNAL_PGNO);
      } else {
        return pg;
      }
    }
  }

  static final int MAX_DEPTH = 64;

  UncheckedIOException corrupt(String what) {
    return new UncheckedIOException(new IOException(file + ": damaged " + format() + " file: " + what));
  }
}
