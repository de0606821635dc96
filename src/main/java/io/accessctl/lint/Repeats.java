package io.accessctl.lint;

import io.accessctl.source.AccessSource;
import io.accessctl.source.Entry;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
   * What findings that say the same share. A record, not a joined string: a report of tens of
   * thousands of findings hashes each message once (a string keeps its hash), not a copy of it.
   */
  private record Group(String ruleId, Severity severity, String says) {
    static Group of(Diagnostic d) {
      return new Group(d.ruleId(), d.severity(), Repeats.says(d));
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
    Map<Group, List<Diagnostic>> groups = new HashMap<>();
    List<List<Diagnostic>> groupOf = new ArrayList<>(found.size());
    boolean folds = false;
    Thread hasher = hashAhead(found);
    for (Diagnostic d : found) {
      List<Diagnostic> g = groups.computeIfAbsent(Group.of(d), k -> new ArrayList<>());
      g.add(d);
      groupOf.add(g);
      folds |= g.size() > MOST;
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
    BitSet entries = null;
    List<Diagnostic> out = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      Diagnostic d = found.get(i);
      List<Diagnostic> g = groupOf.get(i);
      if (g.size() <= MOST) {
        out.add(d);
      } else if (g.get(0) == d) {
        if (entries == null) {
          entries = entryLines(source);
        }
        out.add(new Diagnostic(d.file(), d.line(), d.column(), d.severity(), d.rule(),
            g.size() + " times (lines " + lines(g, source, entries) + "): " + says(d),
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
