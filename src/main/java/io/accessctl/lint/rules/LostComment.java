package io.accessctl.lint.rules;

import io.accessctl.lint.EntryView;
import io.accessctl.lint.EntryVisitor;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Needs;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;

/** AC228: prose whose {@code #} was lost, stored as an entry with a word for a key. */
public final class LostComment extends EntryVisitor {
  static final RuleInfo INFO = new RuleInfo("AC228", "lost-comment", Severity.WARNING,
      "a line of prose without its #, stored as an entry",
      """
      Only a line that starts with # is a comment. A sentence whose # was lost in an edit, a
      paste from a wiki or a template, is an entry to makemap: its first word is the key, the
      rest the value. 'This file lists the hosts we block' stores the untagged key 'this' with
      the value 'file lists the hosts we block', which the Connect, From and To checks look up
      (as a host named this) and would send as an error reply. Put the # back.

      Wrong:
        This file lists the hosts we block
      Right:
        # This file lists the hosts we block
      """);

  @Override
  public Needs needs() {
    return Needs.untaggedEntries().andUnknown();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void visit(EntryView v, LintContext ctx, Findings out) {
    Entry e = v.entry();
    if (v.tag() != null || Damage.of(e, !v.tagged(), null, ctx.catalog())
        != Damage.Kind.LOST_COMMENT) {
      return;
    }
    out.add(INFO, e, e.keyColumn(), "this line reads as a sentence, not an entry: makemap stores"
        + " the key " + Values.quote(e.key()) + " with the value "
        + Values.quote(Values.intended(e.value())) + "; if it is a comment, put # at its start: "
        + KeyRule.plain("# " + e.line().text().stripTrailing()));
  }
}
