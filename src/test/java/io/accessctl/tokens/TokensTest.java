package io.accessctl.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.AccessGen;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Examples of the tokenizer as the lookup simulator uses it, and of what surrounds it. */
class TokensTest {
  private static List<String> scan(String s) {
    return Prescan.words(s);
  }

  @Test
  void operatorsAreTokensOfTheirOwnAndQuotedStringsAreOneToken() {
    assertThat(scan("luna.bagoona.com")).containsExactly("luna", ".", "bagoona", ".", "com");
    assertThat(scan("ERROR:5.7.1:\"550 go  away\" # x")).containsExactly("ERROR", ":",
        "5", ".", "7", ".", "1", ":", "\"550 go  away\"", "#", "x");
    assertThat(scan("[IPv6:2001:db8::1]")).containsExactly("[", "IPv6", ":", "2001", ":",
        "db8", ":", ":", "1", "]");
  }

  @Test
  void commentsVanishAndCarriageReturnsAreBlanks() {
    assertThat(scan("A(comment)B.x")).containsExactly("A", "B", ".", "x");
    assertThat(scan(" NO\r")).containsExactly("NO");
    assertThat(scan("a > b")).containsExactly("a", "b");
  }

  @Test
  void keysJoinAtomsWithABlankAndLoseTheirQuotes() {
    assertThat(TokenText.join(scan("a b.c"))).isEqualTo("a b.c");
    assertThat(TokenText.stripQuotes(TokenText.join(scan("\"q.x\".y")))).isEqualTo("q.x.y");
  }

  @Test
  void aKeyJoinedWithItsQuotesStrippedIsTheJoinedKeyStripped() {
    long seed = AccessGen.seed();
    System.out.println("TokensTest seed " + seed + " (" + AccessGen.replayHint(seed) + ")");
    Random rnd = new Random(seed);
    String[] pieces = {"a", "Try_TLS", "\"", "\\", ".", ":", "x\\", "\"q b\"", "\\\"", "mx7"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      List<String> tokens = new ArrayList<>();
      for (int n = rnd.nextInt(12); n > 0; n--) {
        StringBuilder t = new StringBuilder();
        for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
          t.append(pieces[rnd.nextInt(pieces.length)]);
        }
        tokens.add(t.toString());
      }
      // a small buffer too, so that the key is cut before its quotes are stripped
      int size = rnd.nextBoolean() ? 1024 : 3 + rnd.nextInt(30);
      char blank = rnd.nextBoolean() ? '.' : ' ';
      int from = tokens.isEmpty() ? 0 : rnd.nextInt(tokens.size());
      assertThat(TokenText.joinStripped(tokens, from, tokens.size(), blank, size, sb))
          .as("%s from %d in %d bytes (seed %d)", tokens, from, size, seed)
          .isEqualTo(TokenText.stripQuotes(
              TokenText.join(tokens, from, tokens.size(), blank, size, new StringBuilder())));
    }
  }

  @Test
  void strippingQuotesDropsEveryQuoteAndKeepsWhatABackslashEscapes() {
    assertThat(TokenText.stripQuotes("\"Try_TLS\":mx.\"a\"b\"\"")).isEqualTo("Try_TLS:mx.ab");
    assertThat(TokenText.stripQuotes("\"\"")).isEmpty();
    assertThat(TokenText.stripQuotes("a\\\"b\"c\"\\")).isEqualTo("a\"bc");
  }

  @Test
  void percentDigitsAreRewrittenAsSendmailsMapRewriteDoes() {
    assertThat(MapValue.rewrite("550 x %%0=%0 %%1=[%1] 5%x %% end%", "Connect:9"))
        .isEqualTo("550 x %0=Connect:9 %1=[] 5%x % end%");
  }

  @Test
  void strtolReadsLikeC() {
    assertThat(Strtol.parse("010", 0)).isEqualTo(8);
    assertThat(Strtol.parse("0x10", 0)).isEqualTo(16);
    assertThat(Strtol.parse("10abc", 0)).isEqualTo(10);
    assertThat(Strtol.parse("abc", 0)).isZero();
    assertThat(Strtol.parse("-5", 0)).isEqualTo(-5);
    assertThat(Strtol.parse("5s", 10)).isEqualTo(5);
  }

  @Test
  void tokensSplitAtSendmailsOperatorCharacters() {
    assertThat(scan("my.host P")).containsExactly("my", ".", "host", "P");
    assertThat(scan("a@b:c\tD\r")).containsExactly("a", "@", "b", ":", "c", "D");
  }
}
