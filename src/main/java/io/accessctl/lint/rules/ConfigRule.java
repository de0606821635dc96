package io.accessctl.lint.rules;

import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Needs;
import io.accessctl.lint.Rule;
import java.util.Optional;

/**
 * A rule that needs the sendmail.cf: silent without one, and silent when the cf has no access map
 * at all (AC401 then says that nothing in the file is used, which is all there is to say).
 */
abstract class ConfigRule implements Rule {

  @Override
  public Needs needs() {
    return Needs.wholeFile().withCf();
  }

  @Override
  public final void check(LintContext ctx, Findings out) {
    judged(ctx).ifPresent(cf -> check(cf, ctx, out));
  }

  /**
   * The cf that rules needing one judge against: none without a cf, and none when it has no
   * access map. Also for the config rules judged entry by entry in the walk.
   */
  static Optional<CfFile> judged(LintContext ctx) {
    return ctx.cf().filter(cf -> cf.has(Feature.ACCESS_DB));
  }

  abstract void check(CfFile cf, LintContext ctx, Findings out);

  /** "a", "a and b", "a, b and c". */
  static String joinAnd(java.util.List<String> parts) {
    return parts.size() <= 1 ? String.join("", parts)
        : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  /** How messages name the cf. */
  static String name(CfFile cf) {
    return String.valueOf(cf.path());
  }
}
