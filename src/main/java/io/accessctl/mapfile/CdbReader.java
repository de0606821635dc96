package io.accessctl.mapfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Reads cdb files (tinycdb, D. J. Bernstein's cdbmake, and ours). */
final class CdbReader implements MapReader {
  private final Path file;
  private final ByteBuffer buf;
  /** Records occupy [HEADER_SIZE, recordsEnd); the tables follow. */
  private final long recordsEnd;
  private long size = -1;

  CdbReader(Path file) throws IOException {
    this.file = file;
    this.buf = MappedFile.map(file).order(ByteOrder.LITTLE_ENDIAN);
    if (buf.capacity() < Cdb.HEADER_SIZE || !Cdb.isConsistentHeader(buf, buf.capacity())) {
      throw new IOException(file + ": not a cdb file (inconsistent table directory)");
    }
    recordsEnd = u32(Cdb.HEADER_POS);
  }

  @Override
  public MapFormat format() {
    return MapFormat.CDB;
  }

  private long u32(long at) {
    if (at + Integer.BYTES > buf.capacity()) {
      throw corrupt("read past the end of the file at offset " + at);
    }
    return Integer.toUnsignedLong(buf.getInt((int) at));
  }

  private byte[] bytes(long at, long len) {
    if (at + len > recordsEnd) {
      throw corrupt("record at offset " + at + " runs past the records");
    }
    byte[] out = new byte[(int) len];
    buf.get((int) at, out);
    return out;
  }

  @Override
  public Optional<byte[]> get(byte[] key) {
    int h = Cdb.hash(key);
    int t = h & Cdb.TABLE_MASK;
    long pos = u32((long) t * Cdb.HEADER_ENTRY_SIZE + Cdb.HEADER_POS);
    long slots = u32((long) t * Cdb.HEADER_ENTRY_SIZE + Cdb.HEADER_SLOTS);
    if (slots == 0) {
      return Optional.empty();
    }
    long s = Integer.toUnsignedLong(h >>> Cdb.TABLE_BITS) % slots;
    for (long probe = 0; probe < slots; probe++) {
      long slot = pos + s * Cdb.SLOT_SIZE;
      long rec = u32(slot + Cdb.SLOT_POS);
      if (rec == 0) {
        return Optional.empty();
      }
      if ((int) u32(slot + Cdb.SLOT_HASH) == h && u32(rec + Cdb.RECORD_KLEN) == key.length) {
        byte[] k = bytes(rec + Cdb.RECORD_HEADER_SIZE, key.length);
        if (java.util.Arrays.equals(k, key)) {
          long vlen = u32(rec + Cdb.RECORD_VLEN);
          return Optional.of(bytes(rec + Cdb.RECORD_HEADER_SIZE + key.length, vlen));
        }
      }
      s = s + 1 == slots ? 0 : s + 1;
    }
    return Optional.empty();
  }

  @Override
  public void forEach(BiConsumer<byte[], byte[]> action) {
    for (long at = Cdb.HEADER_SIZE; at < recordsEnd; ) {
      long klen = u32(at + Cdb.RECORD_KLEN);
      long vlen = u32(at + Cdb.RECORD_VLEN);
      byte[] k = bytes(at + Cdb.RECORD_HEADER_SIZE, klen);
      byte[] v = bytes(at + Cdb.RECORD_HEADER_SIZE + klen, vlen);
      action.accept(k, v);
      at += Cdb.RECORD_HEADER_SIZE + klen + vlen;
    }
  }

  @Override
  public long size() {
    if (size < 0) {
      long n = 0;
      for (long at = Cdb.HEADER_SIZE; at < recordsEnd; n++) {
        at += Cdb.RECORD_HEADER_SIZE + u32(at + Cdb.RECORD_KLEN) + u32(at + Cdb.RECORD_VLEN);
      }
      size = n;
    }
    return size;
  }

  @Override
  public void close() {
    // the mapping is released by the garbage collector
  }

  private UncheckedIOException corrupt(String what) {
    return new UncheckedIOException(new IOException(file + ": damaged cdb file: " + what));
  }
}
