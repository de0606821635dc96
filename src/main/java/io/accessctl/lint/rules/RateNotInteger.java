package io.accessctl.lint.rules;

import io.accessctl.lint.Needs;
import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.Strtol;
import io.accessctl.tokens.TokenText;

/**
 * AC308: a ClientRate / ClientConn limit that is not a plain decimal number. RateControl and
 * ConnControl take exactly the token {@code 0} as "unlimited"; anything else goes through the arith
 * map, i.e. C's strtol with base 0, and a client is rejected when the limit is below its count.
 */
public final class RateNotInteger extends ValueRule {
  static final RuleInfo INFO = new RuleInfo("AC308", "rate-not-integer", Severity.ERROR,
      "a ClientRate or ClientConn limit that is not a plain decimal number",
      """
      The limit is read by C's strtol with base 0: a leading 0 means octal (010 is 8, 08 is 0), 0x
      means hexadecimal (0x10 is 16), reading stops at the first other character (5s is 5, 10.5 is
      10, "10 20" is 10), and a value without digits (abc, "10") is 0. Only the single word 0 means
      unlimited: 00, 0.0 or abc are the limit 0, and a client is rejected when its count is above
      the limit, so every connection is rejected ("452 4.3.2 Connection rate limit exceeded." or
      "Too many open connections.", 421 with the terminate argument). Write 0 or a decimal number
      without leading zeros.

      Wrong:
        ClientRate:192.0.2 00
        ClientConn: 010
      Right:
        ClientRate:192.0.2 0
        ClientConn: 10
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.value() == ValueKind.LIMIT).withTokens();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(Value v, LintContext ctx, Findings out) {
    if (!v.is(ValueKind.LIMIT)) {
      return;
    }
    if (v.tokens().size() == 1 && Ascii.isPlainDecimal(v.tokens().get(0).text())) {
      return;
    }
    long limit = limit(v);
    String who = v.subject("every client");
    String effect = limit <= 0
        ? "sendmail reads it as the limit " + limit + " (only the single word 0 means unlimited), "
            + "so every connection of " + who + " is rejected"
        : "sendmail reads it as " + limit;
    String instead = limit <= 0 ? "write 0 for no limit or a decimal number"
        : "write " + limit + " if that is what you mean";
    out.add(INFO, v.entry(), v.column(), "limit " + v.quoted() + " is not a plain decimal number: "
        + effect + "; " + instead);
  }

  /** The limit sendmail compares with: strtol(base 0) of the tokens as the arith map gets them. */
  static long limit(Value v) {
    return Strtol.parse(TokenText.render(Prescan.upToFirstClose(v.tokens())), 0);
  }
}
