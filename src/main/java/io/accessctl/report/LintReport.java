package io.accessctl.report;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The outcome of one lint run, in report order.
 *
 * <p>The constructor puts both lists in the order every reporter prints, so that output is
 * deterministic whatever order the rules ran in:
 *
 * <ul>
 *   <li>{@code files}: every file the run checked, in the order given, followed by any file that a
 *       diagnostic names but the list lacks (for example the {@code sendmail.cf} of {@code --cf}),
 *       in order of first appearance; no duplicates.
 *   <li>{@code diagnostics}: by file (in the order of {@code files}), line, column, rule id and
 *       message. Line 0 (the file as a whole) comes first in its file, column 0 first in its line.
 * </ul>
 *
 * @param files the files checked, including those without findings
 * @param diagnostics the findings
 * @param cf the sendmail.cf some findings were judged against, or null when none depends on one
 */
public record LintReport(List<String> files, List<Diagnostic> diagnostics, JudgedAgainst cf) {
  /**
   * The sendmail.cf findings were judged against, said once per report.
   *
   * @param file the cf's path, or null when no cf was read
   * @param version its sendmail version, or null
   */
  public record JudgedAgainst(String file, String version) {
    /** One line for people: which cf, and how to choose another. */
    public String sentence() {
      return file == null
          ? "judged without a sendmail.cf; --cf FILE to judge against one"
          : "judged against " + file + " (sendmail " + version + "); --cf FILE or --no-cf to"
              + " choose another";
    }
  }

  /** A report of findings none of which depends on a sendmail.cf. */
  public LintReport(List<String> files, List<Diagnostic> diagnostics) {
    this(files, diagnostics, null);
  }

  /** The order within one file; see the class comment. */
  private static final Comparator<Diagnostic> IN_FILE = (a, b) -> {
    int c = Integer.compare(a.line(), b.line());
    if (c == 0) {
      c = Integer.compare(a.column(), b.column());
    }
    if (c == 0) {
      c = a.ruleId().compareTo(b.ruleId());
    }
    if (c != 0 || a.message() == b.message()) {
      return c;
    }
    return a.message() == null ? -1 : b.message() == null ? 1 : a.message().compareTo(b.message());
  };

  public LintReport {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (String f : files) {
      names.add(Objects.requireNonNull(f, "file"));
    }
    String last = null;
    boolean oneFileInOrder = true;
    Diagnostic previous = null;
    for (Diagnostic d : diagnostics) {
      String file = Objects.requireNonNull(d.file(), "diagnostic file");
      if (file != last) { // the findings of a file come together: one look-up for a run of them
        names.add(file);
        oneFileInOrder &= last == null || file.equals(last);
        last = file;
      }
      oneFileInOrder = oneFileInOrder && (previous == null || inOrder(previous, d));
      previous = d;
    }
    files = List.copyOf(names);
    // the findings of one file in order, as a lint of one file hands them over, stay as they are
    diagnostics = List.copyOf(oneFileInOrder ? diagnostics : sorted(files, diagnostics));
  }

  /** Whether {@code b} may follow {@code a} in one file: most often told by their lines alone. */
  private static boolean inOrder(Diagnostic a, Diagnostic b) {
    return a.line() < b.line() || IN_FILE.compare(a, b) <= 0;
  }

  /** Sorted file by file: a comparison then never looks a file up. */
  private static List<Diagnostic> sorted(List<String> files, List<Diagnostic> diagnostics) {
    Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
    for (String f : files) {
      byFile.put(f, new ArrayList<>());
    }
    for (Diagnostic d : diagnostics) {
      byFile.get(d.file()).add(d);
    }
    List<Diagnostic> sorted = new ArrayList<>(diagnostics.size());
    for (List<Diagnostic> inFile : byFile.values()) {
      inFile.sort(IN_FILE);
      sorted.addAll(inFile);
    }
    return sorted;
  }

  /** How many findings have exactly this severity. */
  public int count(Severity severity) {
    int n = 0;
    for (Diagnostic d : diagnostics) {
      if (d.severity() == severity) {
        n++;
      }
    }
    return n;
  }

  /** How many findings {@code --fix} can repair. */
  public int fixableCount() {
    int n = 0;
    for (Diagnostic d : diagnostics) {
      if (d.fixable()) {
        n++;
      }
    }
    return n;
  }

  /** How many files were checked, with or without findings. */
  public int filesChecked() {
    return files.size();
  }

  /**
   * How many files have at least one finding: the findings of a file come together in report
   * order, so each file is counted where its findings begin.
   */
  public int filesWithFindings() {
    int n = 0;
    String last = null;
    for (Diagnostic d : diagnostics) {
      String file = d.file();
      if (file != last && !file.equals(last)) {
        n++;
        last = file;
      }
    }
    return n;
  }

  /** The most severe finding's severity, empty when there are none (for {@code --fail-level}). */
  public Optional<Severity> maxSeverity() {
    Severity max = null;
    for (Diagnostic d : diagnostics) {
      Severity s = d.severity();
      if (max == null || s.compareTo(max) > 0) {
        max = s;
      }
    }
    return Optional.ofNullable(max);
  }

  /** Whether some finding is at least as severe as {@code level} (lint's exit status). */
  public boolean reaches(Severity level) {
    for (Diagnostic d : diagnostics) {
      if (d.severity().atLeast(level)) {
        return true;
      }
    }
    return false;
  }

  /** Every file in report order with its findings in report order; empty lists for clean files. */
  public Map<String, List<Diagnostic>> byFile() {
    Map<String, List<Diagnostic>> out = new LinkedHashMap<>();
    for (String f : files) {
      out.put(f, new ArrayList<>());
    }
    for (Diagnostic d : diagnostics) {
      out.get(d.file()).add(d);
    }
    out.replaceAll((f, list) -> List.copyOf(list));
    return out;
  }

  /** The rules that found something, once each (the first seen for an id), ordered by id. */
  public List<RuleInfo> rules() {
    Map<String, RuleInfo> byId = new TreeMap<>();
    for (Diagnostic d : diagnostics) {
      byId.putIfAbsent(d.ruleId(), d.rule());
    }
    return List.copyOf(byId.values());
  }
}
