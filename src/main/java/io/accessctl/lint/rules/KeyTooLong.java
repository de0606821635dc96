package io.accessctl.lint.rules;

import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Needs;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.tokens.Limits;

/** AC204: sendmail cuts lookup keys to 256 bytes, so a longer key is never found. */
public final class KeyTooLong extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC204", "key-too-long", Severity.ERROR,
      "a key longer than the 256 bytes sendmail looks up",
      """
      sendmail truncates every key it hands to the map to 256 bytes (MAXNAME), tag and colon
      included. makemap stores longer keys whole, but no lookup can ever ask for them: the entry is
      dead. (A lookup for a longer name instead finds a stored key equal to its first 256 bytes.)
      Key such an entry on a shorter parent domain.

      Wrong:
        Try_TLS:a-very-long-label….mail.example.com NO      (300 bytes)
      Right:
        Try_TLS:mail.example.com NO
      """);

  @Override
  public Needs needs() {
    return Needs.everyEntry().keyHolding(ByteClasses.LONGER_THAN_LOOKUP);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    int length = k.entry().keyLength(); // bytes; folding keeps the length
    if (length <= Limits.MAXNAME) {
      return;
    }
    out.add(INFO, k.entry(), k.column(Limits.MAXNAME), "key is " + length + " bytes long, but "
        + "sendmail cuts every lookup key to " + Limits.MAXNAME + " bytes, so it never looks this "
        + "key up and the entry is dead; shorten the key to at most " + Limits.MAXNAME
        + " bytes (for a host, key its parent domain)");
  }
}
