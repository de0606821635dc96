package io.accessctl.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  @Test
  void theQuickFilterPassesEverySuffixAndTopLevelDomainInAnyCase() throws IOException {
    List<String> names = new ArrayList<>();
    for (String rule : listed()) {
      String name = rule.replaceFirst("^[*!]\\.?", "");
      names.add(name);
      names.add("child." + name); // a wildcard's child is a suffix
      names.add(name.substring(name.lastIndexOf('.') + 1)); // its top-level domain
    }
    for (String name : names) {
      for (String written : List.of(name, name.toUpperCase(Locale.ROOT), ".." + name)) {
        int from = written.startsWith("..") ? 2 : 0;
        String asked = written.substring(from);
        boolean suffix = name.indexOf('.') < 0 ? PublicSuffixes.isTopLevelDomain(asked)
            : PublicSuffixes.isPublicSuffix(asked);
        if (suffix) {
          assertThat(PublicSuffixes.mayBeSuffix(written, from)).as(written).isTrue();
        }
      }
    }
  }

  @Test
  void theQuickFilterTurnsAwayOrdinaryHostNames() {
    int passed = 0;
    for (int i = 0; i < 1000; i++) {
      if (PublicSuffixes.mayBeSuffix("mx" + i + ".host" + i + ".example.com", 0)) {
        passed++;
      }
    }
    assertThat(passed).isZero();
    assertThat(PublicSuffixes.mayBeSuffix("Co.UK", 0)).isTrue();
    assertThat(PublicSuffixes.mayBeSuffix(".com", 1)).isTrue();
  }

  private static List<String> listed() throws IOException {
    List<String> rules = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        PublicSuffixes.class.getResourceAsStream("public-suffixes.txt"),
        StandardCharsets.US_ASCII))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          rules.add(line);
        }
      }
    }
    assertThat(rules).hasSizeGreaterThan(1000);
    return rules;
  }
}
