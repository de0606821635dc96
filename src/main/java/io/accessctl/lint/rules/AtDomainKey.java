package io.accessctl.lint.rules;

import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Needs;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/** AC221: {@code From:@example.com} — sendmail never looks up a key that starts with @. */
public final class AtDomainKey extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC221", "at-domain-key", Severity.ERROR,
      "a key of the form @domain, which sendmail never looks up",
      """
      For a sender or recipient user@example.com sendmail looks up the whole address, then
      'user@', then the domain and its parents (example.com, com) — never '@example.com'. An
      '@domain' key, a habit from virtusertable and other maps, is stored by makemap and never
      found, so the entry has no effect. Write the domain alone: it matches every address in it
      (and, for From: and To:, in its subdomains).

      Wrong:
        From:@spammer.example REJECT
      Right:
        From:spammer.example REJECT
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.looksUpNames() || t.looksUpMailAddresses()).andUntagged()
        .keyHolding(ByteClasses.AT);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** True for a subject {@code @domain}: an @ first and no other. */
  static boolean applies(Key k) {
    return k.length() > 1 && k.charAt(0) == '@' && k.subject().indexOf('@', 1) < 0;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    if (!(k.names() || k.mailAddresses()) || !applies(k)) {
      return;
    }
    String domain = plain(k.subject().substring(1));
    String instead = k.tagged() ? plain(k.with(domain)) : "From:" + domain
        + " for senders (To:" + domain + " for recipients)";
    out.add(INFO, k.entry(), k.subjectColumn(), "key " + k.shown() + " is never looked up:"
        + " for user@" + domain + " sendmail asks for the address, 'user@' and the domain "
        + domain + ", never '@" + domain + "', so this entry has no effect; write " + instead);
  }
}
