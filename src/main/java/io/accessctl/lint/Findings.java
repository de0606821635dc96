package io.accessctl.lint;

import io.accessctl.source.Entry;
import io.accessctl.source.SourceLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collects what rules find, as diagnostics of one file.
 *
 * <p>A collector made by {@link #counting} builds a {@link Diagnostic} only for findings at or
 * above a severity and merely counts the others (those no suppression comment hides): a caller
 * that shows only what blocks a write need not keep, sort and format tens of thousands of
 * warnings to say how many there are. It may also keep the first few of those others in report
 * order ({@link #sample()}), for a caller that shows a taste of them above the count.
 */
public final class Findings {
  private final String file;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Severity built;
  private final Suppressions suppressions;
  private final int[] counted = new int[Severity.values().length];
  private final int sampleSize;
  /** The first {@link #sampleSize} findings below {@link #built} so far, in report order. */
  private final List<Diagnostic> sample = new ArrayList<>();
  /** Shared by a collector and its forks: what no sample needs any more. */
  private final SampleBound bound;
  /**
   * Shared by a collector and its forks: the messages made so far by {@link #add(RuleInfo, Entry,
   * int, Object, Function)}, by what they depend on.
   */
  private final Map<Object, Message> texts;
  /** Every finding added, built, counted or suppressed. */
  private int added;

  /**
   * The earliest, in report order, of the last findings of the full samples of a collector and
   * its forks: a full sample holds that many findings up to it, so nothing after it can be among
   * the first of all and is counted at once. A large map's walk, cut into chunks that each sample
   * on their own, otherwise built the sample's findings in full for every chunk.
   */
  private static final class SampleBound {
    private volatile Diagnostic last;

    boolean excludes(int line, int column, RuleInfo rule) {
      Diagnostic d = last;
      return d != null && reportOrder(d, line, column, rule) < 0;
    }

    synchronized void offer(Diagnostic d) {
      if (last == null || reportOrder(last, d.line(), d.column(), d.rule()) > 0) {
        last = d;
      }
    }
  }

  public Findings(String file) {
    this(file, Severity.INFO, null, 0);
  }

  private Findings(String file, Severity built, Suppressions suppressions, int sampleSize) {
    this(file, built, suppressions, sampleSize, new SampleBound(), new ConcurrentHashMap<>());
  }

  private Findings(String file, Severity built, Suppressions suppressions, int sampleSize,
      SampleBound bound, Map<Object, Message> texts) {
    this.file = file;
    this.built = built;
    this.suppressions = suppressions;
    this.sampleSize = sampleSize;
    this.bound = bound;
    this.texts = texts;
  }

  /**
   * A collector that builds findings of severity {@code built} and above and counts the rest,
   * leaving out of the count those {@code suppressions} hide.
   */
  public static Findings counting(String file, Severity built, Suppressions suppressions) {
    return counting(file, built, suppressions, 0);
  }

  /**
   * Like {@link #counting(String, Severity, Suppressions)}, and also keeps the first {@code
   * sampleSize} of the findings below {@code built} in report order, built in full, out of the
   * count.
   */
  static Findings counting(String file, Severity built, Suppressions suppressions,
      int sampleSize) {
    return new Findings(file, built, suppressions, sampleSize);
  }

  public void add(RuleInfo rule, SourceLine line, int column, String message) {
    add(rule, rule.severity(), line, column, message, false);
  }

  public void add(RuleInfo rule, Entry entry, int column, String message) {
    record(rule, rule.severity(), entry.line(), entry.index(), column, text(message), null, null,
        false);
  }

  /**
   * A finding whose message is composed only when it is read: a rule that draws hundreds of
   * thousands of findings in a compile, which only counts them, or in a report that folds them
   * into one ({@link Repeats}), then composes none of their messages. {@code message} may be
   * called later, from another thread: it must be a pure function of what the rule saw. It
   * gives the message as its parts ({@link Message}), which a report writes without joining.
   */
  public void add(RuleInfo rule, Entry entry, int column, Supplier<Message> message) {
    record(rule, rule.severity(), entry.line(), entry.index(), column, null, message, null,
        false);
  }

  /**
   * A finding whose message depends on {@code key} alone: the message is made once per distinct
   * key in the file, when the first finding that needs it is read, and every finding with that
   * key holds the same string. Thousands of findings that say the same (a letter this build
   * lacks, on every Clt_Features line) then cost one message, and a report that folds them
   * ({@link Repeats}) compares them at no cost.
   *
   * @param key a value of the rule's own type (a record), equal for two findings exactly when
   *     their messages are
   * @param message makes the message from the key: a pure function, safe to call from any thread
   */
  public <K> void add(RuleInfo rule, Entry entry, int column, K key,
      Function<? super K, String> message) {
    record(rule, rule.severity(), entry.line(), entry.index(), column, null,
        new Keyed<>(texts, key, message), null, false);
  }

  /**
   * The message of a finding with a key, made on the first read of any finding with that key. A
   * class, not a lambda: a lambda that no run of the class-data archive made is spun on every
   * run that needs it.
   */
  private record Keyed<K>(Map<Object, Message> texts, K key, Function<? super K, String> message)
      implements Supplier<Message> {
    @Override
    public Message get() {
      Message t = texts.get(key);
      if (t == null) {
        Message made = Message.of(message.apply(key));
        t = texts.putIfAbsent(key, made); // threads that race made equal strings: one is kept
        return t != null ? t : made;
      }
      return t;
    }
  }

  public void add(RuleInfo rule, Severity severity, SourceLine line, int column, String message,
      boolean fixable) {
    addRepeatable(rule, severity, line, column, message, null, fixable);
  }

  /** {@link #add(RuleInfo, Severity, SourceLine, int, String, boolean)} about an entry. */
  public void add(RuleInfo rule, Severity severity, Entry entry, int column, String message,
      boolean fixable) {
    addRepeatable(rule, severity, entry, column, message, null, fixable);
  }

  /**
   * {@link #addRepeatable(RuleInfo, Severity, SourceLine, int, String, String, boolean)} about an
   * entry: a report then tells which lines of a fold ({@link Repeats}) run on from the entries'
   * numbers.
   */
  public void addRepeatable(RuleInfo rule, Severity severity, Entry entry, int column,
      String message, String advice, boolean fixable) {
    record(rule, severity, entry.line(), entry.index(), column, text(message), null,
        advice == null ? null : () -> advice, fixable);
  }

  /**
   * A finding whose {@code advice} the rule gives in the same words wherever the defect recurs
   * (an untagged key, a deprecated form), so that a report can give it once for all the lines
   * ({@link Repeats}).
   *
   * @param message the finding on this line alone
   * @param advice what all such lines have in common and what to do about them, or null
   */
  public void addRepeatable(RuleInfo rule, Severity severity, SourceLine line, int column,
      String message, String advice, boolean fixable) {
    record(rule, severity, line, -1, column, text(message), null,
        advice == null ? null : () -> advice, fixable);
  }

  private static Message text(String message) {
    return message == null ? null : Message.of(message);
  }

  /**
   * {@link #addRepeatable(RuleInfo, Severity, SourceLine, int, String, String, boolean)} about an
   * entry, with the advice composed only when the finding is built in full, and the message only
   * when it is read (see {@link #add(RuleInfo, Entry, int, Supplier)}).
   *
   * @param advice the advice, or null for none
   */
  public void addRepeatable(RuleInfo rule, Severity severity, Entry entry, int column,
      Supplier<Message> message, Supplier<String> advice, boolean fixable) {
    record(rule, severity, entry.line(), entry.index(), column, null, message, advice, fixable);
  }

  /**
   * Records a finding on {@code line} (null for the file as a whole), about entry number {@code
   * entry} (-1 for none), whose message is {@code made}, or else {@code compose}d when read.
   */
  private void record(RuleInfo rule, Severity severity, SourceLine line, int entry, int column,
      Message made, Supplier<Message> compose, Supplier<String> advice, boolean fixable) {
    added++;
    int number = line == null ? 0 : line.number();
    if (severity.atLeast(built)) {
      diagnostics.add(Diagnostic.found(file, line, entry, column, severity, rule, made, compose,
          fixable, advice == null ? null : advice.get()));
    } else if (suppressions == null || !suppressions.suppresses(rule, number)) {
      if (inSample(number, column, rule) && !bound.excludes(number, column, rule)) {
        sample(Diagnostic.found(file, line, entry, column, severity, rule, made, compose,
            fixable, advice == null ? null : advice.get()));
      } else {
        counted[severity.ordinal()]++;
      }
    }
  }

  /** A finding about the file as a whole (line 0). */
  public void addFileLevel(RuleInfo rule, Severity severity, String message) {
    add(rule, severity, (SourceLine) null, 0, message, false);
  }

  /** Whether a finding at this place would enter the sample. */
  private boolean inSample(int line, int column, RuleInfo rule) {
    int size = sample.size();
    return size < sampleSize
        || (size > 0 && reportOrder(sample.get(size - 1), line, column, rule) > 0);
  }

  /** Puts {@code d} in the sample; what falls out of it is counted. */
  private void sample(Diagnostic d) {
    int at = sample.size();
    // after every finding that does not come later: ties keep the order they were found in
    while (at > 0 && reportOrder(sample.get(at - 1), d.line(), d.column(), d.rule()) > 0) {
      at--;
    }
    sample.add(at, d);
    if (sample.size() > sampleSize) {
      counted[sample.remove(sample.size() - 1).severity().ordinal()]++;
    }
    if (sample.size() == sampleSize) {
      bound.offer(sample.get(sampleSize - 1));
    }
  }

  /** Report order (line, column, rule id) of {@code d} against a finding at this place. */
  static int reportOrder(Diagnostic d, int line, int column, RuleInfo rule) {
    int c = Integer.compare(d.line(), line);
    if (c == 0) {
      c = Integer.compare(d.column(), column);
    }
    return c != 0 || d.rule() == rule ? c : d.ruleId().compareTo(rule.id());
  }

  /**
   * Sorts one file's findings in report order (line, column, rule id); ties keep the order they
   * were found in. Tens of thousands of findings come as a few runs in line order (each whole-file
   * rule's, the walk's chunks joined in file order), out of order only among the findings of one
   * line: those are put right as the runs are found, and the runs merged.
   */
  static void sortInReportOrder(List<Diagnostic> found) {
    int n = found.size();
    if (n < 2) {
      return;
    }
    Diagnostic[] a = found.toArray(new Diagnostic[0]);
    int[] runs = new int[n + 1];
    int count = 0;
    int runStart = 0;
    for (int i = 1; i < n; i++) {
      Diagnostic d = a[i];
      int line = d.line();
      if (a[i - 1].line() > line) {
        runs[count++] = runStart;
        runStart = i;
        continue;
      }
      int at = i;
      while (at > runStart && a[at - 1].line() == line
          && reportOrder(a[at - 1], line, d.column(), d.rule()) > 0) {
        a[at] = a[at - 1];
        at--;
      }
      a[at] = d;
    }
    runs[count++] = runStart;
    runs[count] = n;
    if (count > 1) {
      a = merged(a, runs, count);
    }
    found.clear();
    found.addAll(Arrays.asList(a));
  }

  /** {@code a}'s {@code count} sorted runs (starting at {@code runs[i]}) merged, pairwise. */
  private static Diagnostic[] merged(Diagnostic[] a, int[] runs, int count) {
    Diagnostic[] from = a;
    Diagnostic[] to = new Diagnostic[a.length];
    while (count > 1) {
      int merged = 0;
      for (int r = 0; r < count; r += 2) {
        int lo = runs[r];
        int mid = runs[Math.min(r + 1, count)];
        int hi = runs[Math.min(r + 2, count)];
        // A few findings of a whole-file rule beside the walk's tens of thousands: what of one
        // run comes before all of the other, or after all of it, is found by binary search and
        // copied whole, not compared finding by finding.
        int i = mid < hi ? firstAfter(from, lo, mid, from[mid]) : mid;
        int end = i < mid ? firstAfter(from, mid, hi, from[mid - 1]) : hi;
        System.arraycopy(from, lo, to, lo, i - lo);
        System.arraycopy(from, end, to, end, hi - end);
        int j = mid;
        int k = i;
        while (i < mid && j < end) {
          Diagnostic right = from[j];
          // the left one first on a tie: it was found first
          to[k++] = reportOrder(from[i], right.line(), right.column(), right.rule()) <= 0
              ? from[i++] : from[j++];
        }
        System.arraycopy(from, i, to, k, mid - i);
        System.arraycopy(from, j, to, k + mid - i, end - j);
        runs[merged++] = lo;
      }
      runs[merged] = a.length;
      count = merged;
      Diagnostic[] t = from;
      from = to;
      to = t;
    }
    return from;
  }

  /**
   * The first of {@code a[from..to)} (a run in report order) that comes after {@code d} in report
   * order, where a tie with {@code d} does not: {@code to} when none does. A finding of the left
   * run placed before {@code d} of the right, or one of the right placed before every finding
   * of the left, is one that a tie would not move.
   */
  private static int firstAfter(Diagnostic[] a, int from, int to, Diagnostic d) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int m = (lo + hi) >>> 1;
      if (reportOrder(a[m], d.line(), d.column(), d.rule()) <= 0) {
        lo = m + 1;
      } else {
        hi = m;
      }
    }
    return lo;
  }

  /** How many findings were added so far, whatever became of them. */
  int added() {
    return added;
  }

  /** An empty collector that builds, counts and samples as this one does. */
  Findings fork() {
    return new Findings(file, built, suppressions, sampleSize, bound, texts);
  }

  /** Adds what {@code other} built, counted and sampled, after what this one holds. */
  void join(Findings other) {
    diagnostics.addAll(other.diagnostics);
    addCounts(other);
  }

  /** Adds what {@code other} counted and sampled to this collector's counts and sample. */
  void addCounts(Findings other) {
    for (int i = 0; i < counted.length; i++) {
      counted[i] += other.counted[i];
    }
    for (Diagnostic d : other.sample) {
      if (inSample(d.line(), d.column(), d.rule())) {
        sample(d);
      } else {
        counted[d.severity().ordinal()]++;
      }
    }
  }

  /** The findings built, in the order they were found. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * The first findings below the built severity in report order (as many as asked), built in
   * full and not counted.
   */
  public List<Diagnostic> sample() {
    return sample;
  }

  /** How many findings of this severity were counted and not built. */
  public int counted(Severity severity) {
    return counted[severity.ordinal()];
  }
}
