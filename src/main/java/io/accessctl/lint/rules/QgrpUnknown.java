package io.accessctl.lint.rules;

import io.accessctl.lint.Needs;
import io.accessctl.catalog.ValueKind;
import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.util.Set;
import java.util.TreeSet;

/** AC320: a QGRP value that names no queue group of the cf (needs --cf). */
public final class QgrpUnknown extends ValueRule {
  static final RuleInfo INFO = new RuleInfo("AC320", "qgrp-unknown", Severity.WARNING,
      "a QGRP value that is not a queue group of the cf",
      """
      FEATURE(queuegroup) takes the first word of a QGRP: value as the name of a queue group (any
      case), one defined with QUEUE_GROUP() (a Q line in sendmail.cf) or the default group mqueue.
      A name the cf does not define is ignored (logged only at LogLevel above 10) and the mail
      goes to the default queue group. Checked only with --cf.

      Wrong:
        QGRP:bulk.example slowq          (no QUEUE_GROUP(`slowq', …) in the mc)
      Right:
        QGRP:bulk.example slow           (QUEUE_GROUP(`slow', `P=/var/spool/mqueue/slow'))
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.value() == ValueKind.QUEUE_GROUP).withTokens().withCf();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(Value v, LintContext ctx, Findings out) {
    CfFile cf = ctx.cf().orElse(null);
    if (cf == null || !cf.has(Feature.QUEUEGROUP) || !v.is(ValueKind.QUEUE_GROUP)) {
      return;
    }
    String name = v.tokens().get(0).text();
    Set<String> groups = new TreeSet<>(cf.queueGroups());
    groups.add("mqueue");
    if (groups.stream().anyMatch(g -> g.equalsIgnoreCase(name))) {
      return;
    }
    out.add(INFO, v.entry(), v.column(), "queue group " + Values.quote(name) + " is not defined in "
        + "the cf, so sendmail ignores the entry and uses the default queue group; "
        + "use one of " + String.join(", ", groups) + " or add QUEUE_GROUP(`" + name + "', …)");
  }
}
