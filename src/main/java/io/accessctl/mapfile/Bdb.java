package io.accessctl.mapfile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Names for every offset, type code and limit of the Berkeley DB 5.3 on-disk format that the
 * writers and readers use (see package-info.java for the layout they describe). Offsets are from
 * the start of a page or of an item.
 */
final class Bdb {
  private Bdb() {}

  // ---- generic page header (every page but the meta page) ----
  static final int PG_LSN_FILE = 0;
  static final int PG_LSN_OFFSET = 4;
  static final int PG_PGNO = 8;
  static final int PG_PREV = 12;
  static final int PG_NEXT = 16;
  static final int PG_ENTRIES = 20;
  static final int PG_HF_OFFSET = 22;
  static final int PG_LEVEL = 24;
  static final int PG_TYPE = 25;
  /** Size of the page header; the item index array of u16 offsets starts here. */
  static final int PAGE_HEADER_SIZE = 26;
  static final int INDEX_SLOT_SIZE = 2;
  /** The LSN libdb writes on pages of a database without a log: file 0, offset 1. */
  static final int LSN_NOT_LOGGED_FILE = 0;
  static final int LSN_NOT_LOGGED_OFFSET = 1;
  /** Level of hash and overflow pages. */
  static final int LEVEL_NONE = 0;
  /** Level of btree and recno leaves; their parents are 2, and so on. */
  static final int LEVEL_LEAF = 1;

  // ---- page types ----
  static final int P_INVALID = 0;
  static final int P_HASH_UNSORTED = 2;
  static final int P_IBTREE = 3;
  static final int P_IRECNO = 4;
  static final int P_LBTREE = 5;
  static final int P_LRECNO = 6;
  static final int P_OVERFLOW = 7;
  static final int P_HASHMETA = 8;
  static final int P_BTREEMETA = 9;
  static final int P_LDUP = 12;
  static final int P_HASH = 13;

  // ---- meta page, fields common to hash and btree ----
  static final int META_MAGIC = 12;
  static final int META_VERSION = 16;
  static final int META_PAGESIZE = 20;
  static final int META_ENCRYPT_ALG = 24;
  static final int META_TYPE = 25;
  static final int META_METAFLAGS = 26;
  static final int META_FREE = 28;
  static final int META_LAST_PGNO = 32;
  static final int META_NPARTS = 36;
  static final int META_KEY_COUNT = 40;
  static final int META_RECORD_COUNT = 44;
  static final int META_FLAGS = 48;
  static final int META_UID = 52;
  static final int META_UID_SIZE = 20;
  /** The meta structure occupies the first 512 bytes of page 0; the rest of the page is zero. */
  static final int META_USED_SIZE = 512;

  static final int HASH_MAGIC = 0x00061561;
  static final int BTREE_MAGIC = 0x00053162;
  static final int HASH_VERSION = 9;
  static final int BTREE_VERSION = 9;

  // ---- hash meta ----
  static final int HMETA_MAX_BUCKET = 72;
  static final int HMETA_HIGH_MASK = 76;
  static final int HMETA_LOW_MASK = 80;
  static final int HMETA_FFACTOR = 84;
  static final int HMETA_NELEM = 88;
  static final int HMETA_CHARKEY = 92;
  static final int HMETA_SPARES = 96;
  static final int HMETA_SPARES_COUNT = 32;
  static final int SPARE_SIZE = 4;
  /** {@link #hash} of the 12 bytes "%$sniglet^&" including the terminating NUL. */
  static final int HASH_CHARKEY = 0x5E688DD1;
  /** Hash meta flags: DB_HASH_DUP. */
  static final int HASH_FLAG_DUP = 0x01;

  // ---- btree meta ----
  static final int BTMETA_MINKEY = 76;
  static final int BTMETA_RE_LEN = 80;
  static final int BTMETA_RE_PAD = 84;
  static final int BTMETA_ROOT = 88;
  static final int BTREE_MINKEY = 2;
  static final int BTREE_RE_PAD = 0x20;
  /** The root of a file's main btree is always page 1. */
  static final int BTREE_ROOT_PGNO = 1;
  /** Btree meta flags: BTM_DUP. */
  static final int BTREE_FLAG_DUP = 0x01;

  // ---- hash page items: the first byte of an item is its type ----
  static final int H_KEYDATA = 1;
  static final int H_DUPLICATE = 2;
  static final int H_OFFPAGE = 3;
  static final int H_OFFDUP = 4;
  static final int HITEM_TYPE = 0;
  /** H_KEYDATA: the bytes follow the type byte; the length comes from the neighbouring offset. */
  static final int HKEYDATA_DATA = 1;
  /** H_OFFPAGE: type, 3 pad bytes, u32 first overflow page, u32 total length. */
  static final int HOFFPAGE_PGNO = 4;
  static final int HOFFPAGE_TLEN = 8;
  static final int HOFFPAGE_SIZE = 12;
  /** H_OFFDUP: type, 3 pad bytes, u32 root page of the off-page duplicate tree. */
  static final int HOFFDUP_PGNO = 4;
  static final int HOFFDUP_SIZE = 8;
  /** H_DUPLICATE: after the type byte, each element is u16 len, bytes, u16 len. */
  static final int HDUP_LEN_SIZE = 2;

  // ---- btree / recno page items ----
  static final int B_KEYDATA = 1;
  static final int B_DUPLICATE = 2;
  static final int B_OVERFLOW = 3;
  static final int B_TYPE_MASK = 0x7f;
  static final int B_DELETE = 0x80;
  /** BKEYDATA: u16 len, u8 type, bytes; padded to {@link #ITEM_ALIGN}. */
  static final int BKEYDATA_LEN = 0;
  static final int BKEYDATA_TYPE = 2;
  static final int BKEYDATA_DATA = 3;
  /** BOVERFLOW (also B_DUPLICATE): u16 unused, u8 type, u8 unused, u32 pgno, u32 tlen. */
  static final int BOVERFLOW_TYPE = 2;
  static final int BOVERFLOW_PGNO = 4;
  static final int BOVERFLOW_TLEN = 8;
  static final int BOVERFLOW_SIZE = 12;
  /** BINTERNAL: u16 len, u8 type, u8 unused, u32 child pgno, u32 nrecs, key bytes. */
  static final int BINTERNAL_LEN = 0;
  static final int BINTERNAL_TYPE = 2;
  static final int BINTERNAL_PGNO = 4;
  static final int BINTERNAL_NRECS = 8;
  static final int BINTERNAL_DATA = 12;
  /** RINTERNAL: u32 child pgno, u32 number of records below it. */
  static final int RINTERNAL_PGNO = 0;
  static final int RINTERNAL_NRECS = 4;
  static final int RINTERNAL_SIZE = 8;
  /** Btree and recno items start on 4-byte boundaries and are padded to a multiple of 4. */
  static final int ITEM_ALIGN = 4;

  /** Overflow pages carry their reference count in the entries field; always 1 here. */
  static final int OVERFLOW_REFCOUNT = 1;

  // ---- size rules ----

  /** Usable bytes of a page below the header. */
  static int pageCapacity(int pageSize) {
    return pageSize - PAGE_HEADER_SIZE;
  }

  /** Hash keys and values longer than this are stored in overflow pages (1024 at 4 KB). */
  static int hashMaxOnPage(int pageSize) {
    return pageSize / 4;
  }

  /**
   * Btree and recno items longer than this are stored in overflow pages: libdb's threshold for
   * minkey 2, which is 1007 bytes at 4 KB (1008 goes off the page).
   */
  static int btreeMaxOnPage(int pageSize) {
    return pageCapacity(pageSize) / (2 * BTREE_MINKEY) - BTREE_OVERFLOW_SLACK;
  }

  private static final int BTREE_OVERFLOW_SLACK = 10;

  /** A btree/recno item of {@code dataLen} bytes stored on the page, padded. */
  static int bkeydataSize(int dataLen) {
    return align(BKEYDATA_DATA + dataLen);
  }

  static int align(int n) {
    return (n + ITEM_ALIGN - 1) & -ITEM_ALIGN;
  }

  /** Bytes of an overflow page that carry data. */
  static int overflowCapacity(int pageSize) {
    return pageSize - PAGE_HEADER_SIZE;
  }

  /** Pages of the overflow chain of an item of {@code len} bytes. */
  static int overflowPages(int len, int pageSize) {
    int cap = overflowCapacity(pageSize);
    return (len + cap - 1) / cap;
  }

  /**
   * libdb's default hash function for version 5 and later (FNV-1 started at 0): for each unsigned
   * byte, multiply by the FNV prime 16777619 modulo 2^32, then xor the byte in.
   */
  static int hash(byte[] key) {
    return hash(key, 0, key.length);
  }

  /** {@link #hash(byte[])} of {@code length} bytes from {@code from}. */
  static int hash(byte[] bytes, int from, int length) {
    int h = 0;
    for (int i = from; i < from + length; i++) {
      h *= FNV_PRIME;
      h ^= bytes[i] & BYTE_MASK;
    }
    return h;
  }

  private static final int FNV_PRIME = 16777619;
  static final int BYTE_MASK = 0xff;
  static final int U16_MASK = 0xffff;

  /** Smallest i with 2^i &gt;= n (0 for n &lt;= 1). */
  static int ceilLog2(long n) {
    return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
  }

  /** Writes the generic 26-byte header of a page. */
  static void header(ByteBuffer p, int pgno, int prev, int next, int entries, int hfOffset,
      int level, int type) {
    p.putInt(PG_LSN_FILE, LSN_NOT_LOGGED_FILE);
    p.putInt(PG_LSN_OFFSET, LSN_NOT_LOGGED_OFFSET);
    p.putInt(PG_PGNO, pgno);
    p.putInt(PG_PREV, prev);
    p.putInt(PG_NEXT, next);
    p.putShort(PG_ENTRIES, (short) entries);
    p.putShort(PG_HF_OFFSET, (short) hfOffset);
    p.put(PG_LEVEL, (byte) level);
    p.put(PG_TYPE, (byte) type);
  }

  /** Writes the start of a meta page (the 72 bytes shared by hash and btree). */
  static void metaHeader(ByteBuffer p, int magic, int version, int pageSize, int type,
      int lastPgno, int flags, byte[] uid) {
    p.putInt(PG_LSN_FILE, LSN_NOT_LOGGED_FILE);
    p.putInt(PG_LSN_OFFSET, LSN_NOT_LOGGED_OFFSET);
    p.putInt(PG_PGNO, 0);
    p.putInt(META_MAGIC, magic);
    p.putInt(META_VERSION, version);
    p.putInt(META_PAGESIZE, pageSize);
    p.put(META_TYPE, (byte) type);
    p.putInt(META_FREE, 0);
    p.putInt(META_LAST_PGNO, lastPgno);
    p.putInt(META_FLAGS, flags);
    p.put(META_UID, uid);
  }

  /**
   * True when {@code head} starts with a meta page of this magic number and page type, in either
   * byte order (libdb recognises the order by the magic number).
   */
  static boolean isMetaPage(ByteBuffer head, int magic, int type) {
    if (head.limit() < META_USED_SIZE) {
      return false;
    }
    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      head.order(order);
      if (head.getInt(META_MAGIC) == magic
          && Byte.toUnsignedInt(head.get(META_TYPE)) == type) {
        return true;
      }
    }
    return false;
  }

  /**
   * A fresh file id: 16 random bytes and 4 zero bytes, the shape of libdb's (inode, device,
   * random, serial, zero). libdb only uses it to tell files apart in a shared cache.
   */
  static byte[] newUid() {
    byte[] uid = new byte[META_UID_SIZE];
    byte[] random = new byte[UID_RANDOM_BYTES];
    java.util.concurrent.ThreadLocalRandom.current().nextBytes(random);
    System.arraycopy(random, 0, uid, 0, random.length);
    return uid;
  }

  private static final int UID_RANDOM_BYTES = 16;
}
