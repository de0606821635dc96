package io.accessctl.lint.rules;

import io.accessctl.lint.Needs;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/** AC203: a key without a tag serves the Connect, From and To checks at once. */
public final class UntaggedEntry extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC203", "untagged-entry", Severity.WARNING,
      "a key without a tag, which applies to connections, senders and recipients at once",
      """
      The Connect, From and To checks try the untagged key right after the tagged one at every
      step of their walk. An untagged entry therefore acts on connecting clients, envelope senders
      and recipients at the same time: 'example.com REJECT' refuses connections from hosts in
      example.com, mail from addresses in example.com and — with blocklist_recipients — mail to
      them. cf/README calls untagged entries deprecated. Say which check you mean.

      Wrong:
        spammer.example REJECT
      Right:
        From:spammer.example REJECT
      """);

  @Override
  public Needs needs() {
    return Needs.untaggedEntries();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    if (k.tagged() || AtDomainKey.applies(k)
        || Damage.of(k.entry(), true, null, ctx.catalog()) != null) {
      return; // AC221 and the damage rules say what is wrong with such a key
    }
    String key = plain(k.subject());
    String instead;
    if (key.indexOf('@') >= 0) {
      instead = "From:" + key + " for senders or To:" + key + " for recipients";
    } else if (isAddress(key) || isIpv6Literal(key)) {
      instead = "Connect:" + plain(addressKey(k.subject(), ctx)) + " for connecting clients";
    } else {
      instead = "Connect:" + key + ", From:" + key + " or To:" + key + " for the check you mean";
    }
    out.add(INFO, k.entry(), k.subjectColumn(), "untagged key " + k.shown() + " applies to "
        + "Connect, From and To at once: sendmail tries it after the tagged key at every step of "
        + "the connection, sender and recipient checks; untagged entries are deprecated, write "
        + instead);
  }
}
