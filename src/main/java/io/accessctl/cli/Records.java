package io.accessctl.cli;

import io.accessctl.mapfile.Record;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Bytes;
import io.accessctl.source.CompileScan;
import io.accessctl.source.Entry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns parsed entries into the records a map file stores, with makemap's duplicate policies. */
final class Records {
  private Records() {}

  /** What happens to a key that comes again. */
  enum Duplicates {
    /** makemap's default: the first value stays (the later lines are errors). */
    FIRST_WINS,
    /** makemap -r: the last value replaces earlier ones. */
    REPLACE,
    /** makemap -d: every record is stored; lookups find the first. */
    KEEP_ALL
  }

  static List<Record> of(AccessSource src, Duplicates policy, boolean withNul) {
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

  /** The records of a clean scanned map (no duplicates, so every policy keeps all of them). */
  static List<Record> of(CompileScan.Ranges r, boolean withNul) {
    int extra = withNul ? 1 : 0;
    List<Record> out = new ArrayList<>(r.count());
    for (int i = 0; i < r.count(); i++) {
      out.add(new Record(r.storedKey(i, extra), r.value(i, extra)));
    }
    return out;
  }

  static Record record(Entry e, boolean withNul) {
    return new Record(Bytes.bytes(e.storedKey(), withNul), Bytes.bytes(e.value(), withNul));
  }
}
