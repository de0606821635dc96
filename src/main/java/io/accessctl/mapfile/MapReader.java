package io.accessctl.mapfile;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Read access to a hash, btree or cdb map file, whether written by us, by makemap (hash tables
 * grown by incremental splits, btrees with internal pages, big items, duplicates) or by tinycdb.
 * Berkeley DB files are read in either byte order.
 *
 * <p>The file is memory-mapped read-only when opened; a reader sees the file it opened even after
 * it has been replaced by a rename. A structurally broken file makes the methods throw {@link
 * java.io.UncheckedIOException} naming the file and the page. Only {@link #get} may be called
 * from several threads at once: it reads the mapping at absolute offsets and keeps no state but
 * what any thread may build and publish whole (the hash reader's bucket tables).
 */
public interface MapReader extends Closeable {

  MapFormat format();

  /** The value of the first record with exactly this key (no case folding, no NUL handling). */
  Optional<byte[]> get(byte[] key);

  /**
   * Every record in file order, which is the order {@code makemap -u} prints (bucket order for
   * hash, key order for btree, insertion order for cdb); duplicates in the order stored.
   */
  void forEach(BiConsumer<byte[], byte[]> action);

  /** The number of records, duplicates included. */
  long size();

  /** Opens a file of any format, detected from the contents (see {@link MapFormat#detect}). */
  static MapReader open(Path file) throws IOException {
    return MapFormat.detect(file).reader(file);
  }
}
