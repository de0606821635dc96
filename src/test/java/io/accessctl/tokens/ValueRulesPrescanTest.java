package io.accessctl.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Examples of sendmail's tokenizer; the randomized proof is PrescanOracleTest. */
class ValueRulesPrescanTest {

  private static java.util.List<String> t(String s) {
    return Prescan.texts(Prescan.tokens(s));
  }

  @Test
  void blanksSeparateAndOperatorsStandAlone() {
    assertThat(t(" A\tP,D ")).containsExactly("A", "P", ",", "D");
    assertThat(t("my.host")).containsExactly("my", ".", "host");
    assertThat(t("NO\r")).containsExactly("NO");
    assertThat(t("a=b;c")).containsExactly("a=b", ";", "c");
  }

  @Test
  void quotesCommentsBracketsAndBackslashes() {
    assertThat(t("\"A P\" x")).containsExactly("\"A P\"", "x");
    assertThat(t("\"open")).containsExactly("\"open\"");
    assertThat(t("NO (comment)")).containsExactly("NO");
    assertThat(t("(c)")).isEmpty();
    assertThat(t("x>y")).containsExactly("xy"); // a stray > vanishes without a break
    assertThat(t("<x")).containsExactly("<", "x", ">");
    assertThat(t("a\\ b")).containsExactly("a\\ b");
  }

  @Test
  void offsetsPointAtTheFirstCharacter() {
    assertThat(Prescan.tokens("A  \"x\" P")).extracting(Prescan.Token::offset)
        .containsExactly(0, 3, 7);
  }

  @Test
  void renderPutsBlanksOnlyBetweenWords() {
    assertThat(TokenText.render(Prescan.tokens("550 go  away, now (x)"))).isEqualTo(
        "550 go away,now");
    assertThat(TokenText.render(Prescan.tokens("550 \"go away\""))).isEqualTo("550\"go away\"");
  }
}
