package io.accessctl.mapfile;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.List;

/**
 * Writes a whole map file in one sequential pass. Obtain one with {@link MapFormat#writer()}.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface MapWriter {

  /**
   * Writes {@code records} as a complete file to {@code out}, starting at its current position.
   *
   * @param records the records in input order. Keys must be distinct unless {@code
   *     opts.allowDuplicates()}; with duplicates, a lookup returns the first record given for a key
   *     and a dump lists them all in the order given. The list and its arrays are not modified.
   * @param out receives the file's bytes, in order; a {@link java.nio.channels.FileChannel} for
   *     real files, anything for tests. It is not closed or forced.
   * @throws IllegalArgumentException for a repeated key without {@code allowDuplicates} (hash and
   *     btree), or a file that would exceed the format's limits
   */
  void write(List<Record> records, WritableByteChannel out, WriteOptions opts) throws IOException;

  /**
   * As {@link #write(List, WritableByteChannel, WriteOptions)}, reading the records from a source
   * that makes no object for each; a writer that needs the objects makes them.
   */
  default void write(RecordSource records, WritableByteChannel out, WriteOptions opts)
      throws IOException {
    write(records.toList(), out, opts);
  }
}
