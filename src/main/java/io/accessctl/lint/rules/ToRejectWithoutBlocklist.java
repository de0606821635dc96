package io.accessctl.lint.rules;

import io.accessctl.lint.Needs;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Message;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;

/** AC216: a To: value other than RELAY while the cf lacks blocklist_recipients. Needs the cf. */
public final class ToRejectWithoutBlocklist extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC216", "to-reject-without-blocklist",
      Severity.WARNING, "a To: entry other than RELAY while sendmail.cf lacks blocklist_recipients",
      """
      Without FEATURE(`blocklist_recipients') sendmail consults To: entries only to decide whether
      it may relay to a domain: recipients in its own domains are accepted before any lookup, and
      for other domains only RELAY matters. REJECT, DISCARD, ERROR:…, OK and the rest are silently
      ignored, so the recipient is accepted. Add the feature to sendmail.mc (older versions call it
      blacklist_recipients) or, if relaying was meant, write RELAY. Checked only with --cf.

      Wrong (without FEATURE(blocklist_recipients)):
        To:gone@example.com REJECT
      Right:
        FEATURE(`blocklist_recipients') in sendmail.mc, then
        To:gone@example.com REJECT
      """);

  @Override
  public Needs needs() {
    return Needs.tags("To").withCf().sameForSameValue();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** True when the cf is at hand and lacks blocklist_recipients: To: means RELAY or nothing. */
  static boolean applies(LintContext ctx) {
    return ctx.cf().isPresent() && !ctx.cf().get().has(Feature.BLOCKLIST_RECIPIENTS);
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    Entry e = k.entry();
    if (!applies(ctx) || !k.is("To") || k.bare() || relayOrNothing(e)) {
      return;
    }
    // the value string is made only for a message read: a large map's thousands of To: REJECT
    // findings fold into one line, whose other messages nobody composes
    out.addRepeatable(INFO, INFO.severity(), e, e.valueColumn(),
        () -> Message.of(WHY_VALUE, Values.quote(Values.intended(e.value())), IGNORED,
            plain(k.subject()), ACCEPTED),
        () -> ADVICE, false);
  }

  /**
   * Whether the value as meant is empty or begins with the word RELAY. Asked of every To: entry,
   * so a value of letters and digits alone (REJECT, RELAY), which is its own first word with
   * nothing to strip, is compared in the line's bytes, without making its string.
   */
  private static boolean relayOrNothing(Entry e) {
    if (e.valueIsAlphanumeric()) {
      return e.valueIs("RELAY");
    }
    String value = Values.intended(e.value());
    return value.isEmpty() || firstWordUpper(value).equals("RELAY");
  }

  private static final String WHY = "without FEATURE(`blocklist_recipients') sendmail consults"
      + " To: entries only to allow relaying (RELAY), and this cf does not have it, so ";
  private static final String FIX = "; add FEATURE(`blocklist_recipients') to sendmail.mc";
  private static final String WHY_VALUE = WHY + "the value ";
  private static final String IGNORED = " is ignored and mail to ";
  private static final String ACCEPTED = " is accepted" + FIX;
  private static final String ADVICE = WHY + "To: values other than RELAY are ignored and the"
      + " mail accepted" + FIX;
}
