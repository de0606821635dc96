package io.accessctl.lint.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.CfFile;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lints the corpus of real-looking maps and holds lint to the annotations beside each: every
 * planted defect reported by its rule and by no other warning or error, no warning or error on a
 * line sendmail uses as meant, advice that recurs given once, and no message more than three
 * times in a file. {@code CorpusOracleTest} checks the annotations' claims about sendmail.
 */
class CorpusTest {

  @Test
  void theCorpusHasAboutADozenAnnotatedMaps() {
    List<Corpus.Sample> all = Corpus.all();
    assertThat(all).hasSizeGreaterThanOrEqualTo(12);
    assertThat(all).allSatisfy(m -> assertThat(m.lines()).as(m.name()).isNotEmpty());
    assertThat(all.stream().mapToInt(m -> m.lines().size()).sum()).isGreaterThan(150);
  }

  @Test
  void lintSaysWhatSendmailDoesOnEveryAnnotatedLine() {
    List<String> problems = new ArrayList<>();
    for (Corpus.Sample m : Corpus.all()) {
      List<Diagnostic> found = Corpus.lint(m.bytes(), Corpus.cf(m.cf()));
      for (Corpus.Line l : m.lines()) {
        List<Diagnostic> on = found.stream().filter(d -> d.line() == l.number()).toList();
        List<Diagnostic> serious = on.stream()
            .filter(d -> d.severity().atLeast(Severity.WARNING)).toList();
        if (l.rule() == null && !serious.isEmpty()) {
          problems.add(m.name() + ":" + l.number() + " is used as written, yet: " + show(serious));
        } else if (l.rule() != null) {
          boolean reported = on.stream().anyMatch(d -> d.ruleId().equals(l.rule()));
          List<Diagnostic> others = serious.stream()
              .filter(d -> !d.ruleId().equals(l.rule())).toList();
          if (!reported || !others.isEmpty()) {
            problems.add(m.name() + ":" + l.number() + " should draw " + l.rule() + " alone: "
                + show(on));
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void recurringAdviceIsGivenOnceWithItsCountAndNoMessageRepeatsMoreThanThreeTimes() {
    List<String> problems = new ArrayList<>();
    for (Corpus.Sample m : Corpus.all()) {
      List<Diagnostic> found = Corpus.lint(m.bytes(), Corpus.cf(m.cf()));
      Map<String, Integer> times = new HashMap<>();
      found.forEach(d -> times.merge(d.message(), 1, Integer::sum));
      times.forEach((msg, n) -> {
        if (n > 3) {
          problems.add(m.name() + ": " + n + " times: " + msg);
        }
      });
      for (Corpus.Fold f : m.folds()) {
        boolean once = found.stream().anyMatch(d -> d.ruleId().equals(f.rule())
            && d.message().startsWith(f.count() + " times (lines "));
        if (!once) {
          problems.add(m.name() + ": no " + f.rule() + " advice for " + f.count() + " lines: "
              + show(found.stream().filter(d -> d.ruleId().equals(f.rule())).toList()));
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void untaggedRejectionsWarnOnlyWhenTheCfRejectsMailToThem() {
    Corpus.Sample legacy = Corpus.all().stream()
        .filter(m -> m.name().equals("legacy-untagged.access")).findFirst().orElseThrow();
    List<Diagnostic> debian = Corpus.lint(legacy.bytes(), Corpus.cf("debian"));
    assertThat(debian).filteredOn(d -> d.ruleId().equals("AC203"))
        .allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.INFO));
    List<Diagnostic> blocklist = Corpus.lint(legacy.bytes(), Corpus.cf("blocklist"));
    assertThat(blocklist).filteredOn(d -> d.ruleId().equals("AC203")
        && d.severity() == Severity.WARNING).singleElement().satisfies(d -> assertThat(
            d.message()).startsWith("70 times (lines 4-79)")
            .contains("also refuse mail to those domains", "blocklist_recipients"));
  }

  @Test
  void debianStockFileAndTheExampleHaveNoErrors() throws Exception {
    CfFile cf = Corpus.cf("debian");
    for (Path p : List.of(Path.of("src/test/resources/lint/debian-access"),
        Path.of("examples/access"))) {
      assertThat(Corpus.lint(Files.readAllBytes(p), cf)).as(p.toString())
          .noneMatch(d -> d.severity() == Severity.ERROR);
    }
  }

  private static String show(List<Diagnostic> ds) {
    return ds.stream().map(d -> d.ruleId() + " " + d.severity().word() + ": " + d.message())
        .toList().toString();
  }
}
