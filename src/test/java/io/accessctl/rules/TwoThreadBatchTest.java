package io.accessctl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.rules.RulesetLookup.Reply;
import io.accessctl.testutil.AccessGen;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch answered on two threads answers as the same questions asked one after the other on one
 * compiled cf: db_map_lookup()'s memory of a map's key form included, for maps whose keys carry
 * a trailing NUL, do not, or (made by hand) both.
 */
class TwoThreadBatchTest {
  private static final int HOSTS = 3000;
  private static final int QUESTIONS = 3 * TwoThreadBatch.CHUNK;
  @TempDir Path dir;

  enum Form { WITHOUT_NUL, WITH_NUL, BOTH }

  record Question(String rulesets, String input) {}

  @Test
  void keysWithoutNulAreAnsweredOnTwoThreadsAsInOrder() throws Exception {
    TwoThreadBatch<RulesetLookup> b = compare(Form.WITHOUT_NUL);
    assertThat(b.halved()).isGreaterThan(0);
    assertThat(b.fallbacks()).isZero();
  }

  @Test
  void keysWithNulAreAnsweredOnTwoThreadsAsInOrder() throws Exception {
    TwoThreadBatch<RulesetLookup> b = compare(Form.WITH_NUL);
    assertThat(b.halved()).isGreaterThan(0);
    assertThat(b.fallbacks()).isZero();
  }

  @Test
  void aMapHoldingBothFormsIsAnsweredInOrderWhereTheFormsMeet() throws Exception {
    TwoThreadBatch<RulesetLookup> b = compare(Form.BOTH);
    assertThat(b.fallbacks()).isGreaterThan(0);
  }

  @Test
  void aTwinOfTheCompiledCfAnswersAsInOrder() throws Exception {
    for (Form form : Form.values()) {
      TwoThreadBatch<RulesetLookup> b = compare(form, true);
      assertThat(b.halved()).as("%s", form).isGreaterThan(0);
    }
  }

  private TwoThreadBatch<RulesetLookup> compare(Form form) throws Exception {
    return compare(form, false);
  }

  /**
   * Asks the same seeded questions both ways; returns the two-thread batch, closed. Its second
   * copy is compiled again, or a {@link RulesetLookup#twin} of the first.
   */
  private TwoThreadBatch<RulesetLookup> compare(Form form, boolean twin) throws Exception {
    long seed = AccessGen.seed();
    Random random = new Random(seed ^ form.ordinal());
    Map<ByteBuffer, byte[]> records = new HashMap<>();
    for (int i = 0; i < HOSTS; i++) {
      boolean nul = switch (form) {
        case WITHOUT_NUL -> false;
        case WITH_NUL -> true;
        case BOTH -> i % 2 == 0;
      };
      String key = "connect:host" + i + ".example" + (nul ? "\0" : "");
      records.put(ByteBuffer.wrap(key.getBytes(StandardCharsets.ISO_8859_1)),
          (random.nextBoolean() ? "OK" : "REJECT").getBytes(StandardCharsets.ISO_8859_1));
    }
    MapStorage storage = key -> Optional.ofNullable(records.get(ByteBuffer.wrap(key)));
    Path cf = ConnCf.write(dir);
    List<Question> questions = new ArrayList<>();
    for (int q = 0; q < QUESTIONS; q++) {
      // a third of the hosts have no entry; the rest are found in whatever form they are kept
      questions.add(new Question("conn", "host" + random.nextInt(HOSTS * 3 / 2) + ".example"));
    }
    // each half of the first chunk starts with a key of its own form, where a map holds both
    questions.set(0, new Question("conn", "host0.example"));
    questions.set(TwoThreadBatch.CHUNK / 2, new Question("conn", "host1.example"));
    RulesetLookup one = RulesetLookup.open(cf, Map.of(), Map.of("access", storage));
    List<Reply> expected = new ArrayList<>();
    for (Question q : questions) {
      expected.add(one.ask(q.rulesets(), q.input()));
    }
    List<Reply> actual = new ArrayList<>();
    RulesetLookup first = RulesetLookup.open(cf, Map.of(), Map.of("access", storage));
    TwoThreadBatch<RulesetLookup> batch = new TwoThreadBatch<>(first, twin
        ? () -> first.twin(Map.of())
        : () -> RulesetLookup.open(cf, Map.of(), Map.of("access", storage)), RulesetLookup::book);
    try (batch) {
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!batch.twinReady() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      for (int from = 0; from < questions.size(); from += TwoThreadBatch.CHUNK) {
        actual.addAll(batch.ask(questions.subList(from,
            Math.min(questions.size(), from + TwoThreadBatch.CHUNK)),
            (l, q) -> l.ask(q.rulesets(), q.input())));
      }
    }
    assertThat(actual).as("answers, %s, %s", form, AccessGen.replayHint(seed))
        .isEqualTo(expected);
    return batch;
  }
}
