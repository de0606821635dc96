package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Needs;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/** AC223: {@code Connect:0} matches no network client, but every local {@code sendmail -bs}. */
public final class ConnectZero extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC223", "connect-zero", Severity.WARNING,
      "a Connect:0 key, which matches local sendmail -bs sessions",
      """
      No client connects from an address in 0.0.0.0/8, so 'Connect:0' never matches a network
      connection. It does match something else: a local 'sendmail -bs' session (an MUA or script
      that speaks SMTP on sendmail's standard input) has the client address "0", and sendmail
      looks up 'Connect:0' for it. 'Connect:0 REJECT' thus refuses mail submitted locally that
      way, and 'Connect:0 RELAY' lets it relay. To act on connections from this host, key the
      loopback address; if local -bs sessions are meant, say so with a suppression comment.

      Wrong:
        Connect:0 REJECT
      Right:
        Connect:127.0.0.1 REJECT
      """);

  @Override
  public Needs needs() {
    return Needs.tags("Connect");
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    if (!k.is("Connect") || k.length() != 1 || k.charAt(0) != '0') {
      return;
    }
    out.add(INFO, k.entry(), k.subjectColumn(), "key " + k.shown() + " matches no network"
        + " client (nobody connects from 0.0.0.0/8) but every local 'sendmail -bs' session, whose"
        + " client address is \"0\": this entry acts on mail submitted locally that way; for"
        + " connections from this host write Connect:127.0.0.1, or add a suppression comment if"
        + " local -bs sessions are meant");
  }
}
