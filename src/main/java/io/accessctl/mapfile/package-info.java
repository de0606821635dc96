/**
 * A pure-Java storage engine for the files sendmail opens as maps: Berkeley DB 5.3 hash and btree
 * files (what {@code makemap hash|btree} writes) and cdb files (tinycdb). It stores byte-array keys
 * and values and knows nothing about sendmail: no tags, no case folding, no NUL convention.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * AtomicFile.replace(Path.of("/etc/mail/access.db"),
 *     ch -> MapFormat.HASH.writer().write(records, ch, WriteOptions.defaults()));
 * try (MapReader r = MapReader.open(Path.of("/etc/mail/access.db"))) {
 *   r.get(key);        // first value of the key
 *   r.forEach(...);    // every record, in makemap -u order
 * }
 * }</pre>
 *
 * <p>{@link io.accessctl.mapfile.MapFormat} is the one registry of formats: each one's name
 * ({@code hash}, {@code btree}, {@code cdb}), the extension its files get, how its files are
 * recognised, its reader and its writer. Code elsewhere that lists, names, detects, reads or
 * writes a format asks it instead of spelling the names out.
 *
 * <p>{@link io.accessctl.mapfile.MapWriter}s write a whole file in one sequential pass, from a
 * list of {@link io.accessctl.mapfile.Record}s or from a {@link
 * io.accessctl.mapfile.RecordSource}, which hands over each key and value by index without an
 * object for each (compile's million-entry maps); {@link io.accessctl.mapfile.MapReader}s
 * memory-map a file and read ours, makemap's (tables grown by
 * splits, holes, free pages, duplicates) and either byte order. {@link
 * io.accessctl.mapfile.AtomicFile} replaces a file by temp file + fsync + rename, under a lock.
 * Callers should import {@code io.accessctl.mapfile.Record} explicitly: a wildcard import leaves
 * the name ambiguous with {@code java.lang.Record}.
 *
 * <h2>The Berkeley DB files we write</h2>
 *
 * <p>This section describes, byte by byte, the files the writers produce, so that a maintainer can
 * hold them against {@code db5.3_dump -da FILE}. Sources of the facts: Berkeley DB 5.3 public
 * headers and documentation, and experiments with db5.3_verify, db5.3_dump, makemap and sendmail
 * (recorded in berkeley-db-format.md). All integers are in the file's byte order: the host's by
 * default ({@link io.accessctl.mapfile.WriteOptions#byteOrder()}), little-endian on every Debian
 * host; libdb reads either, recognising the order by the magic number. "u32 @12" means an unsigned
 * 32-bit integer at byte 12 of the page. PS is the page size, 4096 unless asked otherwise
 * ({@link io.accessctl.mapfile.WriteOptions#pageSize()}). Constants are named in {@code Bdb}.
 *
 * <h3>Pages</h3>
 *
 * <p>The file is an array of PS-byte pages; page n starts at byte n*PS. Page 0 is the meta page.
 * The file is exactly (last_pgno + 1) * PS bytes, every page is written (no holes), the free list
 * is empty, no page is unused.
 *
 * <p>Every page but the meta page starts with a 26-byte header:
 *
 * <pre>
 *  off size field      value we write
 *    0   4  lsn.file   0   (LSN 0/1 = "not logged")
 *    4   4  lsn.offset 1
 *    8   4  pgno       the page's own number
 *   12   4  prev_pgno  previous page of a chain, 0 for none
 *   16   4  next_pgno  next page of a chain, 0 for none
 *   20   2  entries    number of index slots; on overflow pages the reference count, 1
 *   22   2  hf_offset  offset of the lowest item (PS on an empty page); on overflow pages the
 *                      number of data bytes on the page
 *   24   1  level      0 on hash and overflow pages; 1 on leaves, 2 on their parents, ...
 *   25   1  type       13 hash, 7 overflow, 5 btree leaf, 3 btree internal,
 *                      6 recno leaf and 4 recno internal (off-page duplicate trees)
 *   26  2n  index      n u16 item offsets from the start of the page
 * </pre>
 *
 * <p>Items are stored from the end of the page downwards in index order: item 0 ends at PS,
 * item i ends where item i-1 starts, with no gaps (btree items are padded to multiples of 4).
 *
 * <h3>Overflow pages (type 7)</h3>
 *
 * <p>A key or value too big for its page (hash: more than PS/4 = 1024 bytes; btree and recno:
 * more than 1007 bytes at 4 KB) lives in a chain of its own consecutive pages: header with
 * entries = 1 (reference count) and hf_offset = bytes on this page, then the data from byte 26,
 * PS-26 = 4070 bytes a page. prev/next link the chain; the first page has prev 0, the last next 0.
 * The page that refers to the item gives its first page and total length.
 *
 * <h3>Hash meta page (page 0)</h3>
 *
 * <pre>
 *  off size field        value we write
 *    0   8  lsn          0, 1
 *    8   4  pgno         0
 *   12   4  magic        0x00061561
 *   16   4  version      9
 *   20   4  pagesize     PS
 *   24   1  encrypt_alg  0
 *   25   1  type         8
 *   26   1  metaflags    0
 *   28   4  free         0 (no free list)
 *   32   4  last_pgno    number of the last page
 *   36   4  nparts       0
 *   40   8  key/record count  0 (statistics libdb fills in on demand)
 *   48   4  flags        1 (DB_HASH_DUP) with duplicates, else 0
 *   52  20  uid          16 random bytes, 4 zero bytes (a file id; never checked)
 *   72   4  max_bucket   N - 1, N the number of buckets (a power of two, at least 2)
 *   76   4  high_mask    N - 1
 *   80   4  low_mask     N/2 - 1
 *   84   4  ffactor      0
 *   88   4  nelem        number of records (informational)
 *   92   4  h_charkey    0x5E688DD1, the hash of "%$sniglet^&" with its NUL
 *   96 128  spares[32]   1 for entries 0..log2(N), then 0: bucket b is on page b + 1
 *  224 288  (zero)       rest of the 512-byte meta structure, and of the page
 * </pre>
 *
 * <p>Hash function (libdb's default for version 5 and later): h = 0; for every unsigned byte c of
 * the key, h = h * 16777619 mod 2^32, then h ^= c. Bucket = h &amp; high_mask, and if that exceeds
 * max_bucket, &amp; low_mask (never the case here, N being a power of two).
 *
 * <h3>Hash layout</h3>
 *
 * <p>Pages 1..N are the first pages of buckets 0..N-1. After them, bucket by bucket: the bucket's
 * continuation pages, then the overflow chains and duplicate trees of its records in page order
 * (key before value). N is the smallest power of two with room for all pairs on N pages, or
 * half that when the estimated total page count is then lower (chains of one to two pages).
 *
 * <h3>Hash pages (type 13)</h3>
 *
 * <p>A bucket is a chain: the first page has prev 0; continuation pages are linked by prev/next.
 * Items come in pairs, index 2i the key and 2i+1 its data, the key stored directly above its data.
 * A pair goes on the current page while the free space (hf_offset - 26 - 2*entries) holds both
 * items plus 4 index bytes; otherwise a new page starts. Item types (first byte):
 *
 * <pre>
 *  1 H_KEYDATA   type, bytes                        length = (end of item) - offset - 1
 *  3 H_OFFPAGE   type, 3 zero, u32 pgno, u32 length  (12 bytes) an overflow chain
 *  2 H_DUPLICATE type, then per value: u16 len, bytes, u16 len   (all values of one key, when
 *                the whole item is at most PS/4 bytes)
 *  4 H_OFFDUP    type, 3 zero, u32 root pgno         (8 bytes) an off-page duplicate tree
 * </pre>
 *
 * <p>Order on a page (libdb binary-searches every page of the chain): keys kept on the page sort by
 * their unsigned bytes over the common length and, on a tie, the LONGER key first ("a:10" before
 * "a:1"). Keys stored off the page are compared by libdb with the opposite tie rule, so they never
 * share a page with on-page keys: they follow them on pages of their own, in plain lexicographic
 * order. Duplicates of one key keep the order they were given in.
 *
 * <h3>Btree meta page (page 0)</h3>
 *
 * <p>Bytes 0..71 as for hash, with magic 0x00053162, version 9, type 9 and flags 1 (BTM_DUP) with
 * duplicates. Then: @72 u32 0, @76 minkey 2, @80 re_len 0, @84 re_pad 0x20, @88 root 1; the rest
 * zero.
 *
 * <h3>Btree layout and pages</h3>
 *
 * <p>Page 1 is the root; then the other internal pages level by level from the top, left to
 * right; then the overflow chains of internal keys too long for their page; then each leaf
 * followed by the overflow chains and duplicate trees of its records. With a single leaf, the leaf
 * is the root on page 1.
 *
 * <p>Leaves (type 5, level 1) hold pairs (index 2i key, 2i+1 data) in ascending key order:
 * unsigned bytes, a prefix before the longer key. They are filled completely and chained left to
 * right with prev/next. Items, each starting on a 4-byte boundary and padded to a multiple of 4:
 *
 * <pre>
 *  BKEYDATA    u16 len, u8 type 1, bytes
 *  BOVERFLOW   u16 0, u8 type 3, u8 0, u32 pgno, u32 length   (12 bytes) an overflow chain
 *  B_DUPLICATE u16 0, u8 type 2, u8 0, u32 root pgno, u32 0   (12 bytes) off-page duplicates
 * </pre>
 *
 * <p>Duplicates: when all values of a key fit in PS/4 bytes (items and index slots) they stay on
 * the leaf, the key stored once and its index slot repeated before each value; otherwise the key
 * is followed by one B_DUPLICATE item. A key's duplicates never span two leaves.
 *
 * <p>Internal pages (type 3, level 2 and up, prev 0, next 0) hold one item per child: {@code u16
 * len, u8 type (1, or 3 when the key is in an overflow chain), u8 0, u32 child pgno, u32 nrecs 0,
 * key} (or a 12-byte BOVERFLOW instead of the key), padded to 4. Item 0 of every internal page has
 * an empty key, which libdb treats as smaller than any key. The key of child i &gt; 0 is the
 * shortest prefix of its first key that still sorts after the last key of the child before it.
 *
 * <h3>Off-page duplicate trees (both formats)</h3>
 *
 * <p>libdb 5.3's shape for unsorted duplicates: leaves of type 6 (level 1) holding only the values,
 * as BKEYDATA or BOVERFLOW items, in order, chained with prev/next; above them internal pages of
 * type 4 whose 8-byte items are {@code u32 child pgno, u32 number of values below}; the root
 * internal page carries the total number of values in its prev field (other internal pages 0).
 * Pages from the root: the root, the other internal pages top-down, then each leaf followed by its
 * values' overflow chains. A single leaf is the root.
 *
 * <h2>The cdb files we write</h2>
 *
 * <p>Byte for byte what tinycdb's {@code cdb -c} writes for the same records in the same order;
 * all integers little-endian u32, nothing aligned:
 *
 * <pre>
 *  0      2048  header: for table t = 0..255, u32 position of the table, u32 number of slots
 *  2048         records in input order: u32 key length, u32 value length, key, value
 *  ...          tables 0..255, each 2 * (records in it) slots of u32 hash, u32 record position
 * </pre>
 *
 * <p>Hash: h = 5381; for every unsigned byte c, h = (h * 33) ^ c mod 2^32. A record belongs to
 * table h &amp; 255 and starts probing at slot (h &gt;&gt;&gt; 8) mod slots, moving to the next slot (with
 * wrap-around) while it is taken. An empty table has 0 slots and the position where it would
 * start. Duplicates are all stored; lookups return the first.
 */
package io.accessctl.mapfile;
