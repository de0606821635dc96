package io.accessctl.mapfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Records as a writer reads them, one by one by index, without an object or a key array for each:
 * a writer that lays out a large map copies each key once, straight into its own layout.
 *
 * <p>Index order is input order, as in {@link MapWriter#write(List, java.nio.channels.WritableByteChannel,
 * WriteOptions)}. What a source returns must not change while a writer reads it.
 */
public interface RecordSource {
  /** How many records. */
  int size();

  /** The length in bytes of record {@code i}'s key. */
  int keyLength(int i);

  /** Copies record {@code i}'s key to {@code dst} from {@code at} on. */
  void copyKey(int i, byte[] dst, int at);

  /** Record {@code i}'s value; records may share an array, and no one modifies it. */
  byte[] value(int i);

  /** The records as objects, for a writer that needs them so. */
  default List<Record> toList() {
    List<Record> out = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      byte[] key = new byte[keyLength(i)];
      copyKey(i, key, 0);
      out.add(new Record(key, value(i)));
    }
    return out;
  }

  /** {@code records} as a source. */
  static RecordSource of(List<Record> records) {
    return new RecordSource() {
      @Override
      public int size() {
        return records.size();
      }

      @Override
      public int keyLength(int i) {
        return records.get(i).key().length;
      }

      @Override
      public void copyKey(int i, byte[] dst, int at) {
        byte[] key = records.get(i).key();
        System.arraycopy(key, 0, dst, at, key.length);
      }

      @Override
      public byte[] value(int i) {
        return records.get(i).value();
      }

      @Override
      public List<Record> toList() {
        return records;
      }
    };
  }
}
