package io.accessctl.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicSuffixesTest {

  @Test
  void topLevelDomainsAreTheListsLastLabelsIncludingThoseKnownOnlyByAWildcard() {
    assertThat(PublicSuffixes.isTopLevelDomain("com")).isTrue();
    assertThat(PublicSuffixes.isTopLevelDomain("UK")).isTrue();
    assertThat(PublicSuffixes.isTopLevelDomain("xn--p1ai")).isTrue(); // .рф
    assertThat(PublicSuffixes.isTopLevelDomain("ck")).isTrue(); // listed only as *.ck
    assertThat(PublicSuffixes.isTopLevelDomain("museum")).isTrue();
  }

  @Test
  void labelsNoRegistryHandsOutAreNotTopLevelDomains() {
    assertThat(PublicSuffixes.isTopLevelDomain("localdomain")).isFalse();
    assertThat(PublicSuffixes.isTopLevelDomain("lan")).isFalse();
    assertThat(PublicSuffixes.isTopLevelDomain("qq")).isFalse(); // two letters, yet no ccTLD
    assertThat(PublicSuffixes.isTopLevelDomain("co.uk")).isFalse();
  }

  @Test
  void publicSuffixesFollowTheListsRulesWildcardsAndExceptions() {
    assertThat(PublicSuffixes.isPublicSuffix("co.uk")).isTrue();
    assertThat(PublicSuffixes.isPublicSuffix("com.au")).isTrue();
    assertThat(PublicSuffixes.isPublicSuffix("Ne.JP")).isTrue();
    assertThat(PublicSuffixes.isPublicSuffix("anything.ck")).isTrue(); // *.ck
    assertThat(PublicSuffixes.isPublicSuffix("www.ck")).isFalse(); // !www.ck
    assertThat(PublicSuffixes.isPublicSuffix("example.com")).isFalse();
    assertThat(PublicSuffixes.isPublicSuffix("bagoona.co.uk")).isFalse();
    assertThat(PublicSuffixes.isPublicSuffix("com")).isFalse(); // one label: a TLD, asked apart
    assertThat(PublicSuffixes.isPublicSuffix("co.uk.")).isFalse();
  }

  @Test
  void thePrivateSectionIsLeftOut() {
    // blogspot.com and github.io are companies' zones, not registries'
    assertThat(PublicSuffixes.isPublicSuffix("blogspot.com")).isFalse();
    assertThat(PublicSuffixes.isPublicSuffix("github.io")).isFalse();
  }
}
