package io.accessctl.lint.rules;

import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.EntryView;
import io.accessctl.lint.EntryVisitor;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Needs;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;

/** AC324: {@code "ERROR:550 go away"} — the whole value quoted, so no keyword is seen. */
public final class QuotedValue extends EntryVisitor {
  static final RuleInfo INFO = new RuleInfo("AC324", "quoted-value", Severity.ERROR,
      "a whole value in double quotes",
      """
      Quotes make one token of what is inside them, so an ERROR: or QUARANTINE: value written in
      quotes as a whole is no such keyword: "ERROR:550 go away" is not ERROR:. The Connect, From
      and To checks turn a value they do not know into an error reply with that text and no
      code of its own, so sendmail answers '553 5.3.0 ERROR:550 go away', and a quoted
      QUARANTINE: rejects instead of holding the mail. Quote only the message after the colon.
      (A quoted keyword such as "OK" is AC313's.)

      Wrong:
        From:spammer.example "ERROR:550 go away"
      Right:
        From:spammer.example ERROR:"550 go away"
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.value() == ValueKind.ACTION).andUntagged()
        .valueHolding(ByteClasses.QUOTE);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void visit(EntryView v, LintContext ctx, Findings out) {
    Entry e = v.entry();
    if (Damage.of(e, !v.tagged(), v.tag(), ctx.catalog()) != Damage.Kind.QUOTED_VALUE) {
      return;
    }
    String inside = Damage.quotedValue(Values.intended(e.value()));
    out.add(INFO, e, e.valueColumn(), "the whole value is in quotes, which makes it one token"
        + " and no keyword: sendmail does not read " + Values.quote(inside) + " as "
        + inside.substring(0, inside.indexOf(':') + 1) + " but rejects with the reply "
        + Values.quote("553 5.3.0 " + inside) + "; write " + KeyRule.plain(e.key()) + " "
        + KeyRule.plain(unquoted(inside)));
  }

  /** The value with the quotes around the message after the keyword (and any d.s.n:). */
  static String unquoted(String inside) {
    int colon = inside.indexOf(':') + 1;
    String rest = inside.substring(colon);
    int dsn = rest.matches("[245]\\.\\d{1,3}\\.\\d{1,3}:.*") ? rest.indexOf(':') + 1 : 0;
    return inside.substring(0, colon) + rest.substring(0, dsn) + "\"" + rest.substring(dsn).strip()
        + "\"";
  }
}
