package io.accessctl.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The points where the two earlier ports disagreed, each as sendmail -bt decided it (seen with a
 * map value read through a ruleset; PrescanOracleTest holds the whole tokenizer to it).
 */
class PrescanEdgesTest {
  private static List<String> t(String s) {
    return Prescan.words(s);
  }

  @Test
  void aBackslashBeforeABangOutsideQuotesVanishesAndTheBangIsAnOperator() {
    assertThat(t("a\\!b")).containsExactly("a", "!", "b");
    assertThat(t("\"q\\!r\" \\!s")).containsExactly("\"q\\!r\"", "!", "s");
    assertThat(t("x\\ y")).containsExactly("x\\ y");
  }

  @Test
  void aByteFfIsReadAs7fAndStaysInItsWord() {
    assertThat(t("A\u00ffB")).containsExactly("A\u007fB");
    assertThat(t(".\u00ff.")).containsExactly(".", "\u007f", ".");
    assertThat(t("\"A\u00ffB\"")).containsExactly("\"A\u007fB\"");
  }

  @Test
  void aNulEndsTheStringEvenInsideAnUnclosedQuoteCommentOrAngle() {
    assertThat(t("A\0B")).containsExactly("A");
    assertThat(t("\"a\0b")).containsExactly("\"a\"");
    assertThat(t("(a\0)b")).isEmpty();
    assertThat(t("<a\0>b")).containsExactly("<", "a", ">");
  }

  @Test
  void aBackslashAtTheEndVanishesButInAQuoteItEscapesTheClosingQuote() {
    assertThat(t("a\\")).containsExactly("a");
    assertThat(t("\\")).isEmpty();
    assertThat(t("\"a\\")).containsExactly("\"a\\\"\"");
  }

  @Test
  void aTokenKeepsWhereItBeganWhenACharacterInsideItIsDroppedChangedOrAdded() {
    assertThat(Prescan.tokens("x a>b")).containsExactly(
        new Prescan.Token("x", 0), new Prescan.Token("ab", 2));
    assertThat(Prescan.tokens("\"5 \u00ff\" z")).containsExactly(
        new Prescan.Token("\"5 \u007f\"", 0), new Prescan.Token("z", 6));
    assertThat(Prescan.tokens("w \"q\\!r")).containsExactly(
        new Prescan.Token("w", 0), new Prescan.Token("\"q\\!r\"", 2));
    assertThat(Prescan.tokens("<ab")).containsExactly(
        new Prescan.Token("<", 0), new Prescan.Token("ab", 1), new Prescan.Token(">", 3));
  }

  @Test
  void theTestModeTableHasNoCommentsAndTheCfChoosesTheOperators() {
    Prescan testInput = new Prescan(Prescan.M4_OPERATOR_CHARS, Prescan.Table.TEST_INPUT);
    assertThat(Prescan.texts(testInput.scan("a(b)c"))).containsExactly("a", "(", "b", ")", "c");
    Prescan oldCf = new Prescan(".:@[]", Prescan.Table.MAP_VALUE);
    assertThat(Prescan.texts(oldCf.scan("a%b!c,d"))).containsExactly("a%b!c", ",", "d");
  }

  @Test
  void minusBtPrintsHighBytesAsMetaOrAsMMinus() {
    assertThat(TokenText.print(List.of("A\u00e9", "\u0090", "x\u00a0y", "a\tb\u0001")))
        .isEqualTo("AM-i $* xM- y a\\tb");
  }
}
