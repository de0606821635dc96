package io.accessctl.app;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.Findings;
import io.accessctl.lint.Linter;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Rules;
import io.accessctl.lint.Severity;
import io.accessctl.lint.Suppressions;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Entry;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SourceLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * For {@code lint --staged}: entries the commit adds below CanIt's marker. AC501 already reports
 * entries CanIt would not have written there; a commit that adds even a Connect, From or To line
 * below the marker is editing CanIt's part by hand too (CanIt deletes it on its next rewrite), so
 * every entry that is below the marker in the index but not below it in HEAD is an error as well.
 */
final class StagedAdditions {
  private StagedAdditions() {}

  /** {@code found} plus an AC501 error for each added entry below the marker not yet reported. */
  static List<Diagnostic> withAddedBelowMarker(Path file, AccessSource staged, List<Diagnostic> found,
      Linter linter, ParseOptions options) throws IOException {
    RuleInfo rule = Rules.find("AC501").orElseThrow();
    List<SourceLine> markers = staged.canitMarkers();
    if (markers.isEmpty() || !linter.enabled(rule)) {
      return found;
    }
    Map<String, Integer> before = belowMarker(headVersion(file, options));
    Set<Integer> reported = found.stream().filter(d -> d.ruleId().equals(rule.id()))
        .map(Diagnostic::line).collect(Collectors.toSet());
    int marker = markers.get(0).number();
    Findings added = new Findings(staged.name());
    for (Entry e : staged.entries()) {
      if (e.lineNumber() <= marker) {
        continue;
      }
      String text = e.line().text();
      Integer n = before.get(text);
      if (n != null && n > 0) {
        before.put(text, n - 1);
      } else if (!reported.contains(e.lineNumber())) {
        added.add(rule, Severity.ERROR, e.line(), 1, "this commit adds an entry below CanIt's "
            + "marker on line " + marker + ", and CanIt deletes what it did not write there on its "
            + "next rewrite; add it above the marker", false);
      }
    }
    Suppressions sup = new Suppressions(staged);
    List<Diagnostic> out = new ArrayList<>(found);
    added.diagnostics().stream().filter(d -> !sup.suppresses(d)).forEach(out::add);
    out.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column)
        .thenComparing(Diagnostic::ruleId));
    return out;
  }

  /** How often each entry line occurs below the marker (none when there is no marker). */
  private static Map<String, Integer> belowMarker(AccessSource src) {
    Map<String, Integer> count = new HashMap<>();
    if (src == null || src.canitMarkers().isEmpty()) {
      return count;
    }
    int marker = src.canitMarkers().get(0).number();
    for (Entry e : src.entries()) {
      if (e.lineNumber() > marker) {
        count.merge(e.line().text(), 1, Integer::sum);
      }
    }
    return count;
  }

  /** The file as committed in HEAD, or null for a new file or a repository without commits. */
  private static AccessSource headVersion(Path file, ParseOptions options) throws IOException {
    byte[] data = StagedFile.show(file, "HEAD");
    return data == null ? null : new AccessParser(options).parse(file.toString(), data);
  }
}
