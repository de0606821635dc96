package io.accessctl.lint;

import io.accessctl.lint.rules.CanitRules;
import io.accessctl.lint.rules.ConfigRules;
import io.accessctl.lint.rules.KeyRules;
import io.accessctl.lint.rules.SyntaxRules;
import io.accessctl.lint.rules.ValueRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every rule accessctl knows, in id order. */
public final class Rules {
  private static final List<Rule> ALL = build();

  private Rules() {}

  private static List<Rule> build() {
    List<Rule> all = new ArrayList<>();
    all.addAll(SyntaxRules.all());
    all.addAll(KeyRules.all());
    all.addAll(ValueRules.all());
    all.addAll(ConfigRules.all());
    all.addAll(CanitRules.all());
    all.add(Suppressions.UNUSED);
    all.sort(Comparator.comparing(r -> r.info().id()));
    return List.copyOf(all);
  }

  public static List<Rule> all() {
    return ALL;
  }

  /** The rule with this id ({@code AC301}, any case) or name ({@code try-tls-not-no}). */
  public static Optional<RuleInfo> find(String idOrName) {
    String s = idOrName.trim().toLowerCase(Locale.ROOT);
    return ALL.stream().map(Rule::info)
        .filter(i -> i.id().toLowerCase(Locale.ROOT).equals(s) || i.name().equals(s))
        .findFirst();
  }
}
