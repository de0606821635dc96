package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import org.junit.jupiter.api.Test;

class Ac204KeyTooLongTest {

  @Test
  void keysLongerThan256BytesAreReportedAnd256IsFine() {
    assertFixture("AC204", "ac204-key-too-long.access", null);
  }

  @Test
  void theLimitCountsBytesOfTheStoredKeyTagIncluded() {
    String host256 = "Try_TLS:" + "h".repeat(248);
    assertThat(LintFixture.only("AC204", host256 + " NO\n")).isEmpty();
    assertThat(LintFixture.only("AC204", host256 + "x NO\n")).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.column()).isEqualTo(257);
      assertThat(d.message()).contains("257 bytes", "256 bytes", "dead");
    });
  }

  @Test
  void multiByteCharactersCountAsTheirBytes() {
    // 128 two-byte characters: 8 + 256 bytes
    assertThat(LintFixture.only("AC204", "Try_TLS:" + "é".repeat(128) + " NO\n"))
        .singleElement().satisfies(d -> assertThat(d.message()).contains("264 bytes"));
  }
}
