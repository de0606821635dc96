package io.accessctl.lint;

import io.accessctl.source.AccessSource;
import io.accessctl.source.Entry;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * Whether {@code a} and {@code b} say the same: one rule, one severity, the same text (the
   * advice where there is one, else the message), compared as the parts it is kept in.
   */
  private static boolean same(Diagnostic a, Diagnostic b) {
    if (a.severity() != b.severity() || !a.ruleId().equals(b.ruleId())) {
      return false;
    }
    String adviceA = a.advice();
    String adviceB = b.advice();
    if (adviceA != null && adviceB != null) {
      return adviceA.equals(adviceB);
    }
    if (adviceA == null && adviceB == null) {
      return Objects.equals(a.text(), b.text());
    }
    Message text = adviceA == null ? a.text() : b.text();
    return text != null && text.contentEquals(adviceA == null ? adviceB : adviceA);
  }

  /**
   * A hash of what {@link #same} compares: a message's is its text's, made of its parts'
   * ({@link Message#hashCode}), so it agrees with an advice of the same words.
   */
  private static int hash(Diagnostic d) {
    String advice = d.advice();
    int says = advice != null ? advice.hashCode() : Objects.hashCode(d.text());
    return (31 * d.ruleId().hashCode() + d.severity().ordinal()) * 31 + says;
  }

  /** What the findings of a group say: the advice, or else the message. */
  private static Message says(Diagnostic d) {
    Message text = d.advice() != null ? Message.of(d.advice()) : d.text();
    return text != null ? text : Message.of(String.valueOf((Object) null));
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
    // groups in an open-addressed table: the first finding of each (plus one; 0 is a free slot),
    // its size and its last finding; a finding is hashed and compared, never wrapped in a key
    // object. Each finding's next in its group (plus one; 0 for none) chains the group, so that
    // its lines are found without a walk over all the findings.
    int mask = Integer.highestOneBit(Math.max(16, n) * 2) * 2 - 1;
    int[] first = new int[mask + 1];
    int[] size = new int[mask + 1];
    int[] last = new int[mask + 1];
    int[] groupOf = new int[n];
    int[] next = new int[n];
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
      } else {
        next[last[slot]] = i + 1;
      }
      last[slot] = i;
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
        String lines = lines(found, next, i, source, entries);
        out.add(new Diagnostic(d.file(), d.line(), d.column(), d.severity(), d.rule(),
            says(d).after(size[g] + " times (lines " + lines + "): "), d.sourceText(),
            d.fixable(), d.advice()));
      }
    }
    return out;
  }

  /**
   * Which lines hold entries, found in the file's entries (in line order) by a search from where
   * the last one ended: a fold asks about the lines of its groups in order, where a set of all
   * the entries' lines cost a walk over a large map's every entry.
   */
  private static final class EntryLines {
    private final List<Entry> entries;
    /** Where the last search ended: every entry before it is on a line it asked about or before. */
    private int at;

    EntryLines(List<Entry> entries) {
      this.entries = entries;
    }

    /** The first line after {@code line} that holds an entry, or -1. */
    int after(int line) {
      int size = entries.size();
      int lo = 0;
      int hi = size;
      if (at > 0 && entries.get(at - 1).lineNumber() <= line) {
        // gallop on from the last answer: the next question is most often a few entries on
        lo = at;
        for (int step = 1; lo + step - 1 < size; step <<= 1) {
          if (entries.get(lo + step - 1).lineNumber() > line) {
            hi = lo + step - 1;
            break;
          }
          lo += step;
        }
        lo = Math.min(lo, size);
        hi = Math.max(lo, Math.min(hi, size));
      }
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (entries.get(mid).lineNumber() <= line) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      at = lo;
      return lo < size ? entries.get(lo).lineNumber() : -1;
    }

    boolean holds(int line) {
      return after(line - 1) == line;
    }
  }

  /**
   * The lines of the findings of a group, from the one at {@code from} on ({@code next} chains
   * them, plus one), as ranges. A range of entries runs on over comments and blank lines between
   * them; a range of other lines only over blank lines.
   */
  private static String lines(List<Diagnostic> found, int[] next, int from, AccessSource source,
      EntryLines entries) {
    int count = 0;
    for (int i = from; i >= 0; i = next[i] - 1) {
      if (found.get(i).entry() < 0) {
        return linesOf(found, next, from, source, entries);
      }
      count++;
    }
    return entryLines(found, next, from, count);
  }

  /**
   * {@link #lines} of a group whose findings are all about entries: two run on when no entry
   * lies between them, which the entries' numbers tell without a look at the file.
   */
  private static String entryLines(List<Diagnostic> found, int[] next, int from, int count) {
    // entry number and line, packed to sort as numbers: the entries are in line order
    long[] at = new long[count];
    int k = 0;
    for (int i = from; i >= 0; i = next[i] - 1) {
      Diagnostic d = found.get(i);
      at[k++] = (long) d.entry() << 32 | d.line();
    }
    Arrays.sort(at);
    StringBuilder sb = new StringBuilder();
    int start = -1;
    int last = -1;
    int lastEntry = -1;
    for (long a : at) {
      int entry = (int) (a >>> 32);
      int line = (int) a;
      if (start >= 0 && entry == lastEntry) {
        continue; // another finding on the same line
      }
      if (start >= 0 && entry != lastEntry + 1) {
        range(sb, start, last);
        start = -1;
      }
      if (start < 0) {
        start = line;
      }
      last = line;
      lastEntry = entry;
    }
    range(sb, start, last);
    return sb.toString();
  }

  /** {@link #lines} of any group, its lines looked up in the file. */
  private static String linesOf(List<Diagnostic> found, int[] next, int from,
      AccessSource source, EntryLines entries) {
    BitSet marked = new BitSet();
    boolean allEntries = true;
    for (int i = from; i >= 0; i = next[i] - 1) {
      int line = found.get(i).line();
      marked.set(line);
      allEntries &= entries.holds(line);
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
