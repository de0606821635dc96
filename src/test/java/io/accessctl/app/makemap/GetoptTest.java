package io.accessctl.app.makemap;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.app.makemap.Getopt.Option;
import io.accessctl.app.makemap.Getopt.Parsed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** getopt(3)'s rules as glibc applies them, with makemap's option string. */
class GetoptTest {
  private static final Getopt MAKEMAP = new Getopt("makemap", MakemapFlags.OPTIONS);

  private static Parsed parse(String... args) {
    return MAKEMAP.parse(List.of(args));
  }

  private static Option flag(char c) {
    return new Option(c, null);
  }

  @Test
  void clusteredFlagsAreOneOptionEach() {
    Parsed p = parse("-Nfr", "hash", "m");
    assertThat(p.options()).containsExactly(flag('N'), flag('f'), flag('r'));
    assertThat(p.operands()).containsExactly("hash", "m");
    assertThat(p.error()).isEmpty();
  }

  @Test
  void aValueIsTheRestOfItsArgumentOrElseTheNextOne() {
    assertThat(parse("-t:", "hash", "m").options()).containsExactly(new Option('t', ":"));
    assertThat(parse("-t", ":", "hash", "m").options()).containsExactly(new Option('t', ":"));
    assertThat(parse("-Nt;x", "hash", "m").options())
        .containsExactly(flag('N'), new Option('t', ";x"));
    assertThat(parse("-t", "", "hash", "m").options()).containsExactly(new Option('t', ""));
    assertThat(parse("-t", "-N", "hash", "m").options())
        .as("the next argument is the value even when it looks like an option")
        .containsExactly(new Option('t', "-N"));
  }

  @Test
  void optionsAfterTheOperandsCountAsGlibcPermutesThem() {
    Parsed p = parse("hash", "m", "-e", "-t", ":");
    assertThat(p.options()).containsExactly(flag('e'), new Option('t', ":"));
    assertThat(p.operands()).containsExactly("hash", "m");
  }

  @Test
  void doubleDashEndsTheOptionsAndALoneDashIsAnOperand() {
    Parsed p = parse("-e", "--", "-N", "m");
    assertThat(p.options()).containsExactly(flag('e'));
    assertThat(p.operands()).containsExactly("-N", "m");
    assertThat(parse("-", "m").operands()).containsExactly("-", "m");
  }

  @Test
  void anUnknownOptionIsNamedAndEndsTheParse() {
    Parsed p = parse("-e", "-Nq", "-f", "hash", "m");
    assertThat(p.error()).contains("makemap: invalid option -- 'q'");
    assertThat(p.options()).as("what came before, as makemap has acted on it")
        .containsExactly(flag('e'), flag('N'));
    assertThat(p.operands()).isEmpty();
  }

  @Test
  void aDoubleDashWordIsAClusterWhoseFirstOptionIsTheDash() {
    assertThat(parse("--foo", "hash", "m").error()).contains("makemap: invalid option -- '-'");
    assertThat(parse("-:", "hash", "m").error()).as("':' marks values, it is no option")
        .contains("makemap: invalid option -- ':'");
  }

  @Test
  void aMissingValueIsNamed() {
    Parsed p = parse("hash", "m", "-t");
    assertThat(p.error()).contains("makemap: option requires an argument -- 't'");
    assertThat(p.operands()).containsExactly("hash", "m");
  }
}
