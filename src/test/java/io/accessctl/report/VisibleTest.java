package io.accessctl.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Visible#plainPrefix}, which reports find their plain text with: it reads a string's
 * ISO-8859-1 bytes, in which a character beyond Latin-1 looks like a '?'.
 */
class VisibleTest {
  private static final byte[] NONE = Visible.stops("");

  @Test
  void theWholeOfPrintableAsciiIsPlain() {
    assertThat(Visible.plainPrefix("Connect:192.0.2.1 REJECT? yes", NONE)).isEqualTo(29);
    assertThat(Visible.plainPrefix("", NONE)).isZero();
    assertThat(Visible.isPrintableAscii("what? ~")).isTrue();
  }

  @Test
  void endsAtAControlOrEightBitCharacter() {
    assertThat(Visible.plainPrefix("ab\tc", NONE)).isEqualTo(2);
    assertThat(Visible.plainPrefix("ab\u007fc", NONE)).isEqualTo(2);
    assertThat(Visible.plainPrefix("caf\u00e9", NONE)).isEqualTo(3);
    assertThat(Visible.plainPrefix("a\u0085b", NONE)).isEqualTo(1);
  }

  @Test
  void aCharacterBeyondLatin1IsNoQuestionMark() {
    assertThat(Visible.plainPrefix("ab\u0101", NONE)).isEqualTo(2);
    assertThat(Visible.plainPrefix("x\u202eevil", NONE)).isEqualTo(1);
    assertThat(Visible.plainPrefix("a?\u2028", NONE)).isEqualTo(2);
    assertThat(Visible.plainPrefix("\ud83d\ude00?", NONE)).isZero();
    assertThat(Visible.plainPrefix("ab\ud83d\ude00", NONE)).isZero(); // see plainPrefix
    assertThat(Visible.plainPrefix("?\ud800?", NONE)).isEqualTo(1); // a lone surrogate
  }

  @Test
  void endsAtAStop() {
    assertThat(Visible.plainPrefix("say \"no\"", Visible.stops("\"\\"))).isEqualTo(4);
    assertThat(Visible.plainPrefix("a\\b", Visible.stops("\"\\"))).isEqualTo(1);
    assertThat(Visible.plainPrefix("a&b", Visible.stops("\"\\"))).isEqualTo(3);
  }

  @Test
  void agreesWithACharacterByCharacterWalkOnRandomText() {
    for (long seed : Utf8Test.SEEDS) {
      Random rnd = new Random(seed);
      byte[] stop = Visible.stops("\"&");
      for (int n = 0; n < 2000; n++) {
        String s = randomText(rnd);
        boolean astral = s.codePointCount(0, s.length()) < s.length();
        assertThat(Visible.plainPrefix(s, stop)).as("seed %d: %s", seed, s)
            .isEqualTo(astral ? 0 : walked(s, "\"&"));
      }
    }
  }

  /** Mostly printable ASCII, with now and then a control, a Latin-1, BMP or astral character. */
  private static String randomText(Random rnd) {
    StringBuilder sb = new StringBuilder();
    int length = rnd.nextInt(12);
    for (int i = 0; i < length; i++) {
      switch (rnd.nextInt(8)) {
        case 0 -> sb.append((char) rnd.nextInt(0x20));
        case 1 -> sb.append((char) (0x7f + rnd.nextInt(0x81)));
        case 2 -> sb.append((char) (0x100 + rnd.nextInt(0xd700)));
        case 3 -> sb.appendCodePoint(0x10000 + rnd.nextInt(0x1000));
        case 4 -> sb.append('?');
        default -> sb.append((char) (0x20 + rnd.nextInt(0x5f)));
      }
    }
    return sb.toString();
  }

  /** The plain prefix by the definition: printable ASCII characters outside {@code stops}. */
  private static int walked(String s, String stops) {
    int i = 0;
    while (i < s.length() && s.charAt(i) >= 0x20 && s.charAt(i) < 0x7f
        && stops.indexOf(s.charAt(i)) < 0) {
      i++;
    }
    return i;
  }
}
