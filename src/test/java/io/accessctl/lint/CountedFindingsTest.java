package io.accessctl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.catalog.Catalog;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.ParseOptions;
import io.accessctl.testutil.AccessGen;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link Linter#lint(LintContext, Severity, java.util.function.Consumer)} builds the findings at
 * or above a severity exactly as a full lint does, and counts the others, suppressed ones left out.
 */
class CountedFindingsTest {

  @Test
  void blockingFindingsAreBuiltAndTheRestCountedAsAFullLintFindsThem() {
    long runSeed = AccessGen.seed();
    for (int i = 0; i < 60; i++) {
      byte[] data = new AccessGen(AccessGen.caseSeed(runSeed, i)).file(AccessGen.Shape.PLAIN, 5, 80);
      List<Diagnostic> full = Linter.all().lint(context(data));
      for (Severity built : Severity.values()) {
        LintResult r = Linter.all().lint(context(data), built, phase -> { });
        assertThat(r.diagnostics()).as("built %s; file %d; %s", built, i,
            AccessGen.replayHint(runSeed))
            .containsExactlyElementsOf(full.stream().filter(d -> d.severity().atLeast(built))
                .toList());
        for (Severity s : Severity.values()) {
          long inFull = full.stream().filter(d -> d.severity() == s).count();
          assertThat(r.total(s)).as("%s findings, built %s; file %d; %s", s, built, i,
              AccessGen.replayHint(runSeed)).isEqualTo(inFull);
          assertThat(r.counted(s)).isEqualTo(s.atLeast(built) ? 0 : inFull);
        }
      }
    }
  }

  @Test
  void theSampleHoldsTheFirstFindingsBelowTheBuiltSeverityInReportOrder() {
    long runSeed = AccessGen.seed();
    for (int i = 0; i < 40; i++) {
      byte[] data = new AccessGen(AccessGen.caseSeed(runSeed, i)).file(AccessGen.Shape.PLAIN, 5, 80);
      List<Diagnostic> below = Linter.all().lint(context(data)).stream()
          .filter(d -> d.severity() != Severity.ERROR).toList();
      for (int size : new int[] {0, 1, 3, 10}) {
        LintResult r = Linter.all().lint(context(data), Severity.ERROR, size, phase -> { });
        assertThat(r.sample()).as("sample of %d; file %d; %s", size, i,
            AccessGen.replayHint(runSeed))
            .containsExactlyElementsOf(below.subList(0, Math.min(size, below.size())));
        assertThat(r.counted(Severity.INFO) + r.counted(Severity.WARNING))
            .isEqualTo(below.size() - r.sample().size());
      }
    }
  }

  /**
   * A walk cut into chunks on two threads samples each chunk apart, and chunks after a full
   * sample count what cannot be among the first: the sample and the counts are still a full
   * lint's.
   */
  @Test
  void theSampleOfAWalkOnTwoThreadsIsTheFirstFindingsOfAFullLint() {
    long runSeed = AccessGen.seed();
    for (int i = 0; i < 12; i++) {
      byte[] data = new AccessGen(AccessGen.caseSeed(runSeed, i))
          .file(AccessGen.Shape.PLAIN, 300, 600);
      List<Diagnostic> below = Linter.all().lint(context(data)).stream()
          .filter(d -> d.severity() != Severity.ERROR).toList();
      for (int size : new int[] {1, 5, 50}) {
        LintResult r = Linter.all().parallelFrom(1).lint(context(data), Severity.ERROR, size,
            phase -> { });
        assertThat(r.sample()).as("sample of %d; file %d; %s", size, i,
            AccessGen.replayHint(runSeed))
            .containsExactlyElementsOf(below.subList(0, Math.min(size, below.size())));
        assertThat(r.counted(Severity.INFO) + r.counted(Severity.WARNING))
            .as("counted; file %d; %s", i, AccessGen.replayHint(runSeed))
            .isEqualTo(below.size() - r.sample().size());
      }
    }
  }

  @Test
  void aSuppressedWarningIsNeitherBuiltNorCounted() {
    byte[] data = ("# accessctl: disable=AC109\nConnect:192.0.2\tREJECT  \n"
        + "Connect:192.0.3\tREJECT  \nTry_TLS:mx.example.com\tNO # broken\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    LintResult r = Linter.all().lint(context(data), Severity.ERROR, phase -> { });
    assertThat(r.diagnostics()).extracting(Diagnostic::ruleId, Diagnostic::line)
        .containsExactly(org.assertj.core.api.Assertions.tuple("AC108", 4));
    assertThat(Linter.all().lint(context(data))).filteredOn(d -> d.ruleId().equals("AC109"))
        .extracting(Diagnostic::line).containsExactly(3);
    assertThat(r.total(Severity.INFO) + r.total(Severity.WARNING))
        .isEqualTo(Linter.all().lint(context(data)).stream()
            .filter(d -> d.severity() != Severity.ERROR).count());
    assertThat(r.built()).isEqualTo(Severity.ERROR);
  }

  private static LintContext context(byte[] data) {
    AccessSource src = new AccessParser(ParseOptions.defaults()).parse("access", data);
    return new LintContext(src, Catalog.stock(), Optional.empty());
  }
}
