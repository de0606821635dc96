package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.source.AccessParser;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SourceLine;
import io.accessctl.testutil.AccessGen;
import io.accessctl.tokens.Prescan;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written character tests in {@link Ascii}, {@link Prescan#hasTokens}, {@link
 * Prescan#isOnly}, {@link SourceLine#containsIgnoreCase}, {@link TryTlsNotNo#isAddress}, {@link
 * Values#words}, {@link CidrOrWildcard#isOneToThreeDigits}, {@link KeyRule#isIpv4} and {@link
 * ActionValue#enhancedCodeLength} answer what the regexes and the
 * tokenizer they replace answer, on seeded random strings over the characters that matter to
 * them.
 */
class AsciiFastPathsTest {
  private static final String ALPHABET =
      "0123456789abcdefxnzABCDEFXZ-_.:/*@ \t\r\u000b\f()<>\"\\[]#%\u00e9\u00ff";
  private static final int CASES = 200_000;

  @Test
  void fastPathsAgreeWithTheRegexesTheyReplace() {
    long seed = AccessGen.seed();
    Random rnd = new Random(seed);
    Pattern tagWord = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    Pattern plainDecimal = Pattern.compile("0|[1-9][0-9]{0,17}");
    Pattern ipv4Prefix = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){0,3}");
    Pattern ipv6Literal = Pattern.compile(
        "(?i)[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}(:\\d{1,3}(\\.\\d{1,3}){3})?");
    Pattern range = Pattern.compile("[0-9.]+-[0-9.]+");
    Pattern trailingDot = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){0,3}\\.");
    Pattern enhancedCode = Pattern.compile("^[245]\\.[0-9]{1,3}\\.[0-9]{1,3}(?= )");
    Pattern citag = Pattern.compile("(?i)(?:^|\\+)\\s*CITag\\s*:\\s*([^\\s+\"]+)");
    for (int i = 0; i < CASES; i++) {
      String s = random(rnd, i % 5 == 0 ? "0123456789.:"
          : i % 5 == 1 ? "0123456789abcdefABCDEF.:-" : i % 5 == 2 ? "NORELAYnorelay0 "
          : i % 5 == 3 ? "IPvipV6:0123456789." : ALPHABET);
      String why = "\"" + s + "\"; " + AccessGen.replayHint(seed);
      assertThat(Ascii.isTagWord(s)).as(why).isEqualTo(tagWord.matcher(s).matches());
      assertThat(Ascii.isPlainDecimal(s)).as(why).isEqualTo(plainDecimal.matcher(s).matches());
      if (ipv4Prefix.matcher(s).matches()) {
        assertThat(Ascii.onlyDigitsAndDots(s)).as(why).isTrue();
      }
      assertThat(KeyRule.isIpv4(s)).as(why).isEqualTo(ipv4Prefix.matcher(s).matches()
          && java.util.Arrays.stream(s.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255));
      if (ipv6Literal.matcher(s).matches()) {
        assertThat(Ascii.mayBeIpv6Literal(s)).as(why).isTrue();
      }
      if (range.matcher(s).matches()) {
        assertThat(s.indexOf('-')).as(why).isPositive();
      }
      if (trailingDot.matcher(s).matches()) {
        assertThat(s).as(why).endsWith(".");
      }
      String v = rnd.nextBoolean() ? s : s + "+CITag:" + s;
      SourceLine line = new AccessParser(ParseOptions.defaults())
          .parse("t", ("x" + v).getBytes(StandardCharsets.ISO_8859_1)).lines().get(0);
      if (citag.matcher(v).find()) {
        assertThat(line.containsIgnoreCase(1, "citag")).as(why).isTrue();
      }
      int from = 1 + rnd.nextInt(v.length() + 1);
      assertThat(line.containsIgnoreCase(from, "citag")).as(why + " from " + from)
          .isEqualTo(regionContains("x" + v, from, "citag"));
      assertThat(Prescan.hasTokens(s)).as(why).isEqualTo(!Prescan.tokens(s).isEmpty());
      java.util.List<String> words = new java.util.ArrayList<>();
      for (String w : Values.withoutCr(s).trim().split("[ \\t\\u000b\\f\\r]+")) {
        if (!w.isEmpty()) {
          words.add(w);
        }
      }
      assertThat(Values.words(s)).as(why).isEqualTo(words);
      assertThat(CidrOrWildcard.isOneToThreeDigits(s)).as(why).isEqualTo(s.matches("\\d{1,3}"));
      String f = s.toLowerCase(java.util.Locale.ROOT);
      assertThat(TryTlsNotNo.isAddress(s)).as(why).isEqualTo(
          f.matches("[0-9]+(\\.[0-9]+)*") || f.equals("ipv6") || f.startsWith("ipv6:"));
      String word = rnd.nextBoolean() ? s.toUpperCase(java.util.Locale.ROOT)
          : rnd.nextBoolean() ? "NO" : "RELAY";
      java.util.List<Prescan.Token> tokens = Prescan.tokens(s);
      assertThat(Prescan.isOnly(s, word)).as(why + " is only " + word)
          .isEqualTo(tokens.size() == 1 && tokens.get(0).is(word));
      String dsn = random(rnd, "2457.019 x");
      java.util.regex.Matcher m = enhancedCode.matcher(dsn);
      assertThat(ActionValue.enhancedCodeLength(dsn))
          .as("\"" + dsn + "\"; " + AccessGen.replayHint(seed)).isEqualTo(m.find() ? m.end() : 0);
    }
  }

  /** containsIgnoreCase as it was written first: regionMatches at every index. */
  private static boolean regionContains(String s, int from, String word) {
    for (int i = from; i + word.length() <= s.length(); i++) {
      if (s.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  private static String random(Random rnd, String alphabet) {
    int n = rnd.nextInt(14);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
