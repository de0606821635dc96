package io.accessctl.status;

import io.accessctl.source.AccessSource;
import io.accessctl.source.Entry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries on which a text map and its db disagree, as compile would see them: the first of
 * repeated keys counts (makemap's default) or, with -r, the last; keys are compared as stored
 * (folded unless -f).
 *
 * @param shown at most {@link #MAX_SHOWN} differences: the text's in line order, then the db's own
 * @param total how many differences there are in all
 * @param textEntries distinct keys in the text
 */
public record DbDiff(List<Difference> shown, int total, int textEntries) {
  /** Differences listed; the rest are counted. */
  public static final int MAX_SHOWN = 10;

  public DbDiff {
    shown = List.copyOf(shown);
  }

  public boolean inStep() {
    return total == 0;
  }

  public static DbDiff between(AccessSource text, DbContent db) {
    return between(text, db, false);
  }

  /** @param lastWins a repeated key replaces the earlier one (compile -r, makemap -r) */
  public static DbDiff between(AccessSource text, DbContent db, boolean lastWins) {
    Map<String, Entry> expected = new LinkedHashMap<>();
    for (Entry e : text.entries()) {
      if (lastWins) {
        expected.put(e.storedKey(), e);
      } else {
        expected.putIfAbsent(e.storedKey(), e);
      }
    }
    List<Entry> order = new ArrayList<>(expected.values());
    order.sort(Comparator.comparingInt(Entry::lineNumber));
    List<Difference> shown = new ArrayList<>();
    int total = 0;
    for (Entry e : order) {
      String inDb = db.entries().get(e.storedKey());
      Difference d = null;
      if (inDb == null) {
        d = new Difference(Difference.Kind.ONLY_IN_TEXT, e.storedKey(), e.value(), null,
            e.lineNumber());
      } else if (!inDb.equals(e.value())) {
        d = new Difference(Difference.Kind.DIFFERENT_VALUE, e.storedKey(), e.value(), inDb,
            e.lineNumber());
      }
      if (d != null) {
        total++;
        if (shown.size() < MAX_SHOWN) {
          shown.add(d);
        }
      }
    }
    for (Map.Entry<String, String> r : db.entries().entrySet()) {
      if (!expected.containsKey(r.getKey())) {
        total++;
        if (shown.size() < MAX_SHOWN) {
          shown.add(new Difference(Difference.Kind.ONLY_IN_DB, r.getKey(), null, r.getValue(), 0));
        }
      }
    }
    return new DbDiff(shown, total, order.size());
  }
}
