package io.accessctl.cf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** K lines split as sendmail's readcf splits them. */
class KLineTest {
  @Test
  void aDebianAccessLineHasNameClassArgumentsAndFile() {
    KLine k = KLine.parse("Kaccess hash -T<TMPF> -o /etc/mail/access").orElseThrow();
    assertThat(k).isEqualTo(new KLine("access", "hash", "-T<TMPF> -o /etc/mail/access"));
    assertThat(k.file()).isEqualTo("/etc/mail/access");
  }

  @Test
  void blanksAroundTheWordsAreAnyCLocaleSpace() {
    assertThat(KLine.parse("K \taccess\tbtree\t /m/acc  ").orElseThrow())
        .isEqualTo(new KLine("access", "btree", "/m/acc  "));
    assertThat(KLine.parse("Kaccess btree\n\t/m/acc").orElseThrow().file())
        .as("a continuation line").isEqualTo("/m/acc");
  }

  @Test
  void theNameTakesDotsAndUnderscoresAndTheClassOnlyLettersAndDigits() {
    assertThat(KLine.parse("Kmy_map.v2 hash /x").orElseThrow().name()).isEqualTo("my_map.v2");
    KLine odd = KLine.parse("Kacc-ess foo_bar /x").orElseThrow();
    assertThat(odd.name()).isEqualTo("acc");
    assertThat(odd.mapClass()).as("the character after the name is skipped, whatever it is")
        .isEqualTo("ess");
    assertThat(KLine.parse("Kmap foo_bar /x").orElseThrow().mapClass()).isEqualTo("foo");
  }

  @Test
  void aLineWithoutNameOrClassIsNone() {
    assertThat(KLine.parse("K")).isEmpty();
    assertThat(KLine.parse("K_map hash /x")).isEmpty();
    assertThat(KLine.parse("Kaccess")).isEmpty();
    assertThat(KLine.parse("Kaccess -o /x")).isEmpty();
  }

  @Test
  void aClassWithoutArgumentsHasNoFile() {
    KLine k = KLine.parse("Kdequote dequote").orElseThrow();
    assertThat(k.args()).isEmpty();
    assertThat(k.file()).isEmpty();
  }
}
