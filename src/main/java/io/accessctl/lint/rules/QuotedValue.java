package io.accessctl.lint.rules;

import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.EntryView;
import io.accessctl.lint.EntryVisitor;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Needs;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;
import java.util.List;
import java.util.Locale;

/** AC112: {@code "ERROR:550 go away"} — the whole value quoted, so no keyword is seen. */
public final class QuotedValue extends EntryVisitor {
  static final RuleInfo INFO = new RuleInfo("AC112", "quoted-value", Severity.ERROR,
      "a whole value in double quotes",
      """
      Quotes make one token of what is inside them, so a value written in quotes as a whole is no
      keyword: "REJECT" is not REJECT and "ERROR:550 go away" is not ERROR:. The Connect, From
      and To checks turn a value they do not know into an error reply with that text, so
      sendmail answers '553 5.3.0 ERROR:550 go away' — and a quoted "OK" or "RELAY" rejects the
      very mail it was meant to let through. Quote only the message after ERROR:.

      Wrong:
        From:spammer.example "ERROR:550 go away"
        Connect:192.0.2.7 "OK"
      Right:
        From:spammer.example ERROR:"550 go away"
        Connect:192.0.2.7 OK
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.value() == ValueKind.ACTION).andUntagged();
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
    List<String> words = Values.words(inside);
    String first = words.get(0).toUpperCase(Locale.ROOT);
    String fix = unquoted(inside);
    String sent = "553 5.3.0 " + inside;
    out.add(INFO, e, e.valueColumn(), "the whole value is in quotes, which makes it one token"
        + " and no keyword: sendmail does not read " + Values.quote(inside) + " but replies "
        + Values.quote(sent) + (first.equals("OK") || first.equals("RELAY")
        ? ", rejecting what the entry meant to accept" : "") + "; write "
        + KeyRule.plain(e.key()) + " " + KeyRule.plain(fix));
  }

  /** The value without the outer quotes; an ERROR:/QUARANTINE: message or a bare reply quoted. */
  static String unquoted(String inside) {
    String upper = inside.toUpperCase(Locale.ROOT);
    for (String keyword : List.of("ERROR:", "QUARANTINE:")) {
      if (upper.startsWith(keyword)) {
        String rest = inside.substring(keyword.length());
        int dsn = rest.matches("[245]\\.\\d{1,3}\\.\\d{1,3}:.*") ? rest.indexOf(':') + 1 : 0;
        String message = rest.substring(dsn).strip();
        return inside.substring(0, keyword.length()) + rest.substring(0, dsn) + "\""
            + message + "\"";
      }
    }
    return Values.words(inside).size() == 1 ? inside : "ERROR:\"" + inside + "\"";
  }
}
