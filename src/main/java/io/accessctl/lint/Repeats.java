package io.accessctl.lint;

import io.accessctl.source.AccessSource;
import io.accessctl.source.Entry;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Folds the findings that say the same on many lines of a file into one, for reports. A legacy
 * map of a hundred untagged entries deserves one paragraph saying so, with the lines it concerns,
 * not a hundred copies of it: a reader who sees the same text screen after screen stops reading.
 *
 * <p>Findings say the same when they come from one rule with one severity and either share their
 * {@linkplain Diagnostic#advice advice} or have the same message. The {@link Linter} itself
 * reports every line, for callers that judge lines one by one.
 */
public final class Repeats {
  /** The most findings of one advice reported one by one; more are reported once. */
  static final int MOST = 3;

  private Repeats() {}

  /**
   * Findings that say the same: what they share, and how many there are. A class of its own, not a
   * record or a joined string: a report of tens of thousands of findings hashes each text once (a
   * string keeps its hash) and compares nothing else, where a record's generated hashCode and equals
   * cost a bootstrap on first use and a method-handle call on every finding.
   */
  private static final class Group {
    private final String ruleId;
    private final Severity severity;
    private final String says;
    private final int hash;
    private int size;
    /** The findings, gathered only for a group that folds. */
    private List<Diagnostic> members;

    Group(Diagnostic d) {
      this.ruleId = d.ruleId();
      this.severity = d.severity();
      this.says = says(d);
      this.hash = (31 * ruleId.hashCode() + severity.ordinal()) * 31 + Objects.hashCode(says);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Group g && hash == g.hash && severity == g.severity
          && ruleId.equals(g.ruleId) && Objects.equals(says, g.says);
    }

    boolean folds() {
      return size > MOST;
    }
  }

  private static String says(Diagnostic d) {
    return d.advice() != null ? d.advice() : d.message();
  }

  /**
   * From this many findings on, a second thread hashes the texts of the second half while this
   * one groups the first: the strings keep their hashes, which are most of the grouping's cost.
   */
  private static final int PARALLEL_FROM = 4096;

  /** Hashes the texts of the second half of {@code found} on a thread of its own, if worth it. */
  private static Thread hashAhead(List<Diagnostic> found) {
    if (found.size() < PARALLEL_FROM || Runtime.getRuntime().availableProcessors() < 2) {
      return null;
    }
    List<Diagnostic> second = found.subList(found.size() / 2, found.size());
    Thread t = new Thread(() -> {
      for (Diagnostic d : second) {
        says(d).hashCode();
      }
    }, "accessctl-fold");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * The findings of one file with every group of more than {@link #MOST} that say the same
   * replaced by one, at the first one's place, whose message counts them, names their lines and
   * gives the advice.
   */
  public static List<Diagnostic> fold(List<Diagnostic> found, AccessSource source) {
    int n = found.size();
    if (n <= MOST) {
      return found;
    }
    Map<Group, Group> groups = new HashMap<>(Math.max(16, n * 4 / 3 + 1));
    Group[] groupOf = new Group[n];
    boolean folds = false;
    Thread hasher = hashAhead(found);
    for (int i = 0; i < n; i++) {
      Group key = new Group(found.get(i));
      Group g = groups.putIfAbsent(key, key);
      if (g == null) {
        g = key;
      }
      g.size++;
      groupOf[i] = g;
      folds |= g.folds();
    }
    if (hasher != null) {
      try {
        hasher.join(); // done by now: it only ran ahead of the loop above
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!folds) {
      return found;
    }
    for (int i = 0; i < n; i++) {
      Group g = groupOf[i];
      if (g.folds()) {
        if (g.members == null) {
          g.members = new ArrayList<>(g.size);
        }
        g.members.add(found.get(i));
      }
    }
    BitSet entries = entryLines(source);
    List<Diagnostic> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Diagnostic d = found.get(i);
      Group g = groupOf[i];
      if (!g.folds()) {
        out.add(d);
      } else if (g.members.get(0) == d) {
        out.add(new Diagnostic(d.file(), d.line(), d.column(), d.severity(), d.rule(),
            g.size + " times (lines " + lines(g.members, source, entries) + "): " + g.says,
            d.sourceText(), d.fixable(),
            d.advice()));
      }
    }
    return out;
  }

  /** The numbers of the lines that hold entries. */
  private static BitSet entryLines(AccessSource source) {
    BitSet entries = new BitSet();
    for (Entry e : source.entries()) {
      entries.set(e.line().number());
    }
    return entries;
  }

  /**
   * The lines of the findings as ranges. A range of entries runs on over comments and blank
   * lines between them; a range of other lines only over blank lines.
   */
  static String lines(List<Diagnostic> group, AccessSource source) {
    return lines(group, source, entryLines(source));
  }

  private static String lines(List<Diagnostic> group, AccessSource source, BitSet entries) {
    BitSet marked = new BitSet();
    boolean allEntries = true;
    for (Diagnostic d : group) {
      marked.set(d.line());
      allEntries &= entries.get(d.line());
    }
    StringBuilder sb = new StringBuilder();
    int start = -1;
    int last = -1;
    for (int n = marked.nextSetBit(0); n >= 0; n = marked.nextSetBit(n + 1)) {
      if (start >= 0 && !bridged(last, n, entries, allEntries, source)) {
        range(sb, start, last);
        start = -1;
      }
      if (start < 0) {
        start = n;
      }
      last = n;
    }
    range(sb, start, last);
    return sb.toString();
  }

  private static boolean bridged(int from, int to, BitSet entries, boolean overComments,
      AccessSource source) {
    int next = entries.nextSetBit(from + 1);
    if (next >= 0 && next < to) {
      return false;
    }
    if (!overComments) {
      for (int n = from + 1; n < to; n++) {
        if (!source.line(n).text().isBlank()) {
          return false;
        }
      }
    }
    return from > 0;
  }

  private static void range(StringBuilder sb, int from, int to) {
    if (sb.length() > 0) {
      sb.append(", ");
    }
    sb.append(from);
    if (to != from) {
      sb.append('-').append(to);
    }
  }
}
