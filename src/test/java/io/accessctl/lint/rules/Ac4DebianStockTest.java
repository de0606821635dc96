package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.CfFile;
import io.accessctl.lint.LintFixture;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Debian 12's stock sendmail.cf with its stock access file: nothing for the AC4xx rules to say. */
@Tag("oracle")
class Ac4DebianStockTest {
  @Test
  void debiansStockCfAndAccessDrawNothingFromTheConfigRules() throws IOException {
    Oracle.require(Oracle.STOCK_CF);
    CfFile cf = CfFile.read(Path.of(Oracle.STOCK_CF));
    assertThat(LintFixture.lint(LintFixture.resource("debian-access"), cf))
        .filteredOn(d -> d.ruleId().startsWith("AC4")).isEmpty();
  }
}
