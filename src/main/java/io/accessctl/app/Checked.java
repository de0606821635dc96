package io.accessctl.app;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.CfFile;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.LintResult;
import io.accessctl.lint.Linter;
import io.accessctl.lint.Severity;
import io.accessctl.source.AccessSource;
import io.accessctl.source.SyntaxIssue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A parsed map judged by a {@link WritePolicy}: every lint rule run, the findings that refuse the
 * write apart from those that do not.
 *
 * @param source the parsed text
 * @param blocking findings that refuse the write unless forced (by the policy, or as lint's report
 *     of one of makemap's errors), in line order
 * @param others the findings that do not, in line order: all of them, or those built when the
 *     rest are only counted
 * @param issues makemap's errors that refuse the write unless forced
 * @param forced the policy's --force: the write goes ahead whatever refuses it
 * @param counted how many findings that cannot refuse the write were counted, not built
 */
public record Checked(AccessSource source, List<Diagnostic> blocking, List<Diagnostic> others,
    List<SyntaxIssue> issues, boolean forced, int counted) {
  /**
   * What refuses the write, counted as a person reads it.
   *
   * @param makemapErrors makemap's errors (lint's report of one is not counted again)
   * @param lintErrors lint errors on the other lines
   * @param lintWarnings lint warnings and below (with --strict)
   */
  public record Count(int makemapErrors, int lintErrors, int lintWarnings) {}

  private static final Comparator<Diagnostic> LINE_ORDER = Comparator.comparingInt(
      Diagnostic::line).thenComparingInt(Diagnostic::column).thenComparing(Diagnostic::ruleId);

  /** Lints {@code source} with every rule and sorts the findings by the policy. */
  public static Checked of(AccessSource source, Optional<CfFile> cf, WritePolicy policy,
      Consumer<String> phases) {
    return judge(source, cf, policy, Severity.INFO, 0, phases);
  }

  /**
   * Lints {@code source} with every rule, building in full the findings that may refuse the
   * write (errors, and whatever the policy refuses) and the first {@code others} of the rest in
   * line order, and counting the rest.
   */
  public static Checked of(AccessSource source, Optional<CfFile> cf, WritePolicy policy,
      int others, Consumer<String> phases) {
    return judge(source, cf, policy, policy.strict() ? Severity.WARNING : Severity.ERROR, others,
        phases);
  }

  private static Checked judge(AccessSource source, Optional<CfFile> cf, WritePolicy policy,
      Severity built, int sample, Consumer<String> phases) {
    LintResult result = Linter.all().lint(new LintContext(source, Catalog.stock(), cf), built,
        sample, phases);
    List<Diagnostic> findings = new ArrayList<>(result.diagnostics());
    if (!result.sample().isEmpty()) {
      findings.addAll(result.sample());
      findings.sort(LINE_ORDER);
    }
    int counted = 0;
    for (Severity s : Severity.values()) {
      counted += result.counted(s);
    }
    List<SyntaxIssue> issues = source.issues().stream().filter(policy::blocks).toList();
    Set<Integer> issueLines = new HashSet<>();
    issues.forEach(i -> issueLines.add(i.line()));
    List<Diagnostic> blocking = new ArrayList<>();
    List<Diagnostic> others = new ArrayList<>();
    for (Diagnostic d : findings) {
      if (!policy.applies(d)) {
        continue;
      }
      // an error on a line makemap rejects is lint's report of that rejection
      boolean reportsIssue = d.severity() == Severity.ERROR && issueLines.contains(d.line());
      (policy.blocks(d) || reportsIssue ? blocking : others).add(d);
    }
    return new Checked(source, List.copyOf(blocking), List.copyOf(others), issues,
        policy.force(), counted);
  }

  /**
   * How many problems refuse the write: the blocking findings, and makemap's errors on lines
   * where no blocking finding is.
   */
  public int problems() {
    Set<Integer> lines = lines(blocking);
    return blocking.size() + (int) issues.stream().filter(i -> !lines.contains(i.line())).count();
  }

  /** Something refuses the write and it is not forced. */
  public boolean refused() {
    return problems() > 0 && !forced;
  }

  /** Something would have refused the write, and --force overrode it. */
  public boolean overridden() {
    return problems() > 0 && forced;
  }

  /** What refuses the write (or was overridden), by kind. */
  public Count count() {
    Set<Integer> issueLines = new HashSet<>();
    issues.forEach(i -> issueLines.add(i.line()));
    int errors = 0;
    int warnings = 0;
    for (Diagnostic d : blocking) {
      if (d.severity() != Severity.ERROR) {
        warnings++;
      } else if (!issueLines.contains(d.line())) {
        errors++;
      }
    }
    return new Count(issues.size(), errors, warnings);
  }

  /**
   * makemap's errors that no finding shows, because a suppression comment hid it: a comment does
   * not make the db say what the text says.
   */
  public List<SyntaxIssue> hiddenIssues() {
    Set<Integer> lines = lines(blocking);
    lines.addAll(lines(others));
    return issues.stream().filter(i -> !lines.contains(i.line())).toList();
  }

  /** Every finding built, in line order. */
  public List<Diagnostic> findings() {
    List<Diagnostic> all = new ArrayList<>(blocking.size() + others.size());
    all.addAll(blocking);
    all.addAll(others);
    all.sort(LINE_ORDER);
    return all;
  }

  private static Set<Integer> lines(List<Diagnostic> ds) {
    Set<Integer> lines = new HashSet<>();
    ds.forEach(d -> lines.add(d.line()));
    return lines;
  }
}
