package io.accessctl.app;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.Severity;
import io.accessctl.source.SyntaxIssue;

/**
 * What refuses a write of a map. makemap's errors always do: the written map would not say what
 * the text says. Lint findings do from {@code lintFloor} up: compile lets lint errors through
 * unless {@code --strict} (makemap writes such maps too, and scripts rely on it), push refuses
 * them (a live store has no makemap to compare with), and {@code --strict} adds warnings to both.
 *
 * @param lintFloor the lowest severity of a lint finding that refuses the write; null when only
 *     makemap's errors do
 * @param replace a repeated key replaces the earlier one (makemap -r): it is the point, not a
 *     mistake
 */
public record WritePolicy(Severity lintFloor, boolean replace) {
  private static final String DUPLICATE_KEY_RULE = "duplicate-key";

  /** compile's policy: with --strict, lint warnings and errors refuse the write too. */
  public static WritePolicy compile(boolean strict, boolean replace) {
    return new WritePolicy(strict ? Severity.WARNING : null, replace);
  }

  /** push's policy: lint errors refuse the write; with --strict, warnings too. */
  public static WritePolicy push(boolean strict, boolean replace) {
    return new WritePolicy(strict ? Severity.WARNING : Severity.ERROR, replace);
  }

  /** False for a finding the policy makes moot: a repeated key under -r. */
  public boolean applies(Diagnostic d) {
    return !(replace && d.ruleName().equals(DUPLICATE_KEY_RULE));
  }

  public boolean blocks(Diagnostic d) {
    return lintFloor != null && applies(d) && d.severity().atLeast(lintFloor);
  }

  /** Whether makemap's complaint makes the written map differ from the text. */
  public boolean blocks(SyntaxIssue i) {
    return switch (i.kind()) {
      case LINE_TOO_LONG -> false; // accessctl reads long lines whole
      case DUPLICATE_KEY -> !replace;
      default -> true;
    };
  }
}
