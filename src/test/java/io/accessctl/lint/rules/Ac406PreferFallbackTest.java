package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.AccessMapSpec;
import io.accessctl.cf.CfFile;
import io.accessctl.cf.CfVariants;
import io.accessctl.cf.Feature;
import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ac406PreferFallbackTest {
  static final String THREE = """
      Try_TLS: YES
      Try_TLS:mx1.broken.example NO
      Try_TLS:mx2.broken.example NO
      Try_TLS:192.0.2.7 no
      """;

  @TempDir
  Path dir;

  @Test
  @Tag("oracle")
  void threeNoEntriesOnDebianWithoutFallbackGiveOneInfo() {
    assertThat(LintFixture.only("AC406", THREE, CfVariants.read(dir, "stock"))).singleElement()
        .satisfies(x -> {
          assertThat(x.line()).isEqualTo(2);
          assertThat(x.severity()).isEqualTo(Severity.INFO);
          assertThat(x.message()).startsWith("3 Try_TLS:host NO entries").contains(
              "sendmail 8.17.1.9", "define(`confTLS_FALLBACK_TO_CLEAR', `true')");
        });
  }

  @Test
  @Tag("oracle")
  void silentWithFallbackOnOrWithTwoEntries() {
    assertThat(LintFixture.only("AC406", THREE, CfVariants.read(dir, "fallback",
        CfVariants.add("define(`confTLS_FALLBACK_TO_CLEAR', `true')")))).isEmpty();
    assertThat(LintFixture.only("AC406", THREE.replace("Try_TLS:192.0.2.7 no\n", ""),
        CfVariants.read(dir, "stock"))).isEmpty();
  }

  @Test
  void silentBefore8161AndWithoutACf() {
    CfFile old = CfFile.of(Path.of("old.cf"), "8.15.2",
        new AccessMapSpec("hash", "/etc/mail/access", false, false, false, false),
        Set.of(Feature.ACCESS_DB), Set.of());
    assertThat(LintFixture.only("AC406", THREE, old)).isEmpty();
    assertThat(LintFixture.only("AC406", THREE)).isEmpty();
  }
}
