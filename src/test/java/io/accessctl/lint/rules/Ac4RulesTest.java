package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Rule;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AC4xx group as `accessctl explain` shows it. */
class Ac4RulesTest {
  private static List<RuleInfo> infos() {
    return ConfigRules.all().stream().map(Rule::info).toList();
  }

  @Test
  void theGroupIsAc401ToAc410InOrderAndRegistered() {
    assertThat(infos()).extracting(RuleInfo::id).containsExactly("AC401", "AC402", "AC403",
        "AC404", "AC405", "AC406", "AC407", "AC408", "AC409", "AC410");
    assertThat(Rules.all()).extracting(Rule::info).containsAll(infos());
  }

  @Test
  void namesAreKebabCaseAndExplanationsShowWrongAndRight() {
    for (RuleInfo i : infos()) {
      assertThat(i.name()).as(i.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(i.summary()).as(i.id()).isNotBlank().doesNotContain("\n");
      assertThat(i.explanation()).as(i.id()).contains("Wrong", "Right");
    }
  }
}
