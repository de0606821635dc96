package io.accessctl.cf;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.AccessGen;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * CfText's hand-written splitting of rules and S and Q lines, and its joining of continuation
 * lines, answer what the regexes and the line-by-line fold they replaced answer.
 */
class CfTextTest {
  private static final String ALPHABET = "\t\t \t\"$#<>+ab:=,\r\n\u000b\f\u001c\u00a0";

  @Test
  void ruleFieldsAndNormalizingAgreeWithTheRegexes() {
    long seed = AccessGen.seed();
    Random rnd = new Random(seed);
    for (int i = 0; i < 100_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = rnd.nextInt(16); n > 0; n--) {
        sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
      }
      String s = sb.toString();
      String why = AccessGen.escape(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
          + "; " + AccessGen.replayHint(seed);
      String[] split = s.split("\t+", 3);
      String[] expected = {split[0], split.length > 1 ? split[1] : ""};
      assertThat(CfText.lhsAndRhs(s)).as(why).containsExactly(expected);
      assertThat(CfText.firstWord(s, "=")).as(why).isEqualTo(s.split("[=\\s]", 2)[0]);
      assertThat(CfText.firstWord(s, ",")).as(why).isEqualTo(s.split("[,\\s]", 2)[0]);
      assertThat(CfText.normalize(s)).as(why)
          .isEqualTo(s.replace("\"", "").replaceAll("\\s+", " ").strip());
    }
  }

  @Test
  void continuationLinesJoinAsTheyDidLineByLine() {
    long seed = AccessGen.seed();
    Random rnd = new Random(seed);
    String[] pieces = {"R$* $@ x", " cont", "\tcont", "", "# c", "Sx", "\n", "\n", "\n", " ", "\t"};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = rnd.nextInt(12); n > 0; n--) {
        sb.append(pieces[rnd.nextInt(pieces.length)]);
      }
      String text = sb.toString();
      assertThat(CfText.parse(text).lines).as("%s; %s",
          AccessGen.escape(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
          AccessGen.replayHint(seed)).containsExactlyElementsOf(lineByLine(text));
    }
  }

  /** The fold as first written: physical lines one by one into a StringBuilder. */
  private static java.util.List<CfText.Line> lineByLine(String text) {
    java.util.List<CfText.Line> lines = new java.util.ArrayList<>();
    int number = 0;
    StringBuilder cur = null;
    int curNumber = 0;
    for (String physical : text.split("\n", -1)) {
      number++;
      if (!physical.isEmpty() && (physical.charAt(0) == ' ' || physical.charAt(0) == '\t')
          && cur != null) {
        cur.append('\n').append(physical);
        continue;
      }
      if (cur != null) {
        lines.add(new CfText.Line(curNumber, cur.toString()));
      }
      cur = new StringBuilder(physical);
      curNumber = number;
    }
    if (cur != null && cur.length() > 0) {
      lines.add(new CfText.Line(curNumber, cur.toString()));
    }
    return lines;
  }

  @Test
  void aRuleKeepsItsLeftAndRightSideAndDropsTheComment() {
    assertThat(Arrays.asList(CfText.lhsAndRhs("<$+> $*\t\t$#error $@ 5.7.1\tcomment\there")))
        .containsExactly("<$+> $*", "$#error $@ 5.7.1");
  }
}
