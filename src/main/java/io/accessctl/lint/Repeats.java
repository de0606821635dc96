package io.accessctl.lint;

import io.accessctl.source.AccessSource;
import io.accessctl.source.Entry;
import java.nio.charset.StandardCharsets;
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
  private static int hash(String ruleId, Severity severity, Object says) {
    return (31 * ruleId.hashCode() + severity.ordinal()) * 31 + Objects.hashCode(says);
  }

  /** What the findings of a group say: the advice, or else the message. */
  private static Message says(Diagnostic d) {
    Message text = d.advice() != null ? Message.of(d.advice()) : d.text();
    return text != null ? text : Message.of(String.valueOf((Object) null));
  }

  /**
   * From this many findings on, a second thread reads the second half while this one reads the
   * first: composing and hashing the texts is most of the grouping's cost.
   */
  private static final int PARALLEL_FROM = 4096;

  /**
   * What the fold compares and reports of each finding, read from the findings once, into arrays
   * read in order after: tens of thousands of findings lie scattered over the heap, and a fold
   * that went back to them for each comparison and each line waited on memory most of its time.
   * From {@link #PARALLEL_FROM} findings on, a second thread reads the second half while this
   * one reads the first.
   */
  private static final class Keys extends Thread {
    private final List<Diagnostic> found;
    private final int half;
    /** Each finding's {@link #hash}. */
    final int[] hash;
    final String[] ruleId;
    final Severity[] severity;
    /** The advice, else the message (null for none): what {@link #same} compares. */
    final Object[] says;
    final int[] line;
    /** {@link Diagnostic#entry}. */
    final int[] entry;
    private final CountDownLatch read = new CountDownLatch(1);
    private volatile Throwable failed;

    private Keys(List<Diagnostic> found) {
      super("accessctl-fold");
      setDaemon(true);
      this.found = found;
      int n = found.size();
      this.hash = new int[n];
      this.ruleId = new String[n];
      this.severity = new Severity[n];
      this.says = new Object[n];
      this.line = new int[n];
      this.entry = new int[n];
      this.half = n < PARALLEL_FROM || Runtime.getRuntime().availableProcessors() < 2 ? n : n / 2;
    }

    /** The keys of {@code found}, read in full. */
    static Keys of(List<Diagnostic> found) {
      Keys k = new Keys(found);
      if (k.half < found.size()) {
        k.start();
      }
      k.read(0, k.half);
      k.await();
      return k;
    }

    @Override
    public void run() {
      try {
        read(half, found.size());
      } catch (RuntimeException | Error e) { // handed to the folding thread, which throws it
        failed = e;
      }
      read.countDown();
    }

    private void read(int from, int to) {
      for (int i = from; i < to; i++) {
        Diagnostic d = found.get(i);
        String advice = d.advice();
        Object text = advice != null ? advice : d.text();
        ruleId[i] = d.ruleId();
        severity[i] = d.severity();
        says[i] = text;
        line[i] = d.line();
        entry[i] = d.entry();
        hash[i] = hash(ruleId[i], severity[i], text);
      }
    }

    private void await() {
      if (half == found.size()) {
        return;
      }
      try {
        read.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while folding findings", e);
      }
      if (failed instanceof RuntimeException e) {
        throw e;
      }
      if (failed instanceof Error e) {
        throw e;
      }
    }

    /**
     * Whether findings {@code i} and {@code j} say the same ({@link #same}): told by the arrays
     * when they share the very advice or message, as a rule's repeated findings most often do.
     */
    boolean same(int i, int j) {
      if (hash[i] != hash[j] || severity[i] != severity[j]
          || (ruleId[i] != ruleId[j] && !ruleId[i].equals(ruleId[j]))) {
        return false;
      }
      return says[i] == says[j] || Repeats.same(found.get(i), found.get(j));
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
    Keys keys = Keys.of(found);
    int[] hash = keys.hash;
    // groups numbered as they are met, found in an open-addressed table of their numbers (plus
    // one; 0 is a free slot), at most half full; a finding is hashed and compared, never wrapped
    // in a key object. Each finding's next in its group (plus one; 0 for none) chains the group,
    // so that its lines are found without a walk over all the findings.
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(16, n) * 2 - 1);
    int[] table = new int[1 << bits];
    int mask = table.length - 1;
    int[] first = new int[n];
    int[] size = new int[n];
    int[] last = new int[n];
    int[] groupOf = new int[n];
    int[] next = new int[n];
    int groups = 0;
    boolean folds = false;
    for (int i = 0; i < n; i++) {
      int slot = (hash[i] * 0x9E3779B9) >>> (32 - bits); // Fibonacci hashing: texts differ little
      int g;
      while ((g = table[slot] - 1) >= 0 && !keys.same(first[g], i)) {
        slot = (slot + 1) & mask;
      }
      if (g < 0) {
        g = groups++;
        table[slot] = g + 1;
        first[g] = i;
      } else {
        next[last[g]] = i + 1;
      }
      last[g] = i;
      folds |= ++size[g] > MOST;
      groupOf[i] = g;
    }
    if (!folds) {
      return found;
    }
    EntryLines entries = new EntryLines(source.entries());
    List<Diagnostic> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int g = groupOf[i];
      if (size[g] <= MOST) {
        out.add(found.get(i));
      } else if (first[g] == i) {
        Diagnostic d = found.get(i);
        StringBuilder prefix = new StringBuilder(16 + 8 * size[g]);
        prefix.append(size[g]).append(" times (lines ");
        lines(prefix, keys, next, i, source, entries);
        out.add(new Diagnostic(d.file(), d.line(), d.column(), d.severity(), d.rule(),
            says(d).after(prefix.append("): ").toString()), d.sourceText(), d.fixable(),
            d.advice()));
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
   * Appends the lines of the findings of a group, from the one at {@code from} on ({@code next}
   * chains them, plus one), as ranges. A range of entries runs on over comments and blank lines
   * between them; a range of other lines only over blank lines.
   */
  private static void lines(StringBuilder sb, Keys keys, int[] next, int from,
      AccessSource source, EntryLines entries) {
    int[] entry = keys.entry;
    int[] line = keys.line;
    int count = 0;
    // the entries are in line order, and so most often are a group's findings already
    boolean sorted = true;
    long previous = Long.MIN_VALUE;
    for (int i = from; i >= 0; i = next[i] - 1) {
      if (entry[i] < 0) {
        linesOf(sb, keys, next, from, source, entries);
        return;
      }
      long at = (long) entry[i] << 32 | line[i];
      sorted &= previous <= at;
      previous = at;
      count++;
    }
    Ranges ranges = new Ranges(count);
    if (sorted) {
      int lastEntry = -1;
      for (int i = from; i >= 0; i = next[i] - 1) {
        int e = entry[i];
        if (e != lastEntry || ranges.isEmpty()) { // else another finding on the same line
          ranges.add(line[i], e == lastEntry + 1);
          lastEntry = e;
        }
      }
    } else {
      entryLines(ranges, keys, next, from, count);
    }
    ranges.end(sb);
  }

  /**
   * {@link #lines} of a group whose findings are all about entries but not in their order: two
   * run on when no entry lies between them, which the entries' numbers tell without a look at
   * the file.
   */
  private static void entryLines(Ranges ranges, Keys keys, int[] next, int from, int count) {
    // entry number and line, packed to sort as numbers
    long[] at = new long[count];
    int k = 0;
    for (int i = from; i >= 0; i = next[i] - 1) {
      at[k++] = (long) keys.entry[i] << 32 | keys.line[i];
    }
    Arrays.sort(at);
    int lastEntry = -1;
    for (long a : at) {
      int entry = (int) (a >>> 32);
      if (!ranges.isEmpty() && entry == lastEntry) {
        continue; // another finding on the same line
      }
      ranges.add((int) a, entry == lastEntry + 1);
      lastEntry = entry;
    }
  }

  /** {@link #lines} of any group, its lines looked up in the file. */
  private static void linesOf(StringBuilder sb, Keys keys, int[] next, int from,
      AccessSource source, EntryLines entries) {
    BitSet marked = new BitSet();
    boolean allEntries = true;
    for (int i = from; i >= 0; i = next[i] - 1) {
      int line = keys.line[i];
      marked.set(line);
      allEntries &= entries.holds(line);
    }
    Ranges ranges = new Ranges(marked.cardinality());
    for (int n = marked.nextSetBit(0); n >= 0; n = marked.nextSetBit(n + 1)) {
      ranges.add(n, !ranges.isEmpty() && bridged(ranges.last, n, entries, allEntries, source));
    }
    ranges.end(sb);
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

  /**
   * Lines written as ranges ("3-5, 9"), each line added in order, as ASCII digits straight into
   * an array: a fold of a large map's groups writes tens of thousands of them.
   */
  private static final class Ranges {
    private byte[] text;
    private int length;
    private int start = -1;
    private int last = -1;

    /** Ranges of about {@code lines} lines. */
    Ranges(int lines) {
      text = new byte[Math.max(16, lines * 8)];
    }

    boolean isEmpty() {
      return start < 0;
    }

    /** Adds {@code line}; {@code runsOn}: it extends the range of the line added before it. */
    void add(int line, boolean runsOn) {
      if (start >= 0 && !runsOn) {
        write();
        start = line;
      } else if (start < 0) {
        start = line;
      }
      last = line;
    }

    /** Writes the open range, after the ranges written before it. */
    private void write() {
      if (length + 2 * 12 + 3 > text.length) {
        text = Arrays.copyOf(text, text.length * 2);
      }
      if (length > 0) {
        text[length++] = ',';
        text[length++] = ' ';
      }
      number(start);
      if (last != start) {
        text[length++] = '-';
        number(last);
      }
    }

    /** Appends {@code n} (not negative) in decimal. */
    private void number(int n) {
      int digits = 1;
      for (int rest = n / 10; rest > 0; rest /= 10) {
        digits++;
      }
      int rest = n;
      for (int i = length + digits - 1; i >= length; i--) {
        text[i] = (byte) ('0' + rest % 10);
        rest /= 10;
      }
      length += digits;
    }

    /** Writes the open range and appends all the ranges to {@code sb}. */
    void end(StringBuilder sb) {
      write();
      sb.append(new String(text, 0, length, StandardCharsets.ISO_8859_1));
    }
  }
}
