package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Rule;
import io.accessctl.lint.RuleInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Debian's stock /etc/mail/access (a byte copy in src/test/resources/lint/debian-access) draws
 * nothing from the value rules, with or without a cf like Debian's; and every rule is well formed.
 */
class ValueRulesDebianStockTest {
  private static final CfFile DEBIAN = CfFile.of(Path.of("/etc/mail/sendmail.cf"), "8.17.1.9",
      null, Set.of(Feature.ACCESS_DB, Feature.SKIP, Feature.GREET_PAUSE, Feature.RATECONTROL,
          Feature.CONNCONTROL, Feature.DELAY_CHECKS_FRIEND), Set.of());

  private static List<Diagnostic> valueFindings(CfFile cf) {
    return LintFixture.lint(LintFixture.resource("debian-access"), cf).stream()
        .filter(d -> d.ruleId().startsWith("AC3")).toList();
  }

  @Test
  void theStockFileDrawsNothingFromTheValueRules() {
    assertThat(valueFindings(null)).isEmpty();
    assertThat(valueFindings(DEBIAN)).isEmpty();
  }

  @Test
  void everyValueRuleHasItsIdNameAndExplanation() {
    List<Rule> rules = ValueRules.all();
    assertThat(rules).hasSize(24);
    for (int i = 0; i < rules.size(); i++) {
      RuleInfo r = rules.get(i).info();
      assertThat(r.id()).isEqualTo(String.format("AC3%02d", i + 1));
      assertThat(r.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(r.summary()).isNotBlank().doesNotEndWith(".");
      assertThat(r.explanation()).contains("Wrong", "Right");
    }
  }
}
