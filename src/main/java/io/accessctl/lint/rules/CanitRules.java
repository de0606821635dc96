package io.accessctl.lint.rules;

import io.accessctl.lint.Rule;
import java.util.List;

/** AC5xx: the part of the file CanIt manages. */
public final class CanitRules {
  private CanitRules() {}

  public static List<Rule> all() {
    return List.of(new HandEntryBelowCanitMarker(), new RepeatedCanitMarker());
  }
}
