package io.accessctl.lint.rules;

import io.accessctl.lint.Needs;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/**
 * AC203: a key without a tag serves the Connect, From and To checks at once. A warning where that
 * bites — an untagged rejection also refuses mail to the domain when the cf has
 * blocklist_recipients (or when no cf says it has not) — and an advice otherwise, given once per
 * file when it recurs.
 */
public final class UntaggedEntry extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC203", "untagged-entry", Severity.INFO,
      "a key without a tag, which applies to connections, senders and recipients at once",
      """
      The Connect, From and To checks try the untagged key right after the tagged one at every
      step of their walk. An untagged entry therefore acts on connecting clients, envelope senders
      and recipients at the same time: 'example.com REJECT' refuses connections from hosts in
      example.com, mail from addresses in example.com and — with blocklist_recipients — mail to
      them. cf/README calls untagged entries deprecated. Say which check you mean.

      A warning for an untagged rejection (REJECT, DISCARD, ERROR:, a reply text) when the cf has
      FEATURE(blocklist_recipients), or when no cf is at hand to say it has not; an advice
      otherwise. In a legacy file of many untagged entries the advice is given once, with the
      lines it concerns.

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
  public boolean consultsCf() {
    return true;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    if (k.tagged() || AtDomainKey.applies(k)
        || Damage.of(k.entry(), true, null, ctx.catalog()) != null) {
      return; // AC221 and the damage rules say what is wrong with such a key
    }
    String key = plain(k.subject());
    String instead;
    String kind;
    if (key.indexOf('@') >= 0) {
      kind = "mail-address";
      instead = "From:" + key + " for senders or To:" + key + " for recipients";
    } else if (isAddress(key) || isIpv6Literal(key)) {
      kind = "address";
      instead = "Connect:" + plain(addressKey(k.subject(), ctx)) + " for connecting clients";
    } else if (Ascii.onlyDigitsAndDots(key)) {
      kind = "domain";
      // an octet above 255: no client address walk produces it (AC225), a mail domain might
      instead = "From:" + key + " or To:" + key + " for the check you mean";
    } else {
      kind = "domain";
      instead = "Connect:" + key + ", From:" + key + " or To:" + key + " for the check you mean";
    }
    boolean bites = rejects(k.entry().value()) && !kind.equals("address")
        && !ToRejectWithoutBlocklist.applies(ctx);
    String effect = bites ? "; as a rejection it also refuses mail to " + key
        + (ctx.cf().isPresent() ? " (this cf has FEATURE(`blocklist_recipients'))"
            : " with FEATURE(`blocklist_recipients')")
        : "";
    out.addRepeatable(INFO, bites ? Severity.WARNING : Severity.INFO, k.entry().line(),
        k.subjectColumn(), "untagged key " + k.shown() + " applies to "
        + "Connect, From and To at once: sendmail tries it after the tagged key at every step of "
        + "the connection, sender and recipient checks" + effect + "; untagged entries are "
        + "deprecated, write " + instead,
        "untagged " + kind + " keys apply to Connect, From and To at once" + (bites
            ? "; as rejections they also refuse mail to those " + kind + "s"
            + (ctx.cf().isPresent() ? " (this cf has FEATURE(`blocklist_recipients'))"
                : " with FEATURE(`blocklist_recipients')")
            : "") + "; untagged entries are deprecated: put "
        + (kind.equals("address") ? "Connect:" : kind.equals("mail-address") ? "From: or To:"
            : "Connect:, From: or To:")
        + " in front of each for the check you mean", false);
  }

  /** True unless the value accepts, skips or quarantines: every other value refuses the mail. */
  static boolean rejects(String value) {
    String v = Values.intended(value);
    String word = firstWordUpper(v);
    return !v.isEmpty() && !(v.trim().equalsIgnoreCase(word)
        && (word.equals("OK") || word.equals("RELAY") || word.equals("SKIP")))
        && !word.startsWith("QUARANTINE");
  }
}
