package io.accessctl.mapfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a Berkeley DB 5.3 hash file in one pass, with the bucket count fixed up front (see
 * package-info.java for the layout).
 *
 * <p>Steps: hash every key; choose the power-of-two bucket count that gives the fewest pages;
 * sort the records by bucket (through partitions, see {@code sortIntoBuckets}) and each bucket in
 * hash-page order; group equal keys (duplicates); fill each bucket's pages greedily; number every
 * page; then write the meta page, the N bucket pages, and for each bucket its continuation pages
 * followed by its overflow chains and duplicate trees. The work is a few arrays the size of the
 * input and each key copied into the order it is written in; the records are read from a {@link
 * RecordSource}, so a caller need not make an object or a key array for each.
 */
final class HashWriter implements MapWriter {

  @Override
  public void write(List<Record> records, WritableByteChannel out, WriteOptions opts)
      throws IOException {
    write(RecordSource.of(records), out, opts);
  }

  @Override
  public void write(RecordSource records, WritableByteChannel out, WriteOptions opts)
      throws IOException {
    new Build(records, opts).write(out);
  }

  private static final class Build extends BdbBuild {
    private final int maxOnPage;

    private int log2Buckets;
    private int buckets;
    /** Bytes a unit takes on a page: key item + data item (index slots not included). */
    private int[] unitBytes;
    /** Pages a unit needs outside the bucket chain: overflow chains and duplicate trees. */
    private int[] unitExtra;
    /** Per record: bytes of its pair on a page with index slots, and its overflow pages. */
    private int[] pairBytes;
    private int[] pairExtra;
    private boolean[] sameKeyAsPrevious;
    /** First unit of each bucket; length buckets+1. */
    private int[] bucketUnit;
    /** Units of chain page g: [pageUnit[g], pageUnit[g+1]). */
    private int[] pageUnit;
    /** Chain pages of bucket b: [bucketPage[b], bucketPage[b+1]). */
    private int[] bucketPage;
    /** First page after the bucket pages that belongs to bucket b. */
    private int[] extraBase;
    private int totalPages;

    private final RecordSource source;

    Build(RecordSource source, WriteOptions opts) {
      super(source.size(), opts);
      this.source = source;
      this.maxOnPage = Bdb.hashMaxOnPage(ps);
    }

    private int itemSize(int len) {
      return len > maxOnPage ? Bdb.HOFFPAGE_SIZE : Bdb.HKEYDATA_DATA + len;
    }

    private int bigPages(int len) {
      return len > maxOnPage ? Bdb.overflowPages(len, ps) : 0;
    }

    /** Bytes of a key and a value on a page, with their index slots. */
    private int pairBytes(int keyLength, int valueLength) {
      return itemSize(keyLength) + itemSize(valueLength) + 2 * Bdb.INDEX_SLOT_SIZE;
    }

    void write(WritableByteChannel out) throws IOException {
      int[] hashes = new int[n];
      int[] keyLength = new int[n];
      byte[][] value = new byte[n][];
      KeyLog log = new KeyLog();
      for (int i = 0; i < n; i++) {
        int len = source.keyLength(i);
        int at = log.append(source, i, len);
        hashes[i] = Bdb.hash(log.last, at, len);
        keyLength[i] = len;
        value[i] = source.value(i);
      }
      chooseBuckets(hashes, keyLength, value);
      sortIntoBuckets(hashes, keyLength, value, log);
      sizeUnits();
      fillPages();
      PageSink sink = new PageSink(out, ps, opts.byteOrder());
      writeMeta(sink);
      for (int b = 0; b < buckets; b++) {
        int pages = bucketPage[b + 1] - bucketPage[b];
        int g = bucketPage[b];
        writePage(sink, b + 1, 0, pages > 1 ? extraBase[b] : 0, pageUnit[g], pageUnit[g + 1],
            extraBase[b] + pages - 1);
      }
      for (int b = 0; b < buckets; b++) {
        writeExtra(sink, b);
      }
      sink.finish(totalPages);
    }

    /**
     * The bucket count N, a power of two of at least 2. kFit is the smallest N with room for all
     * pairs on N pages (mean fill at most 1); N/2 (mean fill 1 to 2, chains of about two pages) is
     * taken instead when it needs fewer pages in total, counting each bucket's continuation pages
     * from its load (bucket b at N/2 holds buckets b and b+N/2 at N). Fewer buckets than that
     * would save little space and make every lookup walk a long chain.
     */
    private void chooseBuckets(int[] hashes, int[] keyLength, byte[][] value) {
      long total = 0;
      int[] pair = new int[n];
      for (int i = 0; i < n; i++) {
        pair[i] = pairBytes(keyLength[i], value[i].length);
        total += pair[i];
      }
      double average = n == 0 ? 0 : (double) total / n;
      double effective = Math.max(cap / 2.0, cap - average / 2);
      long pagesNeeded = (long) Math.ceil(total / (double) cap);
      int kFit = Math.max(MIN_LOG2_BUCKETS, Math.min(MAX_LOG2_BUCKETS, Bdb.ceilLog2(pagesNeeded)));
      int size = 1 << kFit;
      long[] load = new long[size];
      int mask = size - 1;
      for (int i = 0; i < n; i++) {
        load[hashes[i] & mask] += pair[i];
      }
      int best = kFit;
      if (kFit > MIN_LOG2_BUCKETS) {
        long pagesAtFit = estimate(load, size, effective);
        int half = size >>> 1;
        for (int b = 0; b < half; b++) {
          load[b] += load[b + half];
        }
        if (estimate(load, half, effective) < pagesAtFit) {
          best = kFit - 1;
        }
      }
      log2Buckets = best;
      buckets = 1 << best;
    }

    private static long estimate(long[] load, int size, double effective) {
      long pages = 0;
      for (int b = 0; b < size; b++) {
        pages += Math.max(1, (long) Math.ceil(load[b] / effective));
      }
      return pages;
    }

    /**
     * Puts the records in bucket order, each bucket sorted, with {@link #keys}, {@link #vals},
     * {@link #pairBytes} and {@link #pairExtra} in that order and {@link #order} the identity.
     *
     * <p>In two passes that each read memory in order, because a hash order is random against
     * the input: gathering the records straight into it made each record cache misses. The
     * first pass reads the records as given and moves each, with a copy of its key, into one of a
     * few partitions of consecutive buckets (few enough that the places written to stay in the
     * CPU cache); the second sorts one partition at a time, small enough to stay in the cache,
     * into its buckets. The keys are copied once more as they come out, so that the pages are
     * later filled from keys that lie in memory in the order they are written.
     */
    private void sortIntoBuckets(int[] hashes, int[] keyLength, byte[][] values, KeyLog log) {
      int mask = buckets - 1;
      int shift = log2Buckets - Math.min(log2Buckets, LOG2_PARTITIONS);
      int parts = 1 << (log2Buckets - shift);
      int[] partStart = new int[parts + 1];
      int[] partBytes = new int[parts];
      for (int i = 0; i < n; i++) {
        int p = (hashes[i] & mask) >>> shift;
        partStart[p + 1]++;
        partBytes[p] = Math.addExact(partBytes[p], keyLength[i]);
      }
      int largest = 0;
      for (int p = 0; p < parts; p++) {
        largest = Math.max(largest, partStart[p + 1]);
        partStart[p + 1] += partStart[p];
      }
      byte[][] arena = new byte[parts][];
      for (int p = 0; p < parts; p++) {
        arena[p] = new byte[partBytes[p]];
      }
      // by place in the partitions: the hash, the key's length (its bytes are in the arena in
      // the same order) and the value
      int[] hash = new int[n];
      int[] keyLen = new int[n];
      byte[][] value = new byte[n][];
      int[] fill = Arrays.copyOf(partStart, parts);
      int[] at = new int[parts];
      for (int i = 0; i < n; i++) {
        int p = (hashes[i] & mask) >>> shift;
        int j = fill[p]++;
        hash[j] = hashes[i];
        keyLen[j] = keyLength[i];
        value[j] = values[i];
        int from = log.next(keyLength[i]);
        System.arraycopy(log.reading, from, arena[p], at[p], keyLength[i]);
        at[p] += keyLength[i];
      }
      keys = new byte[n][];
      vals = new byte[n][];
      pairBytes = new int[n];
      pairExtra = new int[n];
      order = new int[n];
      sameKeyAsPrevious = new boolean[n];
      int[] start = new int[buckets + 1];
      BucketSorter sorter = new BucketSorter(largest, 1 << shift);
      for (int p = 0; p < parts; p++) {
        sorter.partition(arena[p], partStart[p], partStart[p + 1], p << shift, hash, keyLen,
            value, start);
      }
      start[buckets] = n;
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      bucketUnit = start; // positions in order for now; sizeUnits() turns them into unit numbers
    }

    /**
     * Sorts one partition at a time into its buckets and each bucket in hash-page order, reading
     * keys from the partition's arena only.
     */
    private final class BucketSorter {
      private byte[] bytes;
      /** Per record of the partition, in its order: where its key starts in the arena. */
      private final int[] keyAt;
      /** The partition's records by bucket, then sorted. */
      private final int[] byBucket;
      private final int[] off;
      private final int[] len;
      /** Per key: {@link #head}. */
      private final long[] head;
      private final int[] local;
      private final int[] scratch;
      private final int[] bucketFill;
      private final IndexSort.IntComparator cmp = this::compare;

      BucketSorter(int largest, int bucketsPerPartition) {
        keyAt = new int[largest];
        byBucket = new int[largest];
        off = new int[largest];
        len = new int[largest];
        head = new long[largest];
        local = new int[largest];
        scratch = new int[largest];
        bucketFill = new int[bucketsPerPartition + 1];
      }

      /**
       * Keys stored on the page in libdb's hash order; keys too big for the page after them, in
       * plain lexicographic order (see {@link #fillPages} for why they get pages of their own).
       */
      private int compare(int x, int y) {
        boolean bigX = len[x] > maxOnPage;
        boolean bigY = len[y] > maxOnPage;
        if (bigX != bigY) {
          return bigX ? 1 : -1;
        }
        if (head[x] != head[y] && len[x] >= Long.BYTES && len[y] >= Long.BYTES) {
          // both orders compare unsigned bytes first, and these differ in the first eight
          return Long.compareUnsigned(head[x], head[y]);
        }
        return bigX
            ? Arrays.compareUnsigned(bytes, off[x], off[x] + len[x], bytes, off[y], off[y] + len[y])
            : KeyOrder.hash(bytes, off[x], len[x], off[y], len[y]);
      }

      /**
       * The first eight bytes of a key of at least eight, as an unsigned number: most keys of a
       * bucket differ in their tags, and one comparison of two numbers then orders them.
       */
      private long head(int at, int length) {
        long h = 0;
        for (int i = 0; i < Math.min(length, Long.BYTES); i++) {
          h = (h << Byte.SIZE) | (bytes[at + i] & 0xff);
        }
        return h;
      }

      /**
       * Sorts the records {@code [from, to)} of the first pass, whose keys are {@code arena} and
       * whose buckets start at {@code firstBucket}, into their final places (the same range), and
       * notes where each of their buckets starts.
       */
      void partition(byte[] arena, int from, int to, int firstBucket, int[] hash, int[] keyLen,
          byte[][] value, int[] start) {
        bytes = arena;
        int m = to - from;
        int mask = buckets - 1;
        int count = bucketFill.length - 1;
        Arrays.fill(bucketFill, 0);
        int pos = 0;
        for (int j = 0; j < m; j++) {
          keyAt[j] = pos;
          pos += keyLen[from + j];
          bucketFill[(hash[from + j] & mask) - firstBucket + 1]++;
        }
        for (int b = 0; b < count; b++) {
          start[firstBucket + b] = from + bucketFill[b];
          bucketFill[b + 1] += bucketFill[b];
        }
        for (int j = 0; j < m; j++) {
          byBucket[bucketFill[(hash[from + j] & mask) - firstBucket]++] = j;
        }
        int b0 = 0;
        for (int b = 0; b < count; b++) {
          int b1 = bucketFill[b];
          sortBucket(from, b0, b1, keyLen, value);
          b0 = b1;
        }
      }

      /** Sorts the partition's records byBucket[b0, b1), one bucket, and writes them out. */
      private void sortBucket(int from, int b0, int b1, int[] keyLen, byte[][] value) {
        int m = b1 - b0;
        for (int j = 0; j < m; j++) {
          int r = byBucket[b0 + j];
          off[j] = keyAt[r];
          len[j] = keyLen[from + r];
          head[j] = head(off[j], len[j]);
          local[j] = j;
        }
        IndexSort.sort(local, 0, m, cmp, scratch);
        for (int j = 0; j < m; j++) {
          int l = local[j];
          int g = from + b0 + j;
          int klen = len[l];
          byte[] v = value[from + byBucket[b0 + l]];
          keys[g] = Arrays.copyOfRange(bytes, off[l], off[l] + klen);
          vals[g] = v;
          pairBytes[g] = pairBytes(klen, v.length);
          pairExtra[g] = bigPages(klen) + bigPages(v.length);
          sameKeyAsPrevious[g] = j > 0 && cmp.compare(local[j - 1], l) == 0;
        }
      }
    }

    /** Units, the first unit of each bucket, and what each unit needs on and off its page. */
    private void sizeUnits() {
      groupUnits(sameKeyAsPrevious);
      int[] bucketU = new int[buckets + 1];
      int u = 0;
      for (int b = 0; b <= buckets; b++) {
        while (u < units && unitStart[u] < bucketUnit[b]) {
          u++;
        }
        bucketU[b] = u;
      }
      bucketUnit = bucketU;
      unitBytes = new int[units];
      unitExtra = new int[units];
      for (u = 0; u < units; u++) {
        int count = unitSize(u);
        if (count == 1) {
          int rec = order[unitStart[u]];
          unitBytes[u] = pairBytes[rec] - 2 * Bdb.INDEX_SLOT_SIZE;
          unitExtra[u] = pairExtra[rec];
          continue;
        }
        byte[] key = unitKey(u);
        int bytes = itemSize(key.length);
        int extra = bigPages(key.length);
        int dupItem = Bdb.HKEYDATA_DATA;
        for (int i = 0; i < count; i++) {
          dupItem += unitValue(u, i).length + 2 * Bdb.HDUP_LEN_SIZE;
        }
        if (dupItem <= maxOnPage) {
          bytes += dupItem;
        } else {
          bytes += Bdb.HOFFDUP_SIZE;
          extra += addDupTree(u).pageCount();
        }
        unitBytes[u] = bytes;
        unitExtra[u] = extra;
      }
    }

    private boolean bigKey(int u) {
      return unitKey(u).length > maxOnPage;
    }

    /**
     * Greedy fill of each bucket chain, then the page numbers of everything past the buckets.
     *
     * <p>Keys too big for the page (H_OFFPAGE) start a new page and share pages only with each
     * other. libdb's page search compares a key with an on-page item in hash order (a longer item
     * first) but with an off-page item in plain lexicographic order (a shorter item first), so an
     * on-page key that is a prefix of an off-page key on the same page cannot be placed where
     * both are found, and db5.3_verify's check of mixed pages is unreliable as well. Pages of
     * off-page keys alone are sorted lexicographically, which both the search and the verifier
     * accept.
     */
    private void fillPages() {
      int[] pages = new int[units + buckets + 1];
      bucketPage = new int[buckets + 1];
      extraBase = new int[buckets];
      int g = 0;
      long next = 1L + buckets;
      for (int b = 0; b < buckets; b++) {
        bucketPage[b] = g;
        pages[g++] = bucketUnit[b];
        int used = 0;
        long extra = 0;
        for (int u = bucketUnit[b]; u < bucketUnit[b + 1]; u++) {
          int need = unitBytes[u] + 2 * Bdb.INDEX_SLOT_SIZE;
          boolean firstBigKey =
              unitExtra[u] > 0 && u > bucketUnit[b] && bigKey(u) && !bigKey(u - 1);
          if (used > 0 && (used + need > cap || firstBigKey)) {
            pages[g++] = u;
            used = 0;
          }
          used += need;
          extra += unitExtra[u];
        }
        extra += g - bucketPage[b] - 1;
        extraBase[b] = checkedPgno(next);
        next += extra;
      }
      bucketPage[buckets] = g;
      pages[g] = units;
      pageUnit = pages;
      totalPages = checkedPgno(next);
    }

    private void writeMeta(PageSink sink) throws IOException {
      ByteBuffer p = sink.page(0);
      Bdb.metaHeader(p, Bdb.HASH_MAGIC, Bdb.HASH_VERSION, ps, Bdb.P_HASHMETA, totalPages - 1,
          opts.allowDuplicates() ? Bdb.HASH_FLAG_DUP : 0, Bdb.newUid());
      p.putInt(Bdb.HMETA_MAX_BUCKET, buckets - 1);
      p.putInt(Bdb.HMETA_HIGH_MASK, buckets - 1);
      p.putInt(Bdb.HMETA_LOW_MASK, (buckets >>> 1) - 1);
      p.putInt(Bdb.HMETA_FFACTOR, 0);
      p.putInt(Bdb.HMETA_NELEM, n);
      p.putInt(Bdb.HMETA_CHARKEY, Bdb.HASH_CHARKEY);
      // bucket b is on page b + 1, so spares[d] = 1 for every doubling in use
      for (int d = 0; d <= log2Buckets; d++) {
        p.putInt(Bdb.HMETA_SPARES + d * Bdb.SPARE_SIZE, 1);
      }
    }

    /** Continuation pages of bucket b, then the overflow chains and duplicate trees of its units. */
    private void writeExtra(PageSink sink, int b) throws IOException {
      int pages = bucketPage[b + 1] - bucketPage[b];
      int chainBase = extraBase[b];
      int cursor = chainBase + pages - 1;
      int g0 = bucketPage[b];
      for (int u = pageUnit[g0]; u < pageUnit[g0 + 1]; u++) {
        cursor += unitExtra[u];
      }
      for (int j = 1; j < pages; j++) {
        int pgno = chainBase + j - 1;
        int prev = j == 1 ? b + 1 : pgno - 1;
        int next = j < pages - 1 ? pgno + 1 : 0;
        cursor = writePage(sink, pgno, prev, next, pageUnit[g0 + j], pageUnit[g0 + j + 1], cursor);
      }
      cursor = chainBase + pages - 1;
      for (int u = bucketUnit[b]; u < bucketUnit[b + 1]; u++) {
        if (unitExtra[u] == 0) {
          continue; // all on its page: its key and values need not be fetched again
        }
        byte[] key = keys[order[unitStart[u]]];
        if (key.length > maxOnPage) {
          Overflow.write(sink, cursor, key);
          cursor += bigPages(key.length);
        }
        DupTree tree = dupTree(u);
        if (tree != null) {
          tree.write(sink, cursor);
          cursor += tree.pageCount();
        } else if (unitStart[u + 1] - unitStart[u] == 1) {
          byte[] v = vals[order[unitStart[u]]];
          if (v.length > maxOnPage) {
            Overflow.write(sink, cursor, v);
            cursor += bigPages(v.length);
          }
        }
      }
    }

    /**
     * One P_HASH page holding units [u0, u1): items packed downwards from the end of the page in
     * index order, the key of each pair directly above its data. Big items and duplicate trees get
     * page numbers from {@code cursor}, in the order {@link #writeExtra} writes them.
     */
    private int writePage(PageSink sink, int pgno, int prev, int next, int u0, int u1, int cursor)
        throws IOException {
      ByteBuffer p = sink.page(pgno);
      int top = ps;
      int slot = 0;
      int c = cursor;
      for (int u = u0; u < u1; u++) {
        int first = unitStart[u];
        int count = unitStart[u + 1] - first;
        byte[] key = keys[order[first]];
        top = putItem(p, top, key, c);
        c += bigPages(key.length);
        p.putShort(indexSlot(slot++), (short) top);
        DupTree tree = dupTree(u);
        if (count == 1) {
          byte[] v = vals[order[first]];
          top = putItem(p, top, v, c);
          c += bigPages(v.length);
        } else if (tree != null) {
          top -= Bdb.HOFFDUP_SIZE;
          p.put(top + Bdb.HITEM_TYPE, (byte) Bdb.H_OFFDUP);
          p.putInt(top + Bdb.HOFFDUP_PGNO, c);
          c += tree.pageCount();
        } else {
          top -= unitBytes[u] - itemSize(key.length);
          p.put(top + Bdb.HITEM_TYPE, (byte) Bdb.H_DUPLICATE);
          int at = top + Bdb.HKEYDATA_DATA;
          for (int i = first; i < first + count; i++) {
            byte[] v = vals[order[i]];
            p.putShort(at, (short) v.length);
            p.put(at + Bdb.HDUP_LEN_SIZE, v);
            p.putShort(at + Bdb.HDUP_LEN_SIZE + v.length, (short) v.length);
            at += v.length + 2 * Bdb.HDUP_LEN_SIZE;
          }
        }
        p.putShort(indexSlot(slot++), (short) top);
      }
      Bdb.header(p, pgno, prev, next, slot, top, Bdb.LEVEL_NONE, Bdb.P_HASH);
      return c;
    }

    /** An H_KEYDATA item, or an H_OFFPAGE item pointing at page {@code ovfl}, just below {@code top}. */
    private int putItem(ByteBuffer p, int top, byte[] data, int ovfl) {
      if (data.length > maxOnPage) {
        int at = top - Bdb.HOFFPAGE_SIZE;
        p.put(at + Bdb.HITEM_TYPE, (byte) Bdb.H_OFFPAGE);
        p.putInt(at + Bdb.HOFFPAGE_PGNO, ovfl);
        p.putInt(at + Bdb.HOFFPAGE_TLEN, data.length);
        return at;
      }
      int at = top - Bdb.HKEYDATA_DATA - data.length;
      p.put(at + Bdb.HITEM_TYPE, (byte) Bdb.H_KEYDATA);
      p.put(at + Bdb.HKEYDATA_DATA, data);
      return at;
    }
  }

  private static final int MIN_LOG2_BUCKETS = 1;
  private static final int MAX_LOG2_BUCKETS = 30;
  /**
   * The keys, copied once from the source in input order into chunks side by side, so that the
   * pass that moves them into partitions copies memory in order instead of asking the source for
   * each key again. A key that does not fit at the end of a chunk starts the next one, whether
   * the log is written or read.
   */
  private static final class KeyLog {
    private static final int CHUNK = 1 << 22;

    private final List<byte[]> chunks = new ArrayList<>();
    /** The chunk written to last. */
    byte[] last = new byte[0];
    private int end;
    /** The chunk {@link #next} read from last. */
    byte[] reading = new byte[0];
    private int readChunk = -1;
    private int readAt;

    /** Copies key {@code i} of {@code source} to the log; returns where in {@link #last}. */
    int append(RecordSource source, int i, int length) {
      if (end + length > last.length) {
        last = new byte[Math.max(CHUNK, length)];
        chunks.add(last);
        end = 0;
      }
      int at = end;
      source.copyKey(i, last, at);
      end += length;
      return at;
    }

    /** The next key in the order appended, of this length: where in {@link #reading}. */
    int next(int length) {
      if (readAt + length > reading.length) {
        reading = chunks.get(++readChunk);
        readAt = 0;
      }
      int at = readAt;
      readAt += length;
      return at;
    }
  }

  /** Partitions of the first pass of the bucket sort at most: its places written stay cached. */
  private static final int LOG2_PARTITIONS = 8;
}
