package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.CfFile;
import io.accessctl.cf.CfVariants;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ac401NoAccessDbTest {
  static final String MAP = """
      Connect:192.0.2 REJECT
      Try_TLS:mx.broken.example NO
      """;

  @TempDir
  Path dir;

  @Test
  @Tag("oracle")
  void aCfBuiltWithoutAccessDbMakesEveryEntryUnusedOnceForTheFile() {
    CfFile cf = CfVariants.read(dir, "no-access-db", CfVariants.remove("access_db"),
        CfVariants.remove("greet_pause"), CfVariants.remove("conncontrol"),
        CfVariants.remove("ratecontrol"),
        CfVariants.replace("delay_checks", "FEATURE(`delay_checks')"));
    List<Diagnostic> d = LintFixture.only("AC401", MAP, cf);
    assertThat(d).singleElement().satisfies(x -> {
      assertThat(x.line()).isZero();
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.message()).contains(cf.path() + " has no Kaccess line",
          "none of its 2 entries have any effect", "FEATURE(`access_db', , `skip')dnl");
    });
  }

  @Test
  @Tag("oracle")
  void silentWithDebiansCf() {
    assertThat(LintFixture.only("AC401", MAP, CfVariants.read(dir, "stock"))).isEmpty();
  }

  @Test
  void aKaccessLineThatNoRulesetUsesIsNoAccessDbEither() throws IOException {
    CfFile cf = CfFile.parse(Path.of("hand.cf"), "V10\nKaccess hash /etc/mail/access\nSD\nR$*\t$@ x\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    assertThat(LintFixture.only("AC401", MAP, cf)).singleElement().satisfies(x ->
        assertThat(x.message()).contains("declares the access map but none of its rulesets"));
  }

  @Test
  void silentWithoutACfAndForAFileWithoutEntries() throws IOException {
    CfFile none = CfFile.parse(Path.of("none.cf"), "V10\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(LintFixture.only("AC401", MAP)).isEmpty();
    assertThat(LintFixture.only("AC401", "# nothing here\n\n", none)).isEmpty();
  }
}
