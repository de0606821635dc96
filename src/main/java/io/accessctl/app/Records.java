package io.accessctl.app;

import io.accessctl.mapfile.Record;
import io.accessctl.mapfile.RecordSource;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Entry;
import io.accessctl.source.SyntaxIssue;
import java.util.Collection;
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
    return source(src, policy, withNul).toList();
  }

  /**
   * The records {@link #of} makes, as a source that makes no object for each: a writer copies
   * each stored key straight from its line into its own layout.
   */
  public static RecordSource source(AccessSource src, Duplicates policy, boolean withNul) {
    // The parser reports every repeated key; without one, every policy keeps every entry.
    List<Entry> kept = policy == Duplicates.KEEP_ALL || !hasRepeatedKeys(src)
        ? src.entries() : List.copyOf(chosen(src.entries(), policy));
    int nul = withNul ? 1 : 0;
    SharedValues values = new SharedValues(nul);
    return new RecordSource() {
      @Override
      public int size() {
        return kept.size();
      }

      @Override
      public int keyLength(int i) {
        return kept.get(i).keyLength() + nul;
      }

      @Override
      public void copyKey(int i, byte[] dst, int at) {
        kept.get(i).copyStoredKey(dst, at, nul);
      }

      @Override
      public byte[] value(int i) {
        return values.of(kept.get(i));
      }
    };
  }

  private static boolean hasRepeatedKeys(AccessSource src) {
    return src.issues().stream().anyMatch(i -> i.kind() == SyntaxIssue.Kind.DUPLICATE_KEY);
  }

  private static Collection<Entry> chosen(List<Entry> entries, Duplicates policy) {
    Map<String, Entry> chosen = new LinkedHashMap<>(entries.size() * 2);
    for (Entry e : entries) {
      if (policy == Duplicates.REPLACE) {
        chosen.put(e.storedKey(), e);
      } else {
        chosen.putIfAbsent(e.storedKey(), e);
      }
    }
    return chosen.values();
  }
}
