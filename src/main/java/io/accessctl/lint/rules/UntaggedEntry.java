package io.accessctl.lint.rules;

import io.accessctl.lint.Needs;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.tokens.Limits;
import java.util.ArrayList;
import java.util.List;

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
      instead = tagged(k.subject(), key, " for senders", " for recipients", "From", "To");
    } else if (isAddress(key) || isIpv6Literal(key)) {
      kind = "address";
      String address = addressKey(k.subject(), ctx);
      instead = tagged(address, plain(address), " for connecting clients", "", "Connect");
    } else if (Ascii.onlyDigitsAndDots(key)) {
      kind = "domain";
      // an octet above 255: no client address walk produces it (AC225), a mail domain might
      instead = tagged(k.subject(), key, " for the check you mean", "", "From", "To");
    } else {
      kind = "domain";
      instead = tagged(k.subject(), key, " for the check you mean", "", "Connect", "From", "To");
    }
    boolean bites = rejects(k.entry().value()) && !kind.equals("address")
        && !ToRejectWithoutBlocklist.applies(ctx);
    String effect = bites ? "; as a rejection it also refuses mail to " + key
        + (ctx.cf().isPresent() ? " (this cf has FEATURE(`blocklist_recipients'))"
            : " with FEATURE(`blocklist_recipients')")
        : "";
    out.addRepeatable(INFO, bites ? Severity.WARNING : Severity.INFO, k.entry(),
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

  /**
   * The tagged keys to write instead, "A:key, B:key or C:key" followed by the first note (or, for
   * two tags, each key followed by its note). A tagged key over sendmail's key size is never
   * looked up (AC204), so such forms are left out; when none fits, the advice is a parent domain.
   */
  private static String tagged(String subject, String shown, String note, String secondNote,
      String... tags) {
    List<String> fit = new ArrayList<>();
    for (String tag : tags) {
      if (tag.length() + 1 + subject.length() <= Limits.MAXNAME) { // Latin-1: a char is a byte
        fit.add(tag);
      }
    }
    if (fit.isEmpty()) {
      return "a tagged key for a shorter parent domain (" + String.join(":, ", tags)
          + ": in front of this one makes a key over sendmail's " + Limits.MAXNAME + " bytes)";
    }
    if (fit.size() == 2 && !secondNote.isEmpty()) {
      return fit.get(0) + ":" + shown + note + " or " + fit.get(1) + ":" + shown + secondNote;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fit.size(); i++) {
      b.append(i == 0 ? "" : i == fit.size() - 1 ? " or " : ", ").append(fit.get(i)).append(':')
          .append(shown);
    }
    return b.append(fit.size() == 1 && !secondNote.isEmpty() && fit.get(0).equals(tags[1])
        ? secondNote : note).toString();
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
