package io.accessctl.lint;

import io.accessctl.source.Entry;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-entry rules of one lint run, indexed by the entries they judge: for each tag of the
 * file (and for untagged entries) the rules whose {@link Needs} cover it, found once per file, so
 * that each entry costs its tag lookup and the rules that apply to it, and nothing more. Within
 * those, a rule's declared byte conditions ({@link ByteClasses}) and its declared sameness for
 * equal values ({@link Needs#sameForSameValue}) may pass it over; nothing else does.
 */
final class Dispatch {
  /**
   * From this many entries on, two threads share the walk: a hand-kept map's walk is over in
   * milliseconds, before a second thread would help.
   */
  static final int PARALLEL_FROM = 20_000;

  private final LintContext ctx;
  private final EntryVisitor[] rules;
  private final boolean[] tokens;
  /** Per rule, its {@link Needs#admits} condition; null for a rule without one. */
  private final Needs[] byBytes;
  /** Per rule, whether it declared {@link Needs#sameForSameValue} (only the first 64 rules). */
  private final boolean[] byValue;
  private final EntryView.Tags tags;
  /** Per tag group, the indexes into {@link #rules} that judge it. */
  private final int[][] byGroup;
  private final int[] untagged;
  private final int parallelFrom;

  /**
   * @param declared what each of {@code visitors} needs ({@link Rule#needs}), in the same order
   * @param parallelFrom from this many entries on, two threads share the walk ({@link Walk})
   */
  Dispatch(LintContext ctx, List<EntryVisitor> visitors, List<Needs> declared, int parallelFrom) {
    this.ctx = ctx;
    this.parallelFrom = parallelFrom;
    this.rules = visitors.toArray(new EntryVisitor[0]);
    this.tokens = new boolean[rules.length];
    this.byBytes = new Needs[rules.length];
    this.byValue = new boolean[rules.length];
    Needs[] needs = new Needs[rules.length];
    for (int i = 0; i < rules.length; i++) {
      needs[i] = declared.get(i);
      if (!needs[i].perEntry()) {
        throw new IllegalStateException(rules[i].info().id() + " is an EntryVisitor but does not"
            + " declare the entries it judges");
      }
      tokens[i] = needs[i].tokens();
      byValue[i] = needs[i].byValue() && i < Long.SIZE;
      if (needs[i].keyHas() != 0 || needs[i].valueHas() != 0) {
        byBytes[i] = needs[i];
      }
    }
    this.tags = EntryView.Tags.of(ctx);
    this.byGroup = new int[tags.groups()][];
    int[] judging = new int[rules.length];
    for (int g = 0; g < byGroup.length; g++) {
      int n = 0;
      for (int i = 0; i < rules.length; i++) {
        if (needs[i].judges(tags.fileTag(g))) {
          judging[n++] = i;
        }
      }
      byGroup[g] = Arrays.copyOf(judging, n);
    }
    int n = 0;
    for (int i = 0; i < rules.length; i++) {
      if (needs[i].untagged()) {
        judging[n++] = i;
      }
    }
    this.untagged = Arrays.copyOf(judging, n);
  }

  /**
   * Hands every entry of the file to the rules that judge it, then lets each rule finish.
   */
  void run(Findings out) {
    start(out).finish();
  }

  /**
   * Starts the walk: on a large map a second thread begins at once, so that the caller may run the
   * whole-file rules meanwhile; {@link Walk#finish} walks what is left and joins the findings.
   *
   * @param out where {@link Walk#finish} puts the findings, after what the caller adds before
   */
  Walk start(Findings out) {
    return new Walk(out);
  }

  /**
   * One walk over the file's entries. A large map is cut into chunks that two threads take in
   * turn: the rules judge each entry by itself, and each chunk's findings are joined in file
   * order, as one walk would find them.
   */
  final class Walk {
    private final Findings out;
    private final List<Entry> entries = ctx.source().entries();
    private final int chunk;
    private final Findings[] found;
    private final AtomicInteger next = new AtomicInteger();
    private final Thread helper;
    private volatile Throwable failed;

    private Walk(Findings out) {
      this.out = out;
      int n = entries.size();
      if (n < parallelFrom || Runtime.getRuntime().availableProcessors() < 2) {
        chunk = Math.max(1, n);
        found = new Findings[1];
        helper = null;
        return;
      }
      chunk = Math.max(1, Math.min(CHUNK, n / CHUNKS_AT_LEAST));
      found = new Findings[(n + chunk - 1) / chunk];
      helper = new Thread(() -> {
        try {
          take();
        } catch (RuntimeException | Error e) {
          failed = e;
        }
      }, "accessctl-lint");
      helper.setDaemon(true);
      helper.start();
    }

    /** Walks the chunks no thread has taken yet, each into findings of its own. */
    private void take() {
      Verdicts verdicts = new Verdicts(tags.groups(), entries.size());
      for (int c = next.getAndIncrement(); c < found.length; c = next.getAndIncrement()) {
        Findings f = out.fork();
        visit(entries, c * chunk, Math.min(entries.size(), (c + 1) * chunk), f, verdicts);
        found[c] = f;
      }
    }

    /** Walks what is left, waits for the other thread, joins the findings and lets rules finish. */
    void finish() {
      take();
      if (helper != null) {
        try {
          helper.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while linting", e);
        }
      }
      if (failed instanceof RuntimeException e) {
        throw e;
      }
      if (failed instanceof Error e) {
        throw e;
      }
      for (Findings f : found) {
        if (f != null) {
          out.join(f);
        }
      }
      for (EntryVisitor r : rules) {
        r.finish(ctx, out);
      }
    }
  }

  /** Entries a thread takes at a time: enough to make taking cheap, few enough to share well. */
  private static final int CHUNK = 2048;
  /** Even a small map parallel walks (as tests ask for) is cut into at least this many chunks. */
  private static final int CHUNKS_AT_LEAST = 8;

  private void visit(List<Entry> entries, int from, int to, Findings out, Verdicts verdicts) {
    EntryView v = null;
    for (int i = from; i < to; i++) {
      Entry e = entries.get(i);
      int group = tags.groupOf(e);
      int[] judging = group == EntryView.UNTAGGED ? untagged : byGroup[group];
      if (judging.length == 0) {
        continue;
      }
      if (v == null) {
        v = new EntryView(e, tags, group);
      } else {
        v.moveTo(e, group);
      }
      long keyClasses = -1;
      long valueClasses = 0;
      long[] verdict = null;
      for (int r : judging) {
        if (byBytes[r] != null) {
          if (keyClasses == -1) {
            keyClasses = ByteClasses.ofKey(e);
            valueClasses = ByteClasses.ofValue(e);
          }
          if (!byBytes[r].admits(keyClasses, valueClasses)) {
            continue;
          }
        }
        v.allowTokens(tokens[r]);
        if (!byValue[r] || rules[r].keyDecides(v, ctx)) {
          rules[r].visit(v, ctx, out);
          continue;
        }
        if (verdict == null) {
          verdict = verdicts.of(e, group);
        }
        long bit = 1L << r;
        if ((verdict[SILENT] & bit) != 0) {
          continue;
        }
        int before = out.added();
        rules[r].visit(v, ctx, out);
        if ((verdict[REPORTS] & bit) == 0) {
          verdict[out.added() == before ? SILENT : REPORTS] |= bit;
        }
      }
    }
  }

  private static final int SILENT = 0;
  private static final int REPORTS = 1;

  /**
   * What the {@link Needs#sameForSameValue} rules did on the entries of each tag, subject
   * emptiness and value seen so far: bits (by rule index) of the rules that stayed silent there,
   * and of those that reported. One walk's own, so that threads share nothing.
   *
   * <p>Values are told apart by their bytes in the line ({@link Entry#hasValueOf}): a million
   * entries' value strings, made only to look them up here, were a good part of a large
   * compile's walk.
   */
  private static final class Verdicts {
    /** An open-addressed table: per slot, an entry of the value, its hash and its verdicts. */
    private Entry[] values;
    private int[] hashes;
    /** By tag group (untagged first) and empty subject or not. */
    private long[][][] byPlace;
    private int size;
    private final int places;

    /** @param entries how many entries the walk may bring at most */
    Verdicts(int groups, int entries) {
      this.places = 2 * (groups + 1);
      int slots = Integer.highestOneBit(Math.max(MIN_SLOTS, Math.min(MAX_INITIAL_SLOTS,
          2 * entries - 1))) << 1;
      values = new Entry[slots];
      hashes = new int[slots];
      byPlace = new long[slots][][];
    }

    long[] of(Entry e, int group) {
      boolean bare = group != EntryView.UNTAGGED && e.hasEmptySubject();
      long[][] verdicts = verdictsOf(e);
      int place = 2 * (group + 1) + (bare ? 1 : 0);
      long[] verdict = verdicts[place];
      if (verdict == null) {
        verdict = new long[2];
        verdicts[place] = verdict;
      }
      return verdict;
    }

    private long[][] verdictsOf(Entry e) {
      int h = e.valueHash();
      int mask = values.length - 1;
      int i = spread(h) & mask;
      for (Entry v = values[i]; v != null; v = values[i]) {
        if (hashes[i] == h && e.hasValueOf(v)) {
          return byPlace[i];
        }
        i = (i + 1) & mask;
      }
      long[][] verdicts = new long[places][];
      values[i] = e;
      hashes[i] = h;
      byPlace[i] = verdicts;
      if (++size * 2 > values.length) {
        grow();
      }
      return verdicts;
    }

    private void grow() {
      Entry[] oldValues = values;
      int[] oldHashes = hashes;
      long[][][] oldByPlace = byPlace;
      values = new Entry[oldValues.length * 2];
      hashes = new int[values.length];
      byPlace = new long[values.length][][];
      int mask = values.length - 1;
      for (int j = 0; j < oldValues.length; j++) {
        if (oldValues[j] != null) {
          int i = spread(oldHashes[j]) & mask;
          while (values[i] != null) {
            i = (i + 1) & mask;
          }
          values[i] = oldValues[j];
          hashes[i] = oldHashes[j];
          byPlace[i] = oldByPlace[j];
        }
      }
    }

    private static int spread(int h) {
      return h ^ (h >>> 16);
    }

    private static final int MIN_SLOTS = 16;
    /**
     * A large map's values are often distinct (a message per entry), and each doubling re-hashes
     * every value so far: a large walk starts where a few thousand fit.
     */
    private static final int MAX_INITIAL_SLOTS = 8192;
  }
}
