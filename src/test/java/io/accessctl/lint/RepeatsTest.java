package io.accessctl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.ParseOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatsTest {
  private static final RuleInfo RULE =
      new RuleInfo("AC999", "test-rule", Severity.INFO, "a test rule", "");

  private static AccessSource source(String text) {
    return new AccessParser(ParseOptions.defaults())
        .parse("access", text.getBytes(StandardCharsets.UTF_8));
  }

  private static Diagnostic at(int line, String message, String advice) {
    return new Diagnostic("access", line, 1, Severity.INFO, RULE, message, "x", false, advice);
  }

  @Test
  void threeFindingsOfOneAdviceStayOneByOne() {
    AccessSource src = source("a OK\nb OK\nc OK\n");
    List<Diagnostic> found = List.of(at(1, "a", "same"), at(2, "b", "same"), at(3, "c", "same"));
    assertThat(Repeats.fold(found, src)).isEqualTo(found);
  }

  @Test
  void moreAreReportedOnceWithTheirCountAndLinesAsRangesOverComments() {
    AccessSource src = source("a OK\n# note\nb OK\nc OK\nd RELAY\ne OK\n\nf OK\n");
    List<Diagnostic> found = List.of(at(1, "a", "same"), at(3, "b", "same"), at(4, "c", "same"),
        at(5, "d", null), at(6, "e", "same"), at(8, "f", "same"));
    List<Diagnostic> folded = Repeats.fold(found, src);
    assertThat(folded).extracting(Diagnostic::line).containsExactly(1, 5);
    assertThat(folded.get(0).message()).isEqualTo("5 times (lines 1-4, 6-8): same");
    assertThat(folded.get(1).message()).isEqualTo("d");
  }

  @Test
  void identicalMessagesWithoutAdviceAreFoldedToo() {
    AccessSource src = source("a OK\nb OK\nc OK\nd OK\n");
    List<Diagnostic> found = List.of(at(1, "m", null), at(2, "m", null), at(3, "m", null),
        at(4, "m", null));
    assertThat(Repeats.fold(found, src)).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("4 times (lines 1-4): m"));
  }
}
