package io.accessctl.lint.rules;

import io.accessctl.catalog.Tag;
import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.Needs;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/** AC209: a {@code .domain} key while the cf lacks FEATURE(lookupdotdomain). Needs the cf. */
public final class DotDomainWithoutFeature extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC209", "dotdomain-without-feature",
      Severity.WARNING, "a .domain key while sendmail.cf lacks FEATURE(lookupdotdomain)",
      """
      A key starting with a dot (.example.com: every host below example.com, but not example.com
      itself) is looked up only when the cf was built with FEATURE(`lookupdotdomain'). Without it
      the name walk asks for mx.example.com, example.com and com, never .example.com, so the entry
      is dead. Key the domain itself (it covers the domain and every host below it), or add the
      feature to sendmail.mc and rebuild sendmail.cf. Checked only with --cf.

      Wrong (without FEATURE(lookupdotdomain)):
        Connect:.example.com REJECT
      Right:
        Connect:example.com REJECT
      """);

  @Override
  public Needs needs() {
    // the subject starts with a dot: the key's first byte, or the first after its tag's colon
    return Needs.tagsWhere(Tag::looksUpNames).andUntagged().withCf()
        .keyHolding(ByteClasses.LEADING_DOT);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    if (ctx.cf().isEmpty() || ctx.cf().get().has(Feature.LOOKUPDOTDOMAIN) || !k.names()
        || k.length() < 2 || k.charAt(0) != '.' || k.charAt(1) == '.') {
      return;
    }
    String s = k.subject();
    out.add(INFO, k.entry(), k.subjectColumn(), "key " + k.shown() + " starts with a dot, which"
        + " sendmail looks up only with FEATURE(`lookupdotdomain'), and this cf does not have it,"
        + " so the entry is dead; write " + plain(k.with(s.substring(1))) + " (the domain and"
        + " every host below it) or add FEATURE(`lookupdotdomain') to sendmail.mc");
  }
}
