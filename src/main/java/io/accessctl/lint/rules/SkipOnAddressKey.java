package io.accessctl.lint.rules;

import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/**
 * AC307: SKIP where no walk runs: on a full address or {@code user@} key, on the bare {@code Tag:}
 * default, or on a tag looked up with one exact key.
 */
public final class SkipOnAddressKey extends SkipValue.SkipRule {
  static final RuleInfo INFO = new RuleInfo("AC307", "skip-on-address-key", Severity.ERROR,
      "SKIP where no domain or address walk runs",
      """
      SKIP means "stop this domain or address walk and go on with the next stage". sendmail
      understands it only inside those walks. On a full address or user@ key (From:joe@example.com,
      From:joe@), on the bare default (Srv_Features: SKIP) or on tags with one exact lookup
      (Compat, CERTISSUER) it is an ordinary value: a From entry rejects the sender with "553 5.3.0
      SKIP", a bare Srv_Features: SKIP is read as the letters S K I P (no STARTTLS, no PIPELINING
      for every client), a bare ClientRate: SKIP as the limit 0 (every connection rejected). To and
      TLS_Rcpt address keys are fine: there SKIP counts as "no match".

      Wrong:
        From:joe@example.com SKIP
        Srv_Features: SKIP
      Right:
        From:joe@example.com OK
        (no bare Srv_Features: entry)
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void checkSkip(Value v, SkipValue.Place place, LintContext ctx, Findings out) {
    String where;
    SkipValue.Effect effect;
    switch (place) {
      case MAIL_ADDRESS -> {
        if (v.tag() != null && (v.tag().name().equals("To") || v.is(ValueKind.TLS_REQUIREMENT))) {
          return;
        }
        where = "on the address key " + Values.quote(v.entry().key());
        effect = v.isAction() ? SkipValue.asPlainValue(v) : new SkipValue.Effect(Severity.WARNING,
            "it is found as a value, does nothing and ends the search before the domain's entry");
      }
      case BARE -> {
        if (v.tag() == null || !v.tag().hasBareDefault()) {
          return; // an unknown tag (AC202's) or IPv6: alone
        }
        where = "on the bare default " + Values.quote(v.entry().key());
        effect = SkipValue.asPlainValue(v);
      }
      case EXACT -> {
        where = "on " + v.tag().name() + ", which is looked up with one exact key";
        effect = SkipValue.asPlainValue(v);
      }
      default -> {
        return;
      }
    }
    out.add(INFO, effect.severity(), v.entry(), v.column(), "SKIP only ends a domain or "
        + "address walk; " + where + " " + effect.effect() + "; "
        + (effect.severity() == Severity.ERROR ? "write the value you mean or delete the entry"
            : "delete the entry"), false);
  }
}
