package io.accessctl.lint;

import io.accessctl.lint.rules.CanitRules;
import io.accessctl.lint.rules.ConfigRules;
import io.accessctl.lint.rules.KeyRules;
import io.accessctl.lint.rules.SyntaxRules;
import io.accessctl.lint.rules.ValueRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;

/** Every rule accessctl knows, in id order. */
public final class Rules {
  private static final List<Rule> ALL = build();
  /**
   * Each rule's {@link Rule#needs}, in the order of {@link #ALL}: asked once, where the rules are
   * made (on a thread of its own, ahead of a lint: {@code Lint.prepareAhead}). Asking sixty rules
   * on the way to the first finding cost every lint some 10 ms, a two-line map's too.
   */
  private static final List<Needs> NEEDS = needsOf(ALL);

  private Rules() {}

  private static List<Rule> build() {
    List<Rule> all = new ArrayList<>();
    all.addAll(SyntaxRules.all());
    all.addAll(KeyRules.all());
    all.addAll(ValueRules.all());
    all.addAll(ConfigRules.all());
    all.addAll(CanitRules.all());
    all.add(Suppressions.UNUSED);
    all.sort(new ById());
    return List.copyOf(all);
  }

  // A loop and a class, not a stream and lambdas: the rules are made at the start of every lint,
  // where each lambda the JDK links costs the run CPU (and Comparator.comparing's lambda is
  // serializable, which the JDK never archives).

  private static List<Needs> needsOf(List<Rule> rules) {
    List<Needs> needs = new ArrayList<>(rules.size());
    for (Rule r : rules) {
      needs.add(r.needs());
    }
    return List.copyOf(needs);
  }

  /** Rules in id order. */
  private static final class ById implements java.util.Comparator<Rule> {
    @Override
    public int compare(Rule a, Rule b) {
      return a.info().id().compareTo(b.info().id());
    }
  }

  public static List<Rule> all() {
    return ALL;
  }

  /** What each rule of {@link #all()} needs, in the same order. */
  static List<Needs> needs() {
    return NEEDS;
  }

  /** Whether any of these findings comes from a rule whose verdict depends on the cf. */
  public static boolean anyConsultsCf(List<Diagnostic> findings) {
    Set<String> ids = new HashSet<>();
    for (Rule r : ALL) {
      if (r.consultsCf()) {
        ids.add(r.info().id());
      }
    }
    for (Diagnostic d : findings) {
      if (ids.contains(d.ruleId())) {
        return true;
      }
    }
    return false;
  }

  /** The rule with this id ({@code AC301}, any case) or name ({@code try-tls-not-no}). */
  public static Optional<RuleInfo> find(String idOrName) {
    String s = idOrName.trim().toLowerCase(Locale.ROOT);
    // a loop, not findFirst: see McFile.feature (explain asks this on its start)
    for (Rule r : ALL) {
      RuleInfo i = r.info();
      if (i.id().toLowerCase(Locale.ROOT).equals(s) || i.name().equals(s)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
