package io.accessctl.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the rules over one parsed map and applies selection and suppression comments.
 *
 * <p>Each rule declares what it needs ({@link Rule#needs}). Whole-file rules run once; per-entry
 * rules run entry by entry, each entry handed only to the rules that declare its tag, so that the
 * entry's derived data ({@link EntryView}) is computed once and only when a rule reads it. Nothing
 * else decides which rule sees which entry.
 */
public final class Linter {
  private final Set<String> select;
  private final Set<String> ignore;
  private final int parallelFrom;

  /**
   * @param select rule ids or names to run (empty: all)
   * @param ignore rule ids or names not to run
   */
  public Linter(Set<String> select, Set<String> ignore) {
    this(lower(select), lower(ignore), Dispatch.PARALLEL_FROM);
  }

  private Linter(Set<String> select, Set<String> ignore, int parallelFrom) {
    this.select = select;
    this.ignore = ignore;
    this.parallelFrom = parallelFrom;
  }

  /** This linter, walking the entries in two threads from maps of {@code entries} on. */
  Linter parallelFrom(int entries) {
    return new Linter(select, ignore, entries);
  }

  public static Linter all() {
    return new Linter(Set.of(), Set.of());
  }

  private static Set<String> lower(Set<String> s) {
    if (s.isEmpty()) {
      return Set.of(); // as most runs ask; no stream linked at the start of every lint
    }
    return s.stream().map(x -> x.trim().toLowerCase(Locale.ROOT)).collect(
        java.util.stream.Collectors.toUnmodifiableSet());
  }

  public boolean enabled(RuleInfo r) {
    if (select.isEmpty() && ignore.isEmpty()) {
      return true; // as most runs ask, for every rule
    }
    String id = r.id().toLowerCase(Locale.ROOT);
    boolean selected = select.isEmpty() || select.contains(id) || select.contains(r.name())
        || select.stream().anyMatch(p -> !p.isEmpty() && id.startsWith(p) && p.length() < 5);
    boolean ignored = ignore.contains(id) || ignore.contains(r.name())
        || ignore.stream().anyMatch(p -> !p.isEmpty() && id.startsWith(p) && p.length() < 5);
    return selected && !ignored;
  }

  public List<Diagnostic> lint(LintContext ctx) {
    return lint(ctx, phase -> { });
  }

  /**
   * Every finding, built in full.
   *
   * @param phases told the name of each phase as it ends ("dispatch set-up", "file rules",
   *     "entry rules", "suppressions"), for {@code -Daccessctl.phases} timings
   */
  public List<Diagnostic> lint(LintContext ctx, Consumer<String> phases) {
    return lint(ctx, Severity.INFO, phases).diagnostics();
  }

  /**
   * Runs every enabled rule over every entry its declaration covers, building the findings of
   * severity {@code built} and above in full and only counting the others, for a caller that
   * shows what blocks and summarises the rest in a line.
   *
   * @param phases as for {@link #lint(LintContext, Consumer)}
   */
  public LintResult lint(LintContext ctx, Severity built, Consumer<String> phases) {
    return lint(ctx, built, 0, phases);
  }

  /**
   * Like {@link #lint(LintContext, Severity, Consumer)}, and also builds the first {@code sample}
   * findings below {@code built} in report order ({@link LintResult#sample()}), for a caller that
   * shows a few of them above the count.
   */
  public LintResult lint(LintContext ctx, Severity built, int sample, Consumer<String> phases) {
    Dispatch.prepare(ctx, parallelFrom);
    Suppressions sup = new Suppressions(ctx.source());
    Findings raw = Findings.counting(ctx.source().name(), built, sup, sample);
    List<EntryVisitor> perEntry = new ArrayList<>();
    List<Needs> perEntryNeeds = new ArrayList<>();
    List<Rule> wholeFile = new ArrayList<>();
    List<Rule> all = Rules.all();
    for (int i = 0; i < all.size(); i++) {
      Rule r = all.get(i);
      Needs needs = Rules.needs().get(i);
      if (!enabled(r.info()) || (needs.cf() && ctx.cf().isEmpty())) {
        continue;
      }
      if (r instanceof EntryVisitor v) {
        perEntry.add(v);
        perEntryNeeds.add(needs);
      } else {
        wholeFile.add(r);
      }
    }
    // on a large map a second thread walks the entries while this one runs the whole-file rules
    Dispatch.Walk walk = perEntry.isEmpty() ? null
        : new Dispatch(ctx, perEntry, perEntryNeeds, parallelFrom).start(raw);
    phases.accept("dispatch set-up");
    for (Rule r : wholeFile) {
      r.check(ctx, raw);
    }
    phases.accept("file rules");
    if (walk != null) {
      walk.finish();
    }
    phases.accept("entry rules");
    List<Diagnostic> kept;
    if (sup.isEmpty()) {
      kept = new ArrayList<>(raw.diagnostics()); // a file without suppression comments
    } else {
      kept = new ArrayList<>(raw.diagnostics().size());
      for (Diagnostic d : raw.diagnostics()) {
        if (!sup.suppresses(d)) {
          kept.add(d);
        }
      }
    }
    if (enabled(Suppressions.UNUSED_RULE)) {
      Findings unused = Findings.counting(ctx.source().name(), built, null, sample);
      sup.reportUnused(unused);
      kept.addAll(unused.diagnostics());
      raw.addCounts(unused);
    }
    Findings.sortInReportOrder(kept);
    phases.accept("suppressions");
    return new LintResult(kept, built, raw);
  }
}
