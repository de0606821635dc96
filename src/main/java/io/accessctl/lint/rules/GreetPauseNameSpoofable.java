package io.accessctl.lint.rules;

import io.accessctl.lint.Needs;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/** AC218: a GreetPause exemption keyed by host name, which is matched against the unverified PTR. */
public final class GreetPauseNameSpoofable extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC218", "greetpause-name-spoofable", Severity.INFO,
      "a GreetPause exemption keyed by a host name anyone can claim",
      """
      greet_pause looks up the client's name as its reverse DNS (PTR) record says, before that
      name is verified — even when the forward lookup does not confirm it. Whoever controls the
      reverse zone of their own addresses can therefore claim to be trusted.example and skip the
      pause that was meant to catch them talking too early. Key exemptions by address.

      Wrong:
        GreetPause:partner.example 0
      Right:
        GreetPause:192.0.2 0
      """);

  @Override
  public Needs needs() {
    return Needs.tags("GreetPause");
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    String s = k.subject();
    if (!k.is("GreetPause") || s.isEmpty() || isAddress(s) || isIpv6Literal(s)
        || insideBrackets(s) != null || !noPause(Values.intended(k.entry().value()))) {
      return;
    }
    String why = " against the client's unverified reverse-DNS name, so any client whose PTR"
        + " record claims ";
    String fix = " the greeting pause; key the exemption by the client's address, e.g. "
        + plain(k.with("192.0.2")) + " 0";
    out.addRepeatable(INFO, INFO.severity(), k.entry(), k.subjectColumn(),
        "greet_pause matches " + Values.quote(s) + why + "that name skips" + fix,
        "greet_pause matches these names" + why + "one of them skips" + fix, false);
  }

  /** 0 or a negative number: no pause. */
  private static boolean noPause(String value) {
    return value.matches("-?\\d+") && value.replace("-", "").chars().allMatch(c -> c == '0')
        || value.matches("-\\d+");
  }
}
