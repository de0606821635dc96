package io.accessctl.lint.rules;

import io.accessctl.lint.Needs;
import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.tokens.Limits;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.Strtol;

/**
 * AC309: a GreetPause value that is not a plain number of milliseconds. srvrsmtp.c reads the first
 * token with strtol(…, 10), pauses only for a positive result, and never longer than 5 minutes.
 */
public final class GreetPauseNotInteger extends ValueRule {
  static final RuleInfo INFO = new RuleInfo("AC309", "greetpause-not-integer", Severity.WARNING,
      "a GreetPause value that is not a plain number of milliseconds",
      """
      greet_pause takes the first word of the value and reads it with strtol in base 10: reading
      stops at the first character that is no digit, so "5s" is 5 milliseconds, "1.5" is 1, "+5"
      (two words for sendmail) and "five" are 0, i.e. no pause, and a negative number is no pause
      either. sendmail never waits longer than 300000 ms (5 minutes). Write the number of
      milliseconds, digits only.

      Wrong:
        GreetPause:192.0.2 5s
      Right:
        GreetPause:192.0.2 5000
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.value() == ValueKind.MILLISECONDS).withTokens();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(Value v, LintContext ctx, Findings out) {
    if (!v.is(ValueKind.MILLISECONDS)) {
      return;
    }
    String first = Prescan.upToFirstClose(v.tokens()).get(0).text();
    long ms = Strtol.parse(first, 10);
    boolean plain = v.tokens().size() == 1 && first.matches("[0-9]{1,18}");
    if (plain && ms <= Limits.GREET_PAUSE_MAX_MS) {
      return;
    }
    String who = v.subject("these clients");
    long most = Limits.GREET_PAUSE_MAX_MS;
    String effect = ms <= 0 ? "no pause for " + who
        : ms > most ? "a pause of " + most + " ms (5 minutes, sendmail's maximum) for " + who
        : "a pause of " + ms + " ms for " + who;
    String what = plain ? "value " + v.quoted() + " is more than sendmail ever waits"
        : "value " + v.quoted() + " is not a plain number of milliseconds";
    out.add(INFO, v.entry(), v.column(), what + ": sendmail reads it as " + effect
        + "; write the milliseconds as digits only" + (plain ? ", at most " + most : ""));
  }
}
