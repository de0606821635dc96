package io.accessctl.lint;

import io.accessctl.source.AccessSource;
import io.accessctl.source.Entry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

  private static String group(Diagnostic d) {
    return d.ruleId() + '\0' + d.severity().ordinal() + '\0'
        + (d.advice() != null ? d.advice() : d.message());
  }

  /**
   * The findings of one file with every group of more than {@link #MOST} that say the same
   * replaced by one, at the first one's place, whose message counts them, names their lines and
   * gives the advice.
   */
  public static List<Diagnostic> fold(List<Diagnostic> found, AccessSource source) {
    Map<String, List<Diagnostic>> groups = new LinkedHashMap<>();
    for (Diagnostic d : found) {
      groups.computeIfAbsent(group(d), g -> new ArrayList<>()).add(d);
    }
    if (groups.values().stream().noneMatch(g -> g.size() > MOST)) {
      return found;
    }
    List<Diagnostic> out = new ArrayList<>(found.size());
    for (Diagnostic d : found) {
      List<Diagnostic> g = groups.get(group(d));
      if (g.size() <= MOST) {
        out.add(d);
      } else if (g.get(0) == d) {
        out.add(new Diagnostic(d.file(), d.line(), d.column(), d.severity(), d.rule(),
            g.size() + " times (lines " + lines(g, source) + "): "
            + (d.advice() != null ? d.advice() : d.message()), d.sourceText(), d.fixable(),
            d.advice()));
      }
    }
    return out;
  }

  /**
   * The lines of the findings as ranges. A range of entries runs on over comments and blank
   * lines between them; a range of other lines only over blank lines.
   */
  static String lines(List<Diagnostic> group, AccessSource source) {
    Set<Integer> entries = new HashSet<>();
    for (Entry e : source.entries()) {
      entries.add(e.line().number());
    }
    TreeSet<Integer> marked = new TreeSet<>();
    for (Diagnostic d : group) {
      marked.add(d.line());
    }
    boolean allEntries = entries.containsAll(marked);
    StringBuilder sb = new StringBuilder();
    int start = -1;
    int last = -1;
    for (int n : marked) {
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

  private static boolean bridged(int from, int to, Set<Integer> entries, boolean overComments,
      AccessSource source) {
    for (int n = from + 1; n < to; n++) {
      if (entries.contains(n) || (!overComments && !source.line(n).text().isBlank())) {
        return false;
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
