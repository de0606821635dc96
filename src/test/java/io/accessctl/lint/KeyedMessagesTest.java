package io.accessctl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Entry;
import io.accessctl.source.ParseOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link Findings#add(RuleInfo, Entry, int, Object, Function)}: findings whose messages depend on
 * one key share one message, made once per distinct key across a collector and its forks.
 */
class KeyedMessagesTest {
  private static final RuleInfo RULE =
      new RuleInfo("AC999", "test-rule", Severity.WARNING, "a test rule", "");

  private record Letter(char c) {}

  @Test
  void findingsOfOneKeyShareOneMessageMadeOnce() {
    AccessSource src = new AccessParser(ParseOptions.defaults())
        .parse("access", "a OK\nb OK\nc OK\nd OK\n".getBytes(StandardCharsets.UTF_8));
    List<Entry> entries = src.entries();
    List<Character> made = new ArrayList<>();
    Function<Letter, String> message = l -> {
      made.add(l.c());
      return "letter '" + l.c() + "' is ignored";
    };
    Findings out = new Findings("access");
    Findings fork = out.fork();
    out.add(RULE, entries.get(0), 1, new Letter('D'), message);
    out.add(RULE, entries.get(1), 1, new Letter('X'), message);
    fork.add(RULE, entries.get(2), 1, new Letter('D'), message);
    fork.add(RULE, entries.get(3), 1, new Letter('D'), message);
    out.join(fork);

    List<Diagnostic> found = out.diagnostics();
    assertThat(found).extracting(Diagnostic::line).containsExactly(1, 2, 3, 4);
    assertThat(found).extracting(Diagnostic::message).containsExactly(
        "letter 'D' is ignored", "letter 'X' is ignored", "letter 'D' is ignored",
        "letter 'D' is ignored");
    assertThat(found.get(2).message()).isSameAs(found.get(0).message())
        .isSameAs(found.get(3).message());
    assertThat(made).containsExactlyInAnyOrder('D', 'X');
  }

  @Test
  void aCountingCollectorMakesNoMessageForWhatItOnlyCounts() {
    AccessSource src = new AccessParser(ParseOptions.defaults())
        .parse("access", "a OK\n".getBytes(StandardCharsets.UTF_8));
    List<Character> made = new ArrayList<>();
    Findings out = Findings.counting("access", Severity.ERROR, null);
    out.add(RULE, src.entries().get(0), 1, new Letter('D'), l -> {
      made.add(l.c());
      return "letter";
    });
    assertThat(out.diagnostics()).isEmpty();
    assertThat(out.counted(Severity.WARNING)).isEqualTo(1);
    assertThat(made).isEmpty();
  }
}
