package io.accessctl.lint;

import io.accessctl.source.AccessSource;
import io.accessctl.source.Entry;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

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

  private static String says(Diagnostic d) {
    return d.advice() != null ? d.advice() : d.message();
  }

  /** Whether {@code a} and {@code b} say the same: one rule, one severity, the same text. */
  private static boolean same(Diagnostic a, Diagnostic b) {
    return a.severity() == b.severity() && a.ruleId().equals(b.ruleId())
        && Objects.equals(says(a), says(b));
  }

  /** A hash of what {@link #same} compares. */
  private static int hash(Diagnostic d) {
    return (31 * d.ruleId().hashCode() + d.severity().ordinal()) * 31 + Objects.hashCode(says(d));
  }

  /**
   * From this many findings on, a second thread hashes the second half while this one hashes the
   * first: composing and hashing the texts is most of the grouping's cost.
   */
  private static final int PARALLEL_FROM = 4096;

  /**
   * The {@link #hash} of every finding. From {@link #PARALLEL_FROM} findings on, a second thread
   * hashes the second half while this one hashes the first.
   */
  private static final class Hashes extends Thread {
    private final List<Diagnostic> found;
    private final int[] hash;
    private final int half;
    private final CountDownLatch hashed = new CountDownLatch(1);
    private volatile Throwable failed;

    private Hashes(List<Diagnostic> found) {
      super("accessctl-fold");
      setDaemon(true);
      this.found = found;
      int n = found.size();
      this.hash = new int[n];
      this.half = n < PARALLEL_FROM || Runtime.getRuntime().availableProcessors() < 2 ? n : n / 2;
    }

    /** The hashes of {@code found}, the second thread started when it is worth it. */
    static Hashes of(List<Diagnostic> found) {
      Hashes h = new Hashes(found);
      if (h.half < found.size()) {
        h.start();
      }
      return h;
    }

    @Override
    public void run() {
      try {
        hash(found, half, found.size(), hash);
      } catch (RuntimeException | Error e) { // handed to the folding thread, which throws it
        failed = e;
      }
      hashed.countDown();
    }

    /** Every finding's hash. */
    int[] hashes() {
      hash(found, 0, half, hash);
      if (half < found.size()) {
        try {
          hashed.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while folding findings", e);
        }
        rethrow();
      }
      return hash;
    }

    private void rethrow() {
      if (failed instanceof RuntimeException e) {
        throw e;
      }
      if (failed instanceof Error e) {
        throw e;
      }
    }
  }

  private static void hash(List<Diagnostic> found, int from, int to, int[] hash) {
    for (int i = from; i < to; i++) {
      hash[i] = hash(found.get(i));
    }
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
    Hashes hashes = Hashes.of(found);
    int[] hash = hashes.hashes();
    // groups in an open-addressed table: the first finding of each (plus one; 0 is a free slot)
    // and its size; a finding is hashed and compared, never wrapped in a key object
    int mask = Integer.highestOneBit(Math.max(16, n) * 2) * 2 - 1;
    int[] first = new int[mask + 1];
    int[] size = new int[mask + 1];
    int[] groupOf = new int[n];
    boolean folds = false;
    for (int i = 0; i < n; i++) {
      int h = hash[i];
      int slot = (h ^ (h >>> 16)) & mask;
      while (first[slot] != 0) {
        int j = first[slot] - 1;
        if (hash[j] == h && same(found.get(j), found.get(i))) {
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (first[slot] == 0) {
        first[slot] = i + 1;
      }
      folds |= ++size[slot] > MOST;
      groupOf[i] = slot;
    }
    if (!folds) {
      return found;
    }
    EntryLines entries = new EntryLines(source.entries());
    List<Diagnostic> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int g = groupOf[i];
      Diagnostic d = found.get(i);
      if (size[g] <= MOST) {
        out.add(d);
      } else if (first[g] == i + 1) {
        out.add(new Diagnostic(d.file(), d.line(), d.column(), d.severity(), d.rule(),
            size[g] + " times (lines " + lines(found, groupOf, g, i, source, entries) + "): "
                + says(d),
            d.sourceText(), d.fixable(), d.advice()));
      }
    }
    return out;
  }

  /**
   * Which lines hold entries, found by binary search in the file's entries (in line order): a
   * fold asks about the few lines its groups span, where a set of all the entries' lines cost a
   * walk over a large map's every entry.
   */
  private record EntryLines(List<Entry> entries) {
    /** The first line after {@code line} that holds an entry, or -1. */
    int after(int line) {
      int lo = 0;
      int hi = entries.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (entries.get(mid).lineNumber() <= line) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo < entries.size() ? entries.get(lo).lineNumber() : -1;
    }

    boolean holds(int line) {
      return after(line - 1) == line;
    }
  }

  /**
   * The lines of the findings of group {@code g}, the first at {@code from}, as ranges. A range
   * of entries runs on over comments and blank lines between them; a range of other lines only
   * over blank lines.
   */
  private static String lines(List<Diagnostic> found, int[] groupOf, int g, int from,
      AccessSource source, EntryLines entries) {
    BitSet marked = new BitSet();
    boolean allEntries = true;
    for (int i = from; i < groupOf.length; i++) {
      if (groupOf[i] == g) {
        int line = found.get(i).line();
        marked.set(line);
        allEntries &= entries.holds(line);
      }
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

  private static boolean bridged(int from, int to, EntryLines entries, boolean overComments,
      AccessSource source) {
    int next = entries.after(from);
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
