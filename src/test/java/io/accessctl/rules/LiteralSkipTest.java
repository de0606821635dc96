package io.accessctl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.CfLines;
import io.accessctl.testutil.AccessGen;
import io.accessctl.testutil.RuleGen;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine skips a rule without matching when the workspace holds no token equal to one of the
 * LHS literals ({@link RuleCode#required}): that must change no answer, no trace line and no
 * error, only the steps taken.
 */
class LiteralSkipTest {
  private static final int CFS = 6;
  private static final int QUESTIONS_PER_GROUP = 40;
  /** Questions that take more steps without skipping are left out (backtracking blow-ups). */
  private static final long SLOW_STEPS = 200_000L;

  @TempDir Path dir;

  @Test
  void skippingRulesChangesNoAnswerOrTraceOfRandomRules() throws Exception {
    long seed = AccessGen.seed();
    System.out.println("LiteralSkipTest seed " + seed + " (" + AccessGen.replayHint(seed) + ")");
    Map<String, byte[]> records = new HashMap<>();
    for (String m : RuleGen.MAPPED) {
      String[] kv = m.split("\t", 2);
      records.put(kv[0], kv[1].getBytes(StandardCharsets.ISO_8859_1));
    }
    MapStorage access = key -> Optional.ofNullable(
        records.get(new String(key, StandardCharsets.ISO_8859_1)));
    int compared = 0;
    long stepsOn = 0;
    long stepsOff = 0;
    for (int c = 0; c < CFS; c++) {
      Random rnd = new Random(AccessGen.caseSeed(seed, c));
      Path cf = dir.resolve("random" + c + ".cf");
      Files.writeString(cf, RuleGen.cf(rnd, c, dir.resolve("access")),
          StandardCharsets.ISO_8859_1);
      RuleBook book = Compiler.compile(CfLines.read(cf),
          Settings.NONE.withStorage("access", access));
      Engine on = new Engine(book).withWorkLimit(SLOW_STEPS);
      Engine off = new Engine(book).withWorkLimit(SLOW_STEPS).skippingByLiterals(false);
      for (int g = 0; g < RuleGen.GROUPS; g++) {
        for (int q = 0; q < QUESTIONS_PER_GROUP; q++) {
          RuleGen.Question question = RuleGen.question(rnd, g);
          Map<String, String> macros = Map.of("{d1}", question.d1(), "{d2}", question.d2());
          BtTranscript offTrace = new BtTranscript();
          List<Engine.Answer> offAnswers;
          try {
            offAnswers = off.run(question.rulesets(), off.inputTokens(question.address()),
                macros, offTrace);
          } catch (Engine.TooMuchWork e) {
            continue;
          }
          BtTranscript onTrace = new BtTranscript();
          List<Engine.Answer> onAnswers = on.run(question.rulesets(),
              on.inputTokens(question.address()), macros, onTrace);
          String what = "seed " + seed + ", cf " + c + " (" + cf + "), " + question;
          assertThat(onAnswers).as(what).isEqualTo(offAnswers);
          assertThat(onTrace.lines).as(what).isEqualTo(offTrace.lines);
          assertThat(on.steps()).as(what).isLessThanOrEqualTo(off.steps());
          stepsOn += on.steps();
          stepsOff += off.steps();
          compared++;
        }
      }
    }
    System.out.println("LiteralSkipTest: " + compared + " questions answered alike; steps "
        + stepsOn + " with skipping, " + stepsOff + " without");
    assertThat(compared).isGreaterThan(CFS * RuleGen.GROUPS * QUESTIONS_PER_GROUP / 2);
  }

  @Test
  void aRuleWhoseLiteralTheWorkspaceLacksIsNotMatched() throws Exception {
    Path cf = dir.resolve("plus.cf");
    // the first rule backtracks over the whole workspace before it fails without a +
    Files.writeString(cf, "V10/Berkeley\nSplus\nR$* $* + $*\t$@ plus\nR$*\t$@ none\n",
        StandardCharsets.ISO_8859_1);
    RuleBook book = Compiler.compile(CfLines.read(cf), Settings.NONE);
    Engine on = new Engine(book);
    Engine off = new Engine(book).skippingByLiterals(false);
    String without = "a b c d e f g h";
    assertThat(on.run("plus", on.inputTokens(without), Map.of(), Trace.NONE))
        .extracting(Engine.Answer::printed).containsExactly("none");
    assertThat(off.run("plus", off.inputTokens(without), Map.of(), Trace.NONE))
        .extracting(Engine.Answer::printed).containsExactly("none");
    assertThat(on.steps()).isLessThan(off.steps() / 4);
    assertThat(on.run("plus", on.inputTokens("a b + c"), Map.of(), Trace.NONE))
        .extracting(Engine.Answer::printed).containsExactly("plus");
  }
}
