package io.accessctl.lint;

import java.util.List;

/**
 * What {@link Linter#lint(LintContext, Severity, java.util.function.Consumer)} found in one file:
 * the findings at or above a severity, built in full, and how many of the others there are.
 */
public final class LintResult {
  private final List<Diagnostic> diagnostics;
  private final Severity built;
  private final List<Diagnostic> sample;
  private final int[] counted;

  LintResult(List<Diagnostic> diagnostics, Severity built, Findings counts) {
    this.diagnostics = diagnostics;
    this.built = built;
    this.sample = List.copyOf(counts.sample());
    this.counted = new int[Severity.values().length];
    for (Severity s : Severity.values()) {
      counted[s.ordinal()] = counts.counted(s);
    }
  }

  /**
   * The findings of severity {@link #built()} and above, sorted by line, column and rule id,
   * suppressions applied: what {@link Linter#lint(LintContext)} returns when {@code built} is
   * {@link Severity#INFO}. The list is the caller's to change.
   */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The least severity built in full; findings below it are only counted. */
  public Severity built() {
    return built;
  }

  /**
   * The first findings below {@link #built()} in report order, as many as the caller asked for,
   * built in full; they are not among the counted.
   */
  public List<Diagnostic> sample() {
    return sample;
  }

  /** How many findings of this severity were counted but not built (suppressed ones left out). */
  public int counted(Severity severity) {
    return counted[severity.ordinal()];
  }

  /** How many findings of this severity there are, built or counted. */
  public int total(Severity severity) {
    int n = counted(severity);
    for (List<Diagnostic> built : List.of(diagnostics, sample)) {
      for (Diagnostic d : built) {
        if (d.severity() == severity) {
          n++;
        }
      }
    }
    return n;
  }
}
