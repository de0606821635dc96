package io.accessctl.lint.rules;

import io.accessctl.lint.Needs;
import io.accessctl.catalog.Tag;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.util.Optional;

/** AC202: a tag no stock ruleset looks up, usually a misspelling. */
public final class UnknownTag extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC202", "unknown-tag", Severity.WARNING,
      "a tag that sendmail's rulesets never look up",
      """
      sendmail builds every lookup key from a fixed tag (Connect, From, To, Try_TLS, Srv_Features,
      TLS_Srv, ClientRate, …) and the name or address it checks. A key whose tag is misspelt is
      stored by makemap without complaint and never looked up, so the entry has no effect. Tags
      named by a CITag requirement in the same file (TLS_Srv:host VERIFY+CITag:MyCAs) are known.
      A tag that only a local ruleset (LOCAL_RULESETS) looks up can be accepted with a suppression
      comment above the entry.

      Wrong:
        TryTLS:broken.example NO
        Srv_Feature:10.1 A
      Right:
        Try_TLS:broken.example NO
        Srv_Features:10.1 A
      """);

  @Override
  public Needs needs() {
    return Needs.unknownTags();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    if (!k.tagged() || k.tag() != null
        || Damage.of(k.entry(), false, null, ctx.catalog()) != null) {
      return; // a value alone or a lost comment is no misspelt tag (AC227, AC228)
    }
    Optional<Tag> near = ctx.catalog().nearest(k.tagText());
    String why = "unknown tag " + Values.quote(k.tagText()) + ": no sendmail ruleset looks up "
        + Values.quote(k.tagText() + ":") + " keys, so this entry has no effect";
    String instead = near
        .map(t -> "; did you mean " + t.name() + "? write " + t.name() + ":" + plain(k.subject()))
        .orElse("; check the spelling against the tags in cf/README (Connect, From, To, Try_TLS,"
            + " Srv_Features, TLS_Srv, …)");
    out.add(INFO, k.entry(), k.entry().keyColumn(), why + instead);
  }
}
