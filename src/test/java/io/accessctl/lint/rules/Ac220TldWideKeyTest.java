package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static io.accessctl.lint.rules.KeyRulesFixtureTest.cf;
import static io.accessctl.lint.rules.KeyRulesFixtureTest.debianCf;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.Feature;
import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import java.util.List;
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
    // the Public Suffix List, not every two-letter label; wildcards and their exceptions
    assertThat(List.of("zz", "de", "xn--p1ai", "xn--notatld")).map(TldWideKey::isTld)
        .containsExactly(false, true, true, false);
    assertThat(List.of("nakahara.kawasaki.jp", "city.kawasaki.jp"))
        .map(TldWideKey::isPublicSuffix).containsExactly(true, false);
  }

  @Test
  void noFindingOnAKeyThatIsDeadAnyway() {
    // To: rejections are ignored without blocklist_recipients (AC216 says so), and .domain keys
    // are never looked up without lookupdotdomain (AC209 says so).
    assertThat(LintFixture.only("AC220", "To:com REJECT\nConnect:.com REJECT\n", debianCf()))
        .isEmpty();
    assertThat(LintFixture.only("AC220", "To:com RELAY\n", debianCf())).singleElement()
        .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
    assertThat(LintFixture.only("AC220", "To:com REJECT\nConnect:.com REJECT\n",
        cf("8.17.1.9", Feature.ACCESS_DB, Feature.BLOCKLIST_RECIPIENTS,
            Feature.LOOKUPDOTDOMAIN))).hasSize(2)
        .allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.INFO));
  }
}
