package io.accessctl.app;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.Severity;
import io.accessctl.source.SyntaxIssue;

/**
 * What refuses a write of a map, the same for compile, push, set/delete and suggest --apply: lint
 * errors and makemap's errors (what makes the written map differ from the text) refuse it; with
 * {@code strict}, lint warnings too; with {@code force}, nothing does, and the map written is the
 * one makemap would write (its rejected lines left out, the first of a repeated key kept).
 *
 * <p>{@code force} overrides makemap's errors as well as lint's because makemap itself writes the
 * map in those cases and only exits non-zero: forcing means writing what makemap would write.
 *
 * @param strict lint warnings refuse the write too
 * @param force write whatever lint or makemap finds; the caller says what was overridden
 * @param replace a repeated key replaces the earlier one (makemap -r): it is the point, not a
 *     mistake
 */
public record WritePolicy(boolean strict, boolean force, boolean replace) {
  /** No --strict, no --force, no -r. */
  public static final WritePolicy DEFAULT = new WritePolicy(false, false, false);

  private static final String DUPLICATE_KEY_RULE = "duplicate-key";

  /** False for a finding the policy makes moot: a repeated key under -r. */
  public boolean applies(Diagnostic d) {
    return !(replace && d.ruleName().equals(DUPLICATE_KEY_RULE));
  }

  /** Whether the finding refuses the write, unless forced. */
  public boolean blocks(Diagnostic d) {
    return applies(d) && d.severity().atLeast(strict ? Severity.WARNING : Severity.ERROR);
  }

  /**
   * Whether makemap's complaint makes the written map differ from the text, and so refuses the
   * write unless forced.
   */
  public boolean blocks(SyntaxIssue i) {
    return switch (i.kind()) {
      case LINE_TOO_LONG -> false; // accessctl reads long lines whole
      case DUPLICATE_KEY -> !replace;
      default -> true;
    };
  }
}
