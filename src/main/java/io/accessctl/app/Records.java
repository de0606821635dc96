package io.accessctl.app;

import io.accessctl.mapfile.Record;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Bytes;
import io.accessctl.source.Entry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns parsed entries into the records a map file stores, with makemap's duplicate policies. */
public final class Records {
  private Records() {}

  /** What happens to a key that comes again. */
  public enum Duplicates {
    /** makemap's default: the first value stays (the later lines are errors). */
    FIRST_WINS,
    /** makemap -r: the last value replaces earlier ones. */
    REPLACE,
    /** makemap -d: every record is stored; lookups find the first. */
    KEEP_ALL
  }

  public static List<Record> of(AccessSource src, Duplicates policy, boolean withNul) {
    if (policy == Duplicates.KEEP_ALL) {
      List<Record> out = new ArrayList<>(src.entries().size());
      for (Entry e : src.entries()) {
        out.add(record(e, withNul));
      }
      return out;
    }
    Map<String, Entry> chosen = new LinkedHashMap<>(src.entries().size() * 2);
    for (Entry e : src.entries()) {
      if (policy == Duplicates.REPLACE) {
        chosen.put(e.storedKey(), e);
      } else {
        chosen.putIfAbsent(e.storedKey(), e);
      }
    }
    List<Record> out = new ArrayList<>(chosen.size());
    for (Entry e : chosen.values()) {
      out.add(record(e, withNul));
    }
    return out;
  }

  public static Record record(Entry e, boolean withNul) {
    return new Record(bytes(e.storedKey(), withNul), bytes(e.value(), withNul));
  }

  private static byte[] bytes(String latin1, boolean withNul) {
    if (!withNul) {
      return Bytes.bytes(latin1);
    }
    byte[] b = new byte[latin1.length() + 1];
    for (int i = 0; i < latin1.length(); i++) {
      b[i] = (byte) latin1.charAt(i);
    }
    return b;
  }
}
