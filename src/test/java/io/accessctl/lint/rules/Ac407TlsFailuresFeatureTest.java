package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.CfFile;
import io.accessctl.cf.CfVariants;
import io.accessctl.lint.LintFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("oracle")
class Ac407TlsFailuresFeatureTest {
  static final String MAP = "Connect:192.0.2 REJECT\n";

  @TempDir
  Path dir;

  @Test
  void theFeatureInTheMcBesideTheCfIsReportedWithItsLine() throws IOException {
    CfFile cf = CfVariants.read(dir, "tlsfail", CfVariants.add("FEATURE(`tls_failures')"));
    Path mc = dir.resolve("tlsfail.mc").toAbsolutePath();
    int line = Files.readAllLines(mc).indexOf("FEATURE(`tls_failures')dnl") + 1;
    assertThat(LintFixture.only("AC407", MAP, cf)).singleElement().satisfies(x -> {
      assertThat(x.line()).isZero();
      assertThat(x.message()).isEqualTo(mc + ":" + line + ": FEATURE(`tls_failures') was removed"
          + " in sendmail 8.16.1: m4 only reports an error and sets TLSFallbacktoClear for every"
          + " server; replace the line with define(`confTLS_FALLBACK_TO_CLEAR', `true')dnl");
    });
  }

  @Test
  void silentForACommentedOutFeatureForDebianAndWithoutAnMc() throws IOException {
    CfFile commented = CfVariants.read(dir, "commented", CfVariants.add("dnl FEATURE(`tls_failures')"));
    assertThat(LintFixture.only("AC407", MAP, commented)).isEmpty();
    assertThat(LintFixture.only("AC407", MAP, CfVariants.read(dir, "stock"))).isEmpty();
    Path cf = CfVariants.generate(dir, "tlsfail2", CfVariants.add("FEATURE(`tls_failures')"));
    assertThat(LintFixture.only("AC407", MAP, CfFile.parse(cf, Files.readAllBytes(cf)))).isEmpty();
    assertThat(LintFixture.only("AC407", MAP)).isEmpty();
  }
}
