package io.accessctl.lint.rules;

import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.Needs;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.util.Set;

/** AC215: a From entry for the null sender, which sendmail accepts before any lookup. */
public final class NullSender extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC215", "null-sender", Severity.WARNING,
      "an entry for the null sender <>, which sendmail never looks up",
      """
      check_mail accepts the null sender (MAIL FROM:<>, used by bounces and delivery reports)
      before it consults the access map, so 'From:<>' and its spellings are never looked up and
      cannot refuse or accept anything. RFC 5321 requires accepting the null sender; fight
      backscatter with other means (e.g. a milter) and remove the entry.

      Wrong:
        From:<> REJECT
      Right:
        (no entry)
      """);

  /** The null sender as people write it in a key. */
  private static final Set<String> NULL_SENDER = Set.of("<>", "\"\"", "<\"\">", "\"<>\"");

  @Override
  public Needs needs() {
    return Needs.tags("From").andUntagged().keyHolding(ByteClasses.ANGLE | ByteClasses.QUOTE);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    if (!(k.is("From") || k.untagged()) || !NULL_SENDER.contains(k.subject())) {
      return;
    }
    out.add(INFO, k.entry(), k.subjectColumn(), "sendmail accepts the null sender <> before it"
        + " looks anything up in the access map, so key " + k.shown() + " is never consulted and"
        + " the entry does nothing; remove it (bounces must be accepted)");
  }
}
