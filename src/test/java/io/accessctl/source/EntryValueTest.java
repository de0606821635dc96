package io.accessctl.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.AccessGen;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An entry's value compared and hashed in the line's bytes, as its string would be. */
class EntryValueTest {
  @Test
  void valuesAreEqualInTheirBytesExactlyWhenTheirStringsAreAndThenHashAlike() {
    long seed = AccessGen.seed();
    for (int i = 0; i < 20; i++) {
      AccessGen gen = new AccessGen(AccessGen.caseSeed(seed, i));
      byte[] data = gen.file(AccessGen.Shape.NASTY, 0, 60);
      List<Entry> entries = new AccessParser(ParseOptions.defaults()).parse("access", data)
          .entries();
      for (Entry a : entries) {
        for (Entry b : entries) {
          boolean equal = a.value().equals(b.value());
          assertThat(a.hasValueOf(b))
              .as("%s: %s against %s", AccessGen.replayHint(seed), a.value(), b.value())
              .isEqualTo(equal);
          if (equal) {
            assertThat(a.valueHash()).isEqualTo(b.valueHash());
          }
        }
      }
    }
  }

  @Test
  void valuesDifferingInCaseOrABlankAreNotTheSame() {
    List<Entry> entries = new AccessParser(ParseOptions.defaults()).parse("access",
        "a REJECT\nb REJECT\nc reject\nd REJECT \ne REJEC\n"
            .getBytes(StandardCharsets.ISO_8859_1)).entries();
    assertThat(entries.get(0).hasValueOf(entries.get(1))).isTrue();
    assertThat(entries.get(0).valueHash()).isEqualTo(entries.get(1).valueHash());
    assertThat(entries.get(0).hasValueOf(entries.get(2))).isFalse();
    assertThat(entries.get(0).hasValueOf(entries.get(3))).isFalse();
    assertThat(entries.get(0).hasValueOf(entries.get(4))).isFalse();
  }
}
