package io.accessctl.lint;

import io.accessctl.catalog.Tag;
import io.accessctl.source.Entry;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

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
  private final EntryView.Tags tags;
  /** Per tag group, the rules that judge its entries, laid out for the walk. */
  private final Judges[] byGroup;
  private final Judges untagged;
  private final int parallelFrom;

  /**
   * @param declared what each of {@code visitors} needs ({@link Rule#needs}), in the same order
   * @param parallelFrom from this many entries on, two threads share the walk ({@link Walk})
   */
  Dispatch(LintContext ctx, List<EntryVisitor> visitors, List<Needs> declared, int parallelFrom) {
    this.ctx = ctx;
    this.parallelFrom = parallelFrom;
    this.rules = visitors.toArray(new EntryVisitor[0]);
    Needs[] needs = new Needs[rules.length];
    for (int i = 0; i < rules.length; i++) {
      needs[i] = declared.get(i);
      if (!needs[i].perEntry()) {
        throw new IllegalStateException(rules[i].info().id() + " is an EntryVisitor but does not"
            + " declare the entries it judges");
      }
    }
    this.tags = EntryView.Tags.of(ctx);
    this.byGroup = new Judges[tags.groups()];
    for (int g = 0; g < byGroup.length; g++) {
      Tag tag = tags.fileTag(g);
      byGroup[g] = new Judges(rules, needs, new JudgingTag(tag));
    }
    this.untagged = new Judges(rules, needs, new JudgingUntagged());
  }

  // Classes, not a lambda and a method reference: this set-up runs in every lint, on the way to
  // its first finding, where each lambda the JDK links costs the run CPU.

  /** The rules that judge entries of one tag. */
  private static final class JudgingTag implements Predicate<Needs> {
    private final Tag tag;

    JudgingTag(Tag tag) {
      this.tag = tag;
    }

    @Override
    public boolean test(Needs n) {
      return n.judges(tag);
    }
  }

  /** The rules that judge untagged entries. */
  private static final class JudgingUntagged implements Predicate<Needs> {
    @Override
    public boolean test(Needs n) {
      return n.untagged();
    }
  }

  /**
   * On a map large enough for a parallel walk, starts finding its entries' tag groups (what the
   * walk needs before it starts: {@link EntryView.Tags}) on another thread, so that the caller
   * reads the suppression comments and chooses the rules meanwhile; the walk's set-up then takes
   * them from the context, or waits for them there.
   */
  static void prepare(LintContext ctx, int parallelFrom) {
    if (isParallel(ctx.source().entries().size(), parallelFrom)) {
      Thread t = new Thread(new TagsAhead(ctx), "accessctl-lint-tags");
      t.setDaemon(true);
      t.start();
    }
  }

  /** Whether a walk over {@code entries} entries runs on two threads. */
  private static boolean isParallel(int entries, int parallelFrom) {
    return entries >= parallelFrom && Runtime.getRuntime().availableProcessors() >= 2;
  }

  /** Finds the entries' tag groups into the context's memo. */
  private static final class TagsAhead implements Runnable {
    private final LintContext ctx;

    TagsAhead(LintContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void run() {
      try {
        EntryView.Tags.of(ctx);
      } catch (RuntimeException | Error e) {
        // left unmade: the walk's set-up makes them again, and throws what that throws
      }
    }
  }

  /**
   * The rules that judge the entries of one tag group, in rule order, with what each declared
   * copied beside it: the walk reads them for every entry, so they are flat arrays in one place.
   */
  private static final class Judges {
    final EntryVisitor[] rules;
    final boolean[] tokens;
    /** Per rule, its {@link Needs#keyHas()} and {@link Needs#valueHas()}; 0 for none. */
    final long[] keyHas;
    final long[] valueHas;
    /**
     * Per rule that declared {@link Needs#sameForSameValue}, its bit in the {@link Verdicts}
     * (the rule's place among the file's per-entry rules, so only the first 64); 0 for others.
     */
    final long[] verdictBit;
    /** Whether a rule here names {@link ByteClasses}, so the walk finds the entry's. */
    final boolean readsBytes;

    Judges(EntryVisitor[] all, Needs[] needs, Predicate<Needs> judges) {
      int n = 0;
      int[] judging = new int[all.length];
      for (int i = 0; i < all.length; i++) {
        if (judges.test(needs[i])) {
          judging[n++] = i;
        }
      }
      rules = new EntryVisitor[n];
      tokens = new boolean[n];
      keyHas = new long[n];
      valueHas = new long[n];
      verdictBit = new long[n];
      boolean bytes = false;
      for (int j = 0; j < n; j++) {
        int i = judging[j];
        rules[j] = all[i];
        tokens[j] = needs[i].tokens();
        keyHas[j] = needs[i].keyHas();
        valueHas[j] = needs[i].valueHas();
        verdictBit[j] = needs[i].byValue() && i < Long.SIZE ? 1L << i : 0;
        bytes |= keyHas[j] != 0 || valueHas[j] != 0;
      }
      readsBytes = bytes;
    }
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
    /** The file's entries, as an array: the walk reads each by its index, with no call. */
    private final Entry[] entries = ctx.source().entries().toArray(new Entry[0]);
    private final int chunk;
    private final Findings[] found;
    private final AtomicInteger next = new AtomicInteger();
    private final Thread helper;
    private volatile Throwable failed;

    private Walk(Findings out) {
      this.out = out;
      int n = entries.length;
      if (!isParallel(n, parallelFrom)) {
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
      Verdicts verdicts = new Verdicts(entries.length);
      for (int c = next.getAndIncrement(); c < found.length; c = next.getAndIncrement()) {
        Findings f = out.fork();
        visit(entries, c * chunk, Math.min(entries.length, (c + 1) * chunk), f, verdicts);
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

  private void visit(Entry[] entries, int from, int to, Findings out, Verdicts verdicts) {
    EntryView v = null;
    for (int i = from; i < to; i++) {
      Entry e = entries[i];
      int group = tags.groupOf(e, i);
      Judges judges = group == EntryView.UNTAGGED ? untagged : byGroup[group];
      EntryVisitor[] judging = judges.rules;
      if (judging.length == 0) {
        continue;
      }
      if (v == null) {
        v = new EntryView(e, tags, group);
      } else {
        v.moveTo(e, group);
      }
      long keyClasses = 0;
      long valueClasses = 0;
      if (judges.readsBytes) {
        keyClasses = ByteClasses.ofKey(e);
        valueClasses = ByteClasses.ofValue(e);
      }
      long[] keyHas = judges.keyHas;
      long[] valueHas = judges.valueHas;
      long[] verdictBit = judges.verdictBit;
      boolean[] tokens = judges.tokens;
      int verdict = -1;
      for (int j = 0; j < judging.length; j++) {
        if (!Needs.admits(keyHas[j], valueHas[j], keyClasses, valueClasses)) {
          continue;
        }
        EntryVisitor rule = judging[j];
        v.allowTokens(tokens[j]);
        long bit = verdictBit[j];
        if (bit == 0 || rule.keyDecides(v, ctx)) {
          rule.visit(v, ctx, out);
          continue;
        }
        if (verdict < 0) {
          verdict = verdicts.of(v, group);
        }
        if (verdicts.silent(verdict, bit)) {
          continue;
        }
        int before = out.added();
        rule.visit(v, ctx, out);
        verdicts.record(verdict, bit, out.added() != before);
      }
    }
  }

  /**
   * What the {@link Needs#sameForSameValue} rules did on the entries of each tag, subject
   * emptiness and value seen so far: bits (by rule index) of the rules that stayed silent there,
   * and of those that reported, by the value's number in its place ({@link ValueIndex}: no value
   * string made per entry). One walk's own, so that threads share nothing.
   */
  private static final class Verdicts {
    /**
     * A large map's values are often distinct (a message per entry), and each doubling re-hashes
     * every value so far: a large walk starts where a few thousand fit.
     */
    private static final int MAX_INITIAL = 8192;

    private final ValueIndex index;
    private long[] silent;
    private long[] reports;

    /** @param entries how many entries the walk may bring at most */
    Verdicts(int entries) {
      int expected = Math.min(MAX_INITIAL, entries);
      index = new ValueIndex(expected);
      silent = new long[Math.max(1, expected)];
      reports = new long[silent.length];
    }

    /** The slot of entries like {@code v}'s: its value, its tag group and subject emptiness. */
    int of(EntryView v, int group) {
      Entry e = v.entry();
      boolean bare = group != EntryView.UNTAGGED && e.hasEmptySubject();
      int slot = index.of(e, v.valueHash(), 2 * (group + 1) + (bare ? 1 : 0));
      if (slot == silent.length) {
        silent = Arrays.copyOf(silent, 2 * slot);
        reports = Arrays.copyOf(reports, 2 * slot);
      }
      return slot;
    }

    /** Whether the rule of {@code bit} stayed silent on the entries of {@code slot}. */
    boolean silent(int slot, long bit) {
      return (silent[slot] & bit) != 0;
    }

    /** Records what the rule of {@code bit} did; a rule that reported once is run every time. */
    void record(int slot, long bit, boolean reported) {
      if ((reports[slot] & bit) == 0) {
        if (reported) {
          reports[slot] |= bit;
        } else {
          silent[slot] |= bit;
        }
      }
    }
  }
}
