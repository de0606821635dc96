package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a run is guessed to read before its options are parsed (what it reads ahead). */
class CfOptionsTest {
  @Test
  void argumentsThatNameNoCfOptionLeaveTheStockCf() {
    assertThat(CfOptions.leaveTheDefault(new String[] {"lint", "--format", "gcc", "access"}))
        .isTrue();
    assertThat(CfOptions.leaveTheDefault(new String[] {"hook", "run"})).isTrue();
    assertThat(CfOptions.leaveTheDefault(new String[] {"lint", "--cfg", "access"})).isTrue();
  }

  @Test
  void eitherOptionInAnySpellingPicocliTakesLeavesIt() {
    assertThat(CfOptions.leaveTheDefault(new String[] {"lint", "--no-cf", "access"})).isFalse();
    assertThat(CfOptions.leaveTheDefault(new String[] {"lint", "--cf", "x.cf", "access"}))
        .isFalse();
    assertThat(CfOptions.leaveTheDefault(new String[] {"lint", "--cf=x.cf", "access"})).isFalse();
  }
}
