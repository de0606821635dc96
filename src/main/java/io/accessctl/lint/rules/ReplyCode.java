package io.accessctl.lint.rules;

import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.Needs;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/**
 * AC311: an error reply without a usable reply code, or whose DSN does not fit its reply code.
 * What sendmail sends is worked out as parseaddr.c buildaddr() does it ({@link ActionValue#reply}).
 */
public final class ReplyCode extends ValueRule {
  static final RuleInfo INFO = new RuleInfo("AC311", "reply-code", Severity.WARNING,
      "an error reply without a 4xx/5xx code, or with a DSN of the other class",
      """
      An ERROR: (or legacy) reply should start with a three-digit SMTP code and a blank, then
      optionally an enhanced status code (DSN). Without a code sendmail sends "553 5.3.0 text" — a
      permanent "mailbox name not allowed" — whatever you meant; "550text" or "550-text" count as
      no code. A code that is not 4xx or 5xx is no error at all. sendmail does not reconcile the
      DSN with the code: ERROR:4.7.1:"550 go away" is sent as 550 4.7.1, a permanent reply with
      a temporary status, and a DSN in the text wins over the one in ERROR:d.s.n:.

      Wrong:
        Connect:192.0.2 ERROR:go away
        From:bad.example ERROR:4.7.1:"550 go away"
      Right:
        Connect:192.0.2 ERROR:"550 5.7.1 go away"
        From:bad.example ERROR:4.7.1:"450 try again later"
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
    String problem = problem(v);
    if (problem != null) {
      out.add(INFO, v.entry(), v.column(), problem);
    }
  }

  /**
   * What is wrong with the reply code of an action value, or null when it is fine, when the value
   * is no reply, or when AC313 (a keyword-like word) or AC310 (a mangled message) reports it.
   */
  static String problem(Value v) {
    if (!v.isAction()) {
      return null;
    }
    ActionValue a = v.action();
    if (!a.isReply() || a.text().isEmpty() || UnknownKeyword.problem(a) != null
        || UnquotedMessage.isMangled(v, a.text())) {
      return null;
    }
    ActionValue.Reply r = a.reply();
    if (!r.hasCode()) {
      return "reply " + Values.quote(r.rendered()) + " has no reply code: " + sends(r)
          + "; start it with a code: ERROR:\"550 5.7.1 " + r.rendered() + "\"";
    }
    char cls = r.codeClass();
    if (cls != '4' && cls != '5') {
      return "reply code " + r.code() + " is not an error code (4xx temporary, 5xx permanent), "
          + "yet sendmail rejects with it; use 550 (or 450 to have the sender retry)";
    }
    if (!r.ruleDsn().isEmpty() && !ActionValue.isEnhancedCode(r.ruleDsn())) {
      return "DSN " + r.ruleDsn() + " is not an enhanced status code (class 2, 4 or 5, then "
          + "two numbers of up to three digits): " + sends(r) + " and records " + r.ruleDsn()
          + " as the status; write e.g. " + cls + ".7.1";
    }
    if (!r.ruleDsn().isEmpty() && !r.textDsn().isEmpty() && !r.ruleDsn().equals(r.textDsn())) {
      return "DSN " + r.ruleDsn() + " is ignored: the " + r.textDsn() + " in the text wins ("
          + sends(r) + "); keep one of them";
    }
    String dsn = r.effectiveDsn();
    if (dsn.charAt(0) != cls) {
      return "DSN " + dsn + " does not fit reply code " + r.code() + ": " + sends(r)
          + " as written, "
          + (cls == '5' ? "a permanent reply with a temporary status"
              : "a temporary reply with a permanent status")
          + "; make the DSN start with " + cls;
    }
    return null;
  }

  /** What sendmail sends, for a message: made only for a value that has a problem. */
  private static String sends(ActionValue.Reply r) {
    return "sendmail replies \"" + r.line() + "\"";
  }
}
