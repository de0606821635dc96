package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.ValueRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.tokens.Strtol;
import org.junit.jupiter.api.Test;

/** AC308 and AC309: numbers read by C's strtol. */
class Ac308Ac309NumbersTest {

  @Test
  void ac308LimitsAreReadWithStrtolBaseZero() {
    assertFixture("AC308", "ac308-rate-not-integer.access");
  }

  @Test
  void ac309PausesAreReadWithStrtolBaseTen() {
    assertFixture("AC309", "ac309-greetpause-not-integer.access");
  }

  @Test
  void strtolReadsLikeC() {
    assertThat(Strtol.parse("010", 0)).isEqualTo(8);
    assertThat(Strtol.parse("08", 0)).isZero();
    assertThat(Strtol.parse("0x10", 0)).isEqualTo(16);
    assertThat(Strtol.parse("0x", 0)).isZero();
    assertThat(Strtol.parse("0xg", 0)).isZero();
    assertThat(Strtol.parse(" -12abc", 0)).isEqualTo(-12);
    assertThat(Strtol.parse("+5", 10)).isEqualTo(5);
    assertThat(Strtol.parse("010", 10)).isEqualTo(10);
    assertThat(Strtol.parse("99999999999999999999", 10)).isEqualTo(Long.MAX_VALUE);
    assertThat(Strtol.parse("abc", 10)).isZero();
  }

  @Test
  void plainDecimalIsZeroOrNoLeadingZero() {
    assertThat(Ascii.isPlainDecimal("0")).isTrue();
    assertThat(Ascii.isPlainDecimal("10")).isTrue();
    assertThat(Ascii.isPlainDecimal("00")).isFalse();
    assertThat(Ascii.isPlainDecimal("010")).isFalse();
    assertThat(Ascii.isPlainDecimal("")).isFalse();
  }
}
