package io.accessctl.mapfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.util.List;

/**
 * Writes a cdb file byte-for-byte as tinycdb's {@code cdb -c} does for the same records in the
 * same order: header, records in input order, then the 256 hash tables. Duplicate keys are all
 * stored (tinycdb's "add" mode) and a lookup finds the first; the writer does not check for them.
 */
final class CdbWriter implements MapWriter {
  private static final int CHUNK_BYTES = 1 << 20;

  @Override
  public void write(List<Record> records, WritableByteChannel out, WriteOptions opts)
      throws IOException {
    int n = records.size();
    int[] hashes = new int[n];
    int[] pos = new int[n];
    int[] perTable = new int[Cdb.TABLES];
    long at = Cdb.HEADER_SIZE;
    for (int i = 0; i < n; i++) {
      Record r = records.get(i);
      hashes[i] = Cdb.hash(r.key());
      perTable[hashes[i] & Cdb.TABLE_MASK]++;
      pos[i] = (int) at;
      at += Cdb.RECORD_HEADER_SIZE + (long) r.key().length + r.value().length;
      if (at > Cdb.MAX_FILE_SIZE) {
        throw new IllegalArgumentException("cdb file would exceed 4 GB");
      }
    }
    // table t occupies slots [tableStart[t], tableStart[t+1]) of one array of (hash, pos) pairs
    int[] tableStart = new int[Cdb.TABLES + 1];
    for (int t = 0; t < Cdb.TABLES; t++) {
      tableStart[t + 1] = tableStart[t] + Cdb.SLOTS_PER_RECORD * perTable[t];
    }
    long end = at + (long) tableStart[Cdb.TABLES] * Cdb.SLOT_SIZE;
    if (end > Cdb.MAX_FILE_SIZE) {
      throw new IllegalArgumentException("cdb file would exceed 4 GB");
    }
    int[] slotHash = new int[tableStart[Cdb.TABLES]];
    int[] slotPos = new int[tableStart[Cdb.TABLES]];
    for (int i = 0; i < n; i++) {
      int t = hashes[i] & Cdb.TABLE_MASK;
      int slots = tableStart[t + 1] - tableStart[t];
      int s = (hashes[i] >>> Cdb.TABLE_BITS) % slots;
      while (slotPos[tableStart[t] + s] != 0) {
        s = s + 1 == slots ? 0 : s + 1;
      }
      slotHash[tableStart[t] + s] = hashes[i];
      slotPos[tableStart[t] + s] = pos[i];
    }

    ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (int t = 0; t < Cdb.TABLES; t++) {
      buf.putInt((int) (at + (long) tableStart[t] * Cdb.SLOT_SIZE));
      buf.putInt(tableStart[t + 1] - tableStart[t]);
    }
    for (Record r : records) {
      ensure(buf, out, Cdb.RECORD_HEADER_SIZE);
      buf.putInt(r.key().length);
      buf.putInt(r.value().length);
      put(buf, out, r.key());
      put(buf, out, r.value());
    }
    for (int s = 0; s < slotHash.length; s++) {
      ensure(buf, out, Cdb.SLOT_SIZE);
      buf.putInt(slotHash[s]);
      buf.putInt(slotPos[s]);
    }
    drain(buf, out);
  }

  private static void ensure(ByteBuffer buf, WritableByteChannel out, int bytes)
      throws IOException {
    if (buf.remaining() < bytes) {
      drain(buf, out);
    }
  }

  private static void put(ByteBuffer buf, WritableByteChannel out, byte[] data) throws IOException {
    int off = 0;
    while (off < data.length) {
      if (!buf.hasRemaining()) {
        drain(buf, out);
      }
      int len = Math.min(buf.remaining(), data.length - off);
      buf.put(data, off, len);
      off += len;
    }
  }

  private static void drain(ByteBuffer buf, WritableByteChannel out) throws IOException {
    buf.flip();
    while (buf.hasRemaining()) {
      out.write(buf);
    }
    buf.clear();
  }
}
