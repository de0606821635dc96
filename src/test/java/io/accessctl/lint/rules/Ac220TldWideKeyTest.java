package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.LintFixture;
import org.junit.jupiter.api.Test;

class Ac220TldWideKeyTest {

  @Test
  void topLevelDomainsAndPublicSuffixesAreReported() {
    assertFixture("AC220", "ac220-tld-wide-key.access", null);
  }

  @Test
  void aSuppressionCommentAcceptsADeliberateTldBlock() {
    assertThat(LintFixture.lint("# accessctl: disable=tld-wide-key\nConnect:xyz REJECT\n"))
        .isEmpty();
  }

  @Test
  void registeredDomainsUnderPublicSuffixesAreNotSuffixes() {
    assertThat(TldWideKey.isPublicSuffix("co.uk")).isTrue();
    assertThat(TldWideKey.isPublicSuffix("example.co.uk")).isFalse();
    assertThat(TldWideKey.isPublicSuffix("example.com")).isFalse();
    assertThat(TldWideKey.isTld("com")).isTrue();
    assertThat(TldWideKey.isTld("localhost")).isFalse();
  }
}
