package io.accessctl.lint;

import io.accessctl.source.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  /** @param parallelFrom from this many entries on, walk the two halves at once */
  Dispatch(LintContext ctx, List<EntryVisitor> visitors, int parallelFrom) {
    this.ctx = ctx;
    this.parallelFrom = parallelFrom;
    this.rules = visitors.toArray(new EntryVisitor[0]);
    this.tokens = new boolean[rules.length];
    this.byBytes = new Needs[rules.length];
    this.byValue = new boolean[rules.length];
    Needs[] needs = new Needs[rules.length];
    for (int i = 0; i < rules.length; i++) {
      needs[i] = rules[i].needs();
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
    for (int g = 0; g < byGroup.length; g++) {
      List<Integer> judging = new ArrayList<>();
      for (int i = 0; i < rules.length; i++) {
        if (needs[i].judges(tags.fileTag(g))) {
          judging.add(i);
        }
      }
      byGroup[g] = judging.stream().mapToInt(Integer::intValue).toArray();
    }
    List<Integer> judging = new ArrayList<>();
    for (int i = 0; i < rules.length; i++) {
      if (needs[i].untagged()) {
        judging.add(i);
      }
    }
    this.untagged = judging.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Hands every entry of the file to the rules that judge it, then lets each rule finish. A large
   * map is walked in two halves at once, the second on a thread of its own: the rules judge each
   * entry by itself, and what they find is joined in file order, as one walk would find it.
   */
  void run(Findings out) {
    List<Entry> entries = ctx.source().entries();
    int n = entries.size();
    if (n < parallelFrom || Runtime.getRuntime().availableProcessors() < 2) {
      visit(entries, 0, n, out);
    } else {
      int half = n / 2;
      Findings second = out.fork();
      RuntimeException[] failed = new RuntimeException[1];
      Thread t = new Thread(() -> {
        try {
          visit(entries, half, n, second);
        } catch (RuntimeException e) {
          failed[0] = e;
        }
      }, "accessctl-lint");
      t.setDaemon(true);
      t.start();
      visit(entries, 0, half, out);
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while linting", e);
      }
      if (failed[0] != null) {
        throw failed[0];
      }
      out.join(second);
    }
    for (EntryVisitor r : rules) {
      r.finish(ctx, out);
    }
  }

  private void visit(List<Entry> entries, int from, int to, Findings out) {
    Verdicts verdicts = new Verdicts(tags.groups(), to - from);
    for (int i = from; i < to; i++) {
      Entry e = entries.get(i);
      int group = tags.groupOf(e);
      int[] judging = group == EntryView.UNTAGGED ? untagged : byGroup[group];
      if (judging.length == 0) {
        continue;
      }
      EntryView v = new EntryView(e, tags, group);
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
   */
  private static final class Verdicts {
    /** By value, then by tag group (untagged first) and empty subject or not. */
    private final Map<String, long[][]> byValue;
    private final int places;

    /** @param entries how many entries the walk holds: at most as many values, sized once */
    Verdicts(int groups, int entries) {
      this.places = 2 * (groups + 1);
      this.byValue = new HashMap<>(Math.max(16, entries * 4 / 3 + 1));
    }

    long[] of(Entry e, int group) {
      boolean bare = group != EntryView.UNTAGGED && e.hasEmptySubject();
      long[][] byPlace = byValue.get(e.value());
      if (byPlace == null) {
        byPlace = new long[places][];
        byValue.put(e.value(), byPlace);
      }
      int place = 2 * (group + 1) + (bare ? 1 : 0);
      long[] verdict = byPlace[place];
      if (verdict == null) {
        verdict = new long[2];
        byPlace[place] = verdict;
      }
      return verdict;
    }
  }
}
