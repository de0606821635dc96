package io.accessctl.mapfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads Berkeley DB hash files (versions 7 to 9, either byte order), including the shapes libdb's
 * incremental growth leaves behind: buckets found through the spares array, all-zero or missing
 * bucket pages, chains of continuation pages, free pages, big items and duplicates on and off the
 * page.
 */
final class HashReader extends BdbReader {
  private final int maxBucket;
  private final int highMask;
  private final int lowMask;
  private final int[] spares = new int[Bdb.HMETA_SPARES_COUNT];
  private final boolean defaultHash;
  /**
   * Per bucket, built on its first lookup: the hash of every key on its chain, sorted, so that a
   * lookup finds the keys of its hash by binary search and compares bytes only with those,
   * instead of with every key of the bucket (a bucket of a map made by makemap holds a page or
   * more of keys: some 80 for a million entries). Each table is one array ({@link BucketKeys}),
   * so that a lookup that finds no key of its hash, as most do, reads one object of the bucket's.
   * Null for a file with so many buckets that the tables would outweigh what they save. Threads
   * that look up at once may each build a bucket's table; the tables are equal, never changed once
   * published (a volatile store and load), so whichever is kept is right.
   */
  private final AtomicReferenceArray<long[]> buckets;
  /**
   * Per bucket, set with its table: a Bloom filter of its keys' hashes, {@link #FILTER_WORDS}
   * longs, all in one array. Most lookups find no key, and a bucket's table is one object of
   * some 80 keys' among thousands, seldom in the cache: the filter answers most of those
   * lookups from one small array that stays there, and the table is read only when the filter
   * lets the hash through. Null when {@link #buckets} is.
   *
   * <p>A word holds the filter's bits inverted: a set bit says that no key of the bucket has
   * it. The words are written and read without synchronisation, most lookups' only reads of the
   * bucket: a word a thread reads is 0 (not written yet, or not yet seen) or, in every bit it
   * has set, the bucket's filter, since each word is only ever written with the same value
   * (threads that build a bucket's table at once write equal ones), and a torn read of a long
   * joins halves of 0 and that value. So a set bit always means the key is absent, and a filter
   * not seen yet lets every hash through to the table (read with a volatile load).
   */
  private final long[] filters;

  HashReader(Path file) throws IOException {
    super(file, Bdb.HASH_MAGIC, Bdb.P_HASHMETA);
    maxBucket = buf.getInt(Bdb.HMETA_MAX_BUCKET);
    highMask = buf.getInt(Bdb.HMETA_HIGH_MASK);
    lowMask = buf.getInt(Bdb.HMETA_LOW_MASK);
    for (int i = 0; i < spares.length; i++) {
      spares[i] = buf.getInt(Bdb.HMETA_SPARES + i * Bdb.SPARE_SIZE);
    }
    defaultHash = buf.getInt(Bdb.HMETA_CHARKEY) == Bdb.HASH_CHARKEY;
    if (maxBucket < 0) {
      throw new IOException(file + ": bad max_bucket " + Integer.toUnsignedLong(maxBucket));
    }
    buckets = defaultHash && maxBucket < pagesInFile
        && maxBucket < Integer.MAX_VALUE / FILTER_WORDS
        ? new AtomicReferenceArray<>(maxBucket + 1) : null;
    filters = buckets == null ? null : new long[(maxBucket + 1) * FILTER_WORDS];
  }

  /**
   * The longs of one bucket's filter: 512 bits for a bucket's some 80 keys (a page or two of
   * them) let some 5% of absent hashes through with {@link #FILTER_PROBES} bits a hash.
   */
  private static final int FILTER_WORDS = 8;
  private static final int FILTER_PROBES = 4;
  private static final int FILTER_BIT_SHIFT = 6;
  private static final int FILTER_BITS = FILTER_WORDS << FILTER_BIT_SHIFT;
  private static final long FILTER_MIX = 0x9E3779B97F4A7C15L;

  /**
   * The {@link #FILTER_PROBES} bits of a hash, 9 bits each from the hash mixed: keys of one
   * bucket share their hash's low bits, so the bits come from all of it.
   */
  private static int filterBit(long mixed, int probe) {
    return (int) (mixed >>> (Long.SIZE - (probe + 1) * 9)) & (FILTER_BITS - 1);
  }

  private static long mix(int hash) {
    return (hash & 0xffffffffL) * FILTER_MIX;
  }

  /**
   * Whether the bucket's filter lets the hash through: true when a key of the bucket may have
   * it, or when the filter is not written (or not seen) yet.
   */
  private boolean mayHold(int bucket, int hash) {
    int base = bucket * FILTER_WORDS;
    long mixed = mix(hash);
    for (int probe = 0; probe < FILTER_PROBES; probe++) {
      int bit = filterBit(mixed, probe);
      if ((filters[base + (bit >>> FILTER_BIT_SHIFT)] & (1L << bit)) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Writes the bucket's filter, inverted, from its table's sorted hashes. */
  private void writeFilter(int bucket, long[] table) {
    long[] words = new long[FILTER_WORDS];
    int n = BucketKeys.size(table);
    for (int k = 0; k < n; k++) {
      long mixed = mix((int) (table[k] >> HASH_SHIFT));
      for (int probe = 0; probe < FILTER_PROBES; probe++) {
        int bit = filterBit(mixed, probe);
        words[bit >>> FILTER_BIT_SHIFT] |= 1L << bit;
      }
    }
    int base = bucket * FILTER_WORDS;
    for (int w = 0; w < FILTER_WORDS; w++) {
      filters[base + w] = ~words[w];
    }
  }

  /**
   * The keys of one bucket's chain in one array of {@code 2n} longs for {@code n} keys: first,
   * sorted, each key's hash in the high 32 bits with its place in chain order in the low 32 (keys
   * of one hash stay in chain order, so the first of equal keys is found first); then, in chain
   * order, where each pair is (the page's offset in the high bits, the key's index on the page in
   * the low 16).
   */
  private static final class BucketKeys {
    private BucketKeys() {}

    /** How many keys a table holds. */
    static int size(long[] table) {
      return table.length / 2;
    }

    /** Where the pair of the key at {@code place} in chain order is. */
    static long pair(long[] table, int place) {
      return table[size(table) + place];
    }

    /** The first of the sorted hashes with this hash or a greater one. */
    static int first(long[] table, int hash) {
      long from = (long) hash << HASH_SHIFT;
      int n = size(table);
      // the hashes spread evenly over the ints: start where this one would be, and step from
      // there (a few steps, on one or two cache lines, where halving touches several)
      int k = (int) (((long) hash - Integer.MIN_VALUE) * n >>> Integer.SIZE);
      while (k < n && table[k] < from) {
        k++;
      }
      while (k > 0 && table[k - 1] >= from) {
        k--;
      }
      return k;
    }
  }

  private static final int HASH_SHIFT = 32;

  private static final int INITIAL_KEYS = 64;
  private static final int ITEM_BITS = 16;
  private static final long ITEM_MASK = (1L << ITEM_BITS) - 1;

  @Override
  public MapFormat format() {
    return MapFormat.HASH;
  }

  /** First page of a bucket: bucket + spares[ceil(log2(bucket + 1))]. */
  private int bucketPage(int bucket) {
    return bucket + spares[Bdb.ceilLog2(bucket + 1L)];
  }

  /** Byte offset of a chain page, or -1 when the page is a hole (absent or all zero). */
  private int chainPage(int pgno) {
    if (!present(pgno)) {
      return -1;
    }
    int p = page(pgno);
    int t = type(p);
    if (t == Bdb.P_INVALID) {
      return -1;
    }
    if (t != Bdb.P_HASH && t != Bdb.P_HASH_UNSORTED) {
      throw corrupt("page " + pgno + " in a bucket chain has type " + t);
    }
    return p;
  }

  /** Length of H_KEYDATA / H_DUPLICATE item i: items are packed, so it ends where item i-1 starts. */
  private int itemEnd(int page, int i) {
    return i == 0 ? page + pageSize : item(page, i - 1);
  }

  @Override
  public Optional<byte[]> get(byte[] key) {
    if (!defaultHash) {
      return scan(key);
    }
    int h = Bdb.hash(key);
    int bucket = h & highMask;
    if (Integer.compareUnsigned(bucket, maxBucket) > 0) {
      bucket &= lowMask;
    }
    if (filters != null && !mayHold(bucket, h)) {
      return Optional.empty();
    }
    long[] keys = keysOf(bucket);
    if (keys != null) {
      int n = BucketKeys.size(keys);
      for (int k = BucketKeys.first(keys, h); k < n && (int) (keys[k] >> HASH_SHIFT) == h; k++) {
        long pair = BucketKeys.pair(keys, (int) keys[k]);
        int p = (int) (pair >>> ITEM_BITS);
        int i = (int) (pair & ITEM_MASK);
        if (keyEquals(p, i, key)) {
          return Optional.of(firstValue(p, i + 1));
        }
      }
      return Optional.empty();
    }
    byte[][] found = {null};
    walkChain(bucket, p -> {
      for (int i = 0; i + 1 < entries(p); i += 2) {
        if (keyEquals(p, i, key)) {
          found[0] = firstValue(p, i + 1);
          return false;
        }
      }
      return true;
    });
    return Optional.ofNullable(found[0]);
  }

  /**
   * The bucket's keys, read on first use; null when the chain cannot be read to its end (then a
   * lookup walks it and finds what comes before the damage, as without the table).
   */
  private long[] keysOf(int bucket) {
    if (buckets == null) {
      return null;
    }
    long[] keys = buckets.get(bucket);
    if (keys == null) {
      try {
        keys = TableBuilder.BY_THREAD.get().build(this, bucket);
      } catch (UncheckedIOException e) {
        return null;
      }
      buckets.set(bucket, keys);
      writeFilter(bucket, keys);
    }
    return keys;
  }

  /**
   * Builds bucket tables, one thread's, keeping its arrays from one bucket to the next: a large
   * batch builds every table of the map (some 12,000 for a million entries), and a page-sized
   * copy buffer and grown arrays for each cost more than reading the keys (about 8 kB of fresh
   * heap a bucket). Each page of the chain is copied to the heap at once and its keys read
   * there, not field by field through the mapped buffer (C1's code, all 12,276 tables of a
   * million entries: 207, 231, 210 ms of CPU against 176, 152, 156). Holds no reader between
   * builds, so that a thread's builder never keeps a closed map's mapping reachable.
   */
  private static final class TableBuilder implements PageVisitor {
    static final ThreadLocal<TableBuilder> BY_THREAD = ThreadLocal.withInitial(TableBuilder::new);

    private int[] hashes = new int[INITIAL_KEYS];
    private long[] pairs = new long[INITIAL_KEYS];
    private byte[] page = new byte[0];
    private int n;
    private HashReader reader;

    /** The bucket's table ({@link BucketKeys}); UncheckedIOException when its chain is broken. */
    long[] build(HashReader reader, int bucket) {
      if (page.length < reader.pageSize) {
        page = new byte[reader.pageSize];
      }
      this.reader = reader;
      n = 0;
      try {
        reader.walkChain(bucket, this);
      } finally {
        this.reader = null;
      }
      long[] keys = new long[2 * n];
      for (int j = 0; j < n; j++) {
        keys[j] = ((long) hashes[j] << HASH_SHIFT) | j;
      }
      Arrays.sort(keys, 0, n);
      System.arraycopy(pairs, 0, keys, n, n);
      return keys;
    }

    @Override
    public boolean visit(int p) {
      reader.buf.get(p, page, 0, reader.pageSize);
      int entries = reader.u16(page, Bdb.PG_ENTRIES);
      for (int i = 0; i + 1 < entries; i += 2) {
        if (n == hashes.length) {
          hashes = Arrays.copyOf(hashes, 2 * n);
          pairs = Arrays.copyOf(pairs, 2 * n);
        }
        hashes[n] = reader.keyHash(p, i, page);
        pairs[n++] = ((long) p << ITEM_BITS) | i;
      }
      return true;
    }
  }

  private interface PageVisitor {
    /** Visits one page of a chain; false stops the walk. */
    boolean visit(int page);
  }

  /** The pages of one bucket's chain, in order; a hole ends the chain. */
  private void walkChain(long bucket, PageVisitor visitor) {
    long steps = 0;
    for (int pg = bucketPage((int) bucket); pg != 0; ) {
      if (steps++ > pagesInFile) {
        throw corrupt("loop in the chain of bucket " + bucket);
      }
      int p = chainPage(pg);
      if (p < 0 || !visitor.visit(p)) {
        return;
      }
      pg = next(p);
    }
  }

  /** Lookup by reading everything, for files made with a custom hash function. */
  private Optional<byte[]> scan(byte[] key) {
    byte[][] found = {null};
    forEach((k, v) -> {
      if (found[0] == null && java.util.Arrays.equals(k, key)) {
        found[0] = v;
      }
    });
    return Optional.ofNullable(found[0]);
  }

  private boolean keyEquals(int p, int i, byte[] key) {
    int it = item(p, i);
    int type = Byte.toUnsignedInt(buf.get(it + Bdb.HITEM_TYPE));
    if (type == Bdb.H_KEYDATA) {
      return equalsAt(it + Bdb.HKEYDATA_DATA, itemEnd(p, i) - it - Bdb.HKEYDATA_DATA, key);
    }
    if (type == Bdb.H_OFFPAGE) {
      return buf.getInt(it + Bdb.HOFFPAGE_TLEN) == key.length
          && java.util.Arrays.equals(offpage(it), key);
    }
    throw corrupt("key item of type " + type + " on page " + p / pageSize);
  }

  private byte[] offpage(int it) {
    return overflow(buf.getInt(it + Bdb.HOFFPAGE_PGNO), buf.getInt(it + Bdb.HOFFPAGE_TLEN));
  }

  /**
   * The hash of key item i of the page at {@code p}, read from {@code page}, a copy of that
   * page; an item other than a key on the page is read from the file ({@link #key}).
   */
  private int keyHash(int p, int i, byte[] page) {
    int at = itemOffset(page, p, i);
    if (Byte.toUnsignedInt(page[at + Bdb.HITEM_TYPE]) != Bdb.H_KEYDATA) {
      return Bdb.hash(key(p, i));
    }
    int end = i == 0 ? pageSize : itemOffset(page, p, i - 1);
    int len = end - at - Bdb.HKEYDATA_DATA;
    if (len < 0) {
      return Bdb.hash(key(p, i));
    }
    return Bdb.hash(page, at + Bdb.HKEYDATA_DATA, len);
  }

  /** {@link #item} of a copy of the page at {@code p}: the item's offset in the page. */
  private int itemOffset(byte[] page, int p, int i) {
    int off = u16(page, Bdb.PAGE_HEADER_SIZE + i * Bdb.INDEX_SLOT_SIZE);
    if (off < Bdb.PAGE_HEADER_SIZE || off >= pageSize) {
      throw corrupt("item " + i + " of page " + p / pageSize + " has offset " + off);
    }
    return off;
  }

  private byte[] key(int p, int i) {
    int it = item(p, i);
    int type = Byte.toUnsignedInt(buf.get(it + Bdb.HITEM_TYPE));
    return switch (type) {
      case Bdb.H_KEYDATA -> bytes(it + Bdb.HKEYDATA_DATA, itemEnd(p, i) - it - Bdb.HKEYDATA_DATA);
      case Bdb.H_OFFPAGE -> offpage(it);
      default -> throw corrupt("key item of type " + type + " on page " + p / pageSize);
    };
  }

  private byte[] firstValue(int p, int i) {
    byte[][] first = {null};
    values(p, i, v -> {
      if (first[0] == null) {
        first[0] = v;
      }
    });
    if (first[0] == null) {
      throw corrupt("empty duplicate set on page " + p / pageSize);
    }
    return first[0];
  }

  /** The value or values of data item i. */
  private void values(int p, int i, Consumer<byte[]> action) {
    int it = item(p, i);
    int type = Byte.toUnsignedInt(buf.get(it + Bdb.HITEM_TYPE));
    switch (type) {
      case Bdb.H_KEYDATA -> action.accept(
          bytes(it + Bdb.HKEYDATA_DATA, itemEnd(p, i) - it - Bdb.HKEYDATA_DATA));
      case Bdb.H_OFFPAGE -> action.accept(offpage(it));
      case Bdb.H_DUPLICATE -> {
        int end = itemEnd(p, i);
        for (int at = it + Bdb.HKEYDATA_DATA; at < end; ) {
          int len = u16(at);
          action.accept(bytes(at + Bdb.HDUP_LEN_SIZE, len));
          at += len + 2 * Bdb.HDUP_LEN_SIZE;
        }
      }
      case Bdb.H_OFFDUP -> forEachDuplicate(buf.getInt(it + Bdb.HOFFDUP_PGNO), action);
      default -> throw corrupt("data item of type " + type + " on page " + p / pageSize);
    }
  }

  @Override
  public void forEach(BiConsumer<byte[], byte[]> action) {
    walk((p, i) -> {
      byte[] k = key(p, i);
      values(p, i + 1, v -> action.accept(k, v));
    });
  }

  @Override
  long count() {
    long[] n = {0};
    walk((p, i) -> {
      int it = item(p, i + 1);
      int type = Byte.toUnsignedInt(buf.get(it + Bdb.HITEM_TYPE));
      if (type == Bdb.H_KEYDATA || type == Bdb.H_OFFPAGE) {
        n[0]++;
      } else if (type == Bdb.H_OFFDUP) {
        n[0] += countDuplicates(buf.getInt(it + Bdb.HOFFDUP_PGNO));
      } else {
        values(p, i + 1, v -> n[0]++);
      }
    });
    return n[0];
  }

  private interface PairVisitor {
    void visit(int page, int keyIndex);
  }

  /** Every pair in bucket order, each chain page by page, each page in index order. */
  private void walk(PairVisitor visitor) {
    for (long b = 0; b <= Integer.toUnsignedLong(maxBucket); b++) {
      walkChain(b, p -> {
        for (int i = 0; i + 1 < entries(p); i += 2) {
          visitor.visit(p, i);
        }
        return true;
      });
    }
  }
}
