package io.accessctl.lint;

import io.accessctl.source.Entry;
import io.accessctl.source.SourceLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what rules find, as diagnostics of one file.
 *
 * <p>A collector made by {@link #counting} builds a {@link Diagnostic} only for findings at or
 * above a severity and merely counts the others (those no suppression comment hides): a caller
 * that shows only what blocks a write need not keep, sort and format tens of thousands of
 * warnings to say how many there are.
 */
public final class Findings {
  private final String file;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Severity built;
  private final Suppressions suppressions;
  private final int[] counted = new int[Severity.values().length];

  public Findings(String file) {
    this(file, Severity.INFO, null);
  }

  private Findings(String file, Severity built, Suppressions suppressions) {
    this.file = file;
    this.built = built;
    this.suppressions = suppressions;
  }

  /**
   * A collector that builds findings of severity {@code built} and above and counts the rest,
   * leaving out of the count those {@code suppressions} hide.
   */
  public static Findings counting(String file, Severity built, Suppressions suppressions) {
    return new Findings(file, built, suppressions);
  }

  public void add(RuleInfo rule, SourceLine line, int column, String message) {
    add(rule, rule.severity(), line, column, message, false);
  }

  public void add(RuleInfo rule, Entry entry, int column, String message) {
    add(rule, rule.severity(), entry.line(), column, message, false);
  }

  public void add(RuleInfo rule, Severity severity, SourceLine line, int column, String message,
      boolean fixable) {
    addRepeatable(rule, severity, line, column, message, null, fixable);
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
    int number = line == null ? 0 : line.number();
    if (counts(rule, severity, number)) {
      return;
    }
    diagnostics.add(new Diagnostic(file, number, column, severity, rule, message,
        line == null ? null : line.text(), fixable, advice));
  }

  /** A finding about the file as a whole (line 0). */
  public void addFileLevel(RuleInfo rule, Severity severity, String message) {
    if (counts(rule, severity, 0)) {
      return;
    }
    diagnostics.add(new Diagnostic(file, 0, 0, severity, rule, message, null, false));
  }

  /** True when the finding is one to count, not build (and counts it unless suppressed). */
  private boolean counts(RuleInfo rule, Severity severity, int line) {
    if (severity.atLeast(built)) {
      return false;
    }
    if (suppressions == null || !suppressions.suppresses(rule, line)) {
      counted[severity.ordinal()]++;
    }
    return true;
  }

  /** Adds what {@code other} counted to this collector's counts. */
  void addCounts(Findings other) {
    for (int i = 0; i < counted.length; i++) {
      counted[i] += other.counted[i];
    }
  }

  /** The findings built, in the order they were found. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** How many findings of this severity were counted and not built. */
  public int counted(Severity severity) {
    return counted[severity.ordinal()];
  }
}
