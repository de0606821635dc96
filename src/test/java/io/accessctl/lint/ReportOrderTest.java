package io.accessctl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.AccessGen;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReportOrderTest {
  private static final List<RuleInfo> RULES = List.of(
      new RuleInfo("AC101", "a", Severity.ERROR, "", ""),
      new RuleInfo("AC216", "b", Severity.WARNING, "", ""),
      new RuleInfo("AC403", "c", Severity.INFO, "", ""));

  @Test
  void sortsByLineColumnAndRuleKeepingTheOrderFoundOnTies() {
    long seed = AccessGen.seed();
    System.err.println("ReportOrderTest: " + AccessGen.replayHint(seed));
    for (int c = 0; c < 200; c++) {
      Random rnd = new Random(AccessGen.caseSeed(seed, c));
      // as findings come: a few runs in line order (whole-file rules, the walk's chunks), each
      // out of order only within a line; now and then in no order at all
      List<Diagnostic> found = new ArrayList<>();
      int runs = 1 + rnd.nextInt(6);
      boolean shuffled = c % 10 == 0;
      for (int r = 0; r < runs; r++) {
        int line = rnd.nextInt(3);
        for (int i = rnd.nextInt(c % 20 == 19 ? 3000 : 30); i > 0; i--) {
          line += shuffled ? rnd.nextInt(7) - 3 : rnd.nextInt(3) == 0 ? 1 : 0;
          found.add(new Diagnostic("access", Math.max(0, line), rnd.nextInt(3),
              Severity.INFO, RULES.get(rnd.nextInt(3)), "#" + found.size(), null, false));
        }
      }
      List<Diagnostic> expected = new ArrayList<>(found);
      expected.sort(Comparator.comparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column).thenComparing(Diagnostic::ruleId));
      Findings.sortInReportOrder(found);
      assertThat(found).as("case " + c + ", " + AccessGen.replayHint(seed))
          .containsExactlyElementsOf(expected);
    }
  }
}
