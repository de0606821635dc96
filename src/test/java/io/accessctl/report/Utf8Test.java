package io.accessctl.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.source.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class Utf8Test {
  static final long[] SEEDS = {1, 2, 3, 0x5eed, 20240601};

  /** A random byte string, mostly bytes that take part in multi-byte sequences. */
  static String randomBytes(Random rnd, int length, boolean controls) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      int v = rnd.nextInt(4) == 0 ? rnd.nextInt(0x80) : 0x80 + rnd.nextInt(0x80);
      if (!controls && (v == '\t' || v == '\n')) {
        v = 'x';
      }
      b[i] = (byte) v;
    }
    return Bytes.latin1(b);
  }

  /** Decodes by {@link Utf8}'s units: U+FFFD for each ill-formed one. */
  static String decodeByUnits(String bytes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < bytes.length(); ) {
      int len = Utf8.unitLength(bytes, i);
      sb.appendCodePoint(len > 0 ? Utf8.codePoint(bytes, i, len) : Utf8.REPLACEMENT);
      i += Math.abs(len);
    }
    return sb.toString();
  }

  /** Calls {@code check} with 2000 random byte strings per seed, shorter than {@code maxLength}. */
  static void forRandomLines(int maxLength, boolean controls, BiConsumer<String, String> check) {
    for (long seed : SEEDS) {
      Random rnd = new Random(seed);
      for (int n = 0; n < 2000; n++) {
        String s = randomBytes(rnd, rnd.nextInt(maxLength), controls);
        check.accept(s, "seed " + seed + ", bytes " + hex(s));
      }
    }
  }

  @Test
  void splitsIllFormedInputLikeTheJdkDecoder() {
    forRandomLines(24, true, (s, what) -> assertThat(decodeByUnits(s)).as(what)
        .isEqualTo(new String(Bytes.bytes(s), StandardCharsets.UTF_8)));
  }

  @Test
  void takesAWellFormedPrefixOfABrokenSequenceAsOneUnit() {
    assertThat(Utf8.unitLength("\u00e2\u0082A", 0)).isEqualTo(-2);
    assertThat(Utf8.unitLength("\u00e2\u0082", 0)).isEqualTo(-2);
    assertThat(Utf8.unitLength("\u00c0\u0080", 0)).isEqualTo(-1);
    assertThat(Utf8.unitLength("\u00ed\u00a0\u0080", 0)).isEqualTo(-3);
    assertThat(Utf8.unitLength("\u00f4\u0090\u0080\u0080", 0)).isEqualTo(-1);
    assertThat(Utf8.unitLength("\u00f0\u009f\u0093\u00a7", 0)).isEqualTo(4);
    assertThat(Utf8.unitLength("\u00e9", 0)).isEqualTo(-1);
  }

  /** Source lines never hold LF, which {@link Visible} shows as {@code \\n}, not {@code \\x0a}. */
  @Test
  void snippetShowsWhatDisplayShowsExceptThatTabsStayAndBidiControlsAreEscaped() {
    forRandomLines(40, false, (s, what) -> assertThat(Snippet.render(s, 0).line()).as(what)
        .isEqualTo(Visible.of(Bytes.display(s))));
    assertThat(Snippet.render("a\tb", 0).line()).isEqualTo("a\tb");
  }

  @Test
  void utf16ColumnCountsCharactersBeforeTheOneHoldingTheByte() {
    String line = "\u00c3\u00a4\u00f0\u009f\u0093\u00a7\u00e9X";
    assertThat(Utf8.utf16Column(line, 1)).isEqualTo(1);
    assertThat(Utf8.utf16Column(line, 2)).isEqualTo(1);
    assertThat(Utf8.utf16Column(line, 3)).isEqualTo(2);
    assertThat(Utf8.utf16Column(line, 6)).isEqualTo(2);
    assertThat(Utf8.utf16Column(line, 7)).isEqualTo(4);
    assertThat(Utf8.utf16Column(line, 8)).isEqualTo(5);
    assertThat(Utf8.utf16Column(line, 9)).isEqualTo(6);
    assertThat(Utf8.utf16Column(line, 11)).isEqualTo(8);
    assertThat(Utf8.utf16Column(null, 7)).isEqualTo(7);
    assertThat(Utf8.utf16Column(line, 0)).isZero();
  }

  static String hex(String bytes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < bytes.length(); i++) {
      sb.append(String.format("%02x ", (int) bytes.charAt(i)));
    }
    return sb.toString().strip();
  }
}
