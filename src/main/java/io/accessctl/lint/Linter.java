package io.accessctl.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** Runs the rules over one parsed map and applies selection and suppression comments. */
public final class Linter {
  private final Set<String> select;
  private final Set<String> ignore;

  /**
   * @param select rule ids or names to run (empty: all)
   * @param ignore rule ids or names not to run
   */
  public Linter(Set<String> select, Set<String> ignore) {
    this.select = lower(select);
    this.ignore = lower(ignore);
  }

  public static Linter all() {
    return new Linter(Set.of(), Set.of());
  }

  private static Set<String> lower(Set<String> s) {
    return s.stream().map(x -> x.trim().toLowerCase(Locale.ROOT)).collect(
        java.util.stream.Collectors.toUnmodifiableSet());
  }

  public boolean enabled(RuleInfo r) {
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
   * @param phases told the name of each phase as it ends ("entries", "file rules", "entry rules",
   *     "suppressions"), for {@code -Daccessctl.phases} timings
   */
  public List<Diagnostic> lint(LintContext ctx, Consumer<String> phases) {
    List<EntryView> views = EntryView.judged(ctx);
    phases.accept("entries");
    Findings raw = new Findings(ctx.source().name());
    List<EntryVisitor> perEntry = new ArrayList<>();
    for (Rule r : Rules.all()) {
      if (!enabled(r.info())) {
        continue;
      }
      if (r instanceof EntryVisitor v) {
        perEntry.add(v);
      } else {
        r.check(ctx, raw);
      }
    }
    phases.accept("file rules");
    // Entry by entry, every per-entry rule in turn: the entry's derived data stays in the cache.
    // Each rule still sees the entries in file order, and the sort below orders findings by
    // line, column and rule id, so the report is the same as running the rules one by one.
    EntryVisitor[] visitors = perEntry.toArray(new EntryVisitor[0]);
    if (visitors.length > 0) {
      for (EntryView e : views) {
        for (EntryVisitor v : visitors) {
          v.visit(e, ctx, raw);
        }
      }
    }
    phases.accept("entry rules");
    Suppressions sup = new Suppressions(ctx.source());
    Findings kept = new Findings(ctx.source().name());
    for (Diagnostic d : raw.diagnostics()) {
      if (!sup.suppresses(d)) {
        kept.diagnostics().add(d);
      }
    }
    if (enabled(Suppressions.UNUSED_RULE)) {
      sup.reportUnused(kept);
    }
    kept.diagnostics().sort(Comparator.comparingInt(Diagnostic::line)
        .thenComparingInt(Diagnostic::column).thenComparing(Diagnostic::ruleId));
    phases.accept("suppressions");
    return kept.diagnostics();
  }
}
