package io.accessctl.lint.rules;

import io.accessctl.lint.Rule;
import java.util.List;

/** Rules of this group, in id order. */
public final class ConfigRules {
  private ConfigRules() {}

  public static List<Rule> all() {
    return List.of();
  }
}
