package io.accessctl.lint.rules;

import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.Needs;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.tokens.TokenText;

/** AC312: a reply written without ERROR: ({@code 550 text}), the deprecated form. */
public final class LegacyErrorForm extends ValueRule {
  static final RuleInfo INFO = new RuleInfo("AC312", "legacy-error-form", Severity.INFO,
      "an error reply without ERROR: in front (deprecated form)",
      """
      A value that is no keyword is taken as the text of an error reply, so "550 go away" works.
      cf/README calls this form deprecated: it cannot be told apart from a misspelt keyword, it
      takes no separate DSN, and any word that happens to be a keyword changes its meaning.
      Write ERROR: in front and quote the reply.

      Wrong:
        From:spammer@example.com 550 We do not accept your mail
      Right:
        From:spammer@example.com ERROR:"550 5.7.1 We do not accept your mail"
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.value() == ValueKind.ACTION).andUntagged().withTokens()
        .sameForSameValue();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(Value v, LintContext ctx, Findings out) {
    if (!v.isAction()) {
      return;
    }
    ActionValue a = v.action();
    if (a.kind() != ActionValue.Kind.TEXT || UnknownKeyword.problem(a) != null
        || UnquotedMessage.isMangled(v, a.text()) || ReplyCode.problem(v) != null) {
      return;
    }
    String reply = TokenText.stripQuotes(TokenText.render(a.text()));
    out.addRepeatable(INFO, INFO.severity(), v.entry(), v.column(), "reply "
        + Values.quote(reply) + " has no ERROR: in front (deprecated; works as a rejection); "
        + "write ERROR:\"" + reply + "\"", "replies without ERROR: in front (deprecated; they work"
        + " as rejections, sendmail sends them as written after the code); write ERROR: in front"
        + " and quote each reply (550 text becomes ERROR:\"550 text\")", false);
  }
}
