package io.accessctl.cf;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.AccessGen;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** CfText's hand-written splitting of rules and S and Q lines answers what the regexes it replaced answer. */
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
  void aRuleKeepsItsLeftAndRightSideAndDropsTheComment() {
    assertThat(Arrays.asList(CfText.lhsAndRhs("<$+> $*\t\t$#error $@ 5.7.1\tcomment\there")))
        .containsExactly("<$+> $*", "$#error $@ 5.7.1");
  }
}
