package io.accessctl.lint.rules;

import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.Needs;
import io.accessctl.catalog.Tag;
import io.accessctl.lint.EntryRule;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;

/** AC110: non-ASCII bytes in a key are not folded. */
public final class NonAsciiKey extends EntryRule {
  static final RuleInfo INFO = new RuleInfo("AC110", "non-ascii-key", Severity.INFO,
      "a key with bytes outside ASCII",
      """
      makemap and sendmail lower-case only ASCII letters, so Ä and ä stay different, and sendmail
      builds with EAI (SMTPUTF8) support fold differently from those without. Host names travel in
      their ASCII (xn--, punycode) form: write internationalized domains that way.

      Wrong:
        Connect:bücher.example REJECT
      Right:
        Connect:xn--bcher-kva.example REJECT
      """);

  @Override
  public Needs needs() {
    return Needs.everyEntry().keyHolding(ByteClasses.NON_ASCII);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(Entry e, Tag tag, LintContext ctx, Findings out) {
    // The key is the line's first bytes: read them there, without making the key a String.
    for (int i = 0; i < e.keyLength(); i++) {
      if (e.line().byteAt(i) >= 0x80) {
        if (i == 0 && e.key().startsWith(Utf8Bom.BOM)) {
          return; // AC107
        }
        out.add(INFO, e, e.keyColumn() + i, "key contains non-ASCII bytes, which are not "
            + "case-folded and do not occur in host names on the wire; use the xn-- form");
        return;
      }
    }
  }
}
