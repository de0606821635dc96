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
      The tags of well-known milters that read the access db (Snert's milter-NAME-Connect:,
      milter-NAME-From:, milter-NAME-To:, milter-NAME-Auth:, e.g. milter-limit-Connect:) are
      known. Declare a site's own tags (read by a local ruleset or another program) with
      --extra-tags TAG[,TAG…] or ACCESSCTL_EXTRA_TAGS, or accept one entry with a suppression
      comment above it.

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
    if (!k.tagged() || k.tag() != null || ctx.catalog().foreign().knows(k.tagText())) {
      return; // a milter's tag, or one the site declared
    }
    if (Damage.of(k.entry(), false, null, ctx.catalog()) != null) {
      return; // a value alone or a lost comment is no misspelt tag (AC227, AC228)
    }
    Optional<Tag> near = ctx.catalog().nearest(k.tagText());
    String why = "unknown tag " + Values.quote(k.tagText()) + ": no sendmail ruleset looks up "
        + Values.quote(k.tagText() + ":") + " keys, so this entry has no effect";
    String instead = near
        .map(t -> "; did you mean " + t.name() + "? write " + t.name() + ":" + plain(k.subject()))
        .orElse("; check the spelling against the tags in cf/README (Connect, From, To, Try_TLS,"
            + " Srv_Features, TLS_Srv, …), or declare it with --extra-tags if a local ruleset or"
            + " another program reads it");
    out.addRepeatable(INFO, INFO.severity(), k.entry(), k.entry().keyColumn(),
        why + instead, why.replace("this entry has", "these entries have")
            + near.map(t -> "; did you mean " + t.name() + "?").orElse(""), false);
  }
}
