package io.accessctl.lint.rules;

import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.Needs;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/** AC214: a host key ending in a dot; sendmail looks names up without it. */
public final class TrailingDot extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC214", "trailing-dot", Severity.ERROR,
      "a host or domain key that ends in a dot",
      """
      sendmail looks host names up without the trailing dot of a fully qualified name: it strips
      it from the server name before try_tls, tls_server and friends run, and from canonified
      e-mail addresses before check_mail and check_rcpt. The name walk itself never removes a
      dot, so a key written as 'mx.example.com.' never equals any lookup and the entry is dead.
      (A log line shows relay=mx.example.com. — drop the dot when you copy it.)

      Wrong:
        Try_TLS:mx.example.com. NO
      Right:
        Try_TLS:mx.example.com NO
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.looksUpNames() || t.looksUpMailAddresses()).andUntagged()
        .keyHolding(ByteClasses.ENDS_IN_DOT);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    String s = k.subject();
    boolean mail = k.mailAddresses();
    if (!(k.names() || mail) || s.length() < 2 || !s.endsWith(".") || s.endsWith("..")
        || isIpv4(s.substring(0, s.length() - 1))) {
      return; // an address with a trailing dot is AC208's
    }
    out.add(INFO, k.entry(), k.subjectColumn() + s.length() - 1, "key " + k.shown() + " ends in"
        + " a dot, but sendmail looks names up without the trailing dot, so this entry never"
        + " matches; write " + plain(k.with(s.substring(0, s.length() - 1))));
  }
}
