package io.accessctl.lint.rules;

import io.accessctl.catalog.Tag;
import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.Needs;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/** AC213: a {@code [...]} key is compared with names, not with addresses. */
public final class BracketKey extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC213", "bracket-key", Severity.INFO,
      "a bracketed key, which sendmail compares with host names, not addresses",
      """
      sendmail uses a bracketed address as the name of a client whose address has no valid
      reverse name ({client_name} = [192.0.2.1]) and of a destination written as a literal
      ([192.0.2.1] in a mailertable or as the smart host); its name walk shortens brackets octet
      by octet ([192.0.2], [192.0], [192]). A bracketed key therefore matches only those cases —
      not a client or server that has a name. To match an address whatever the name, use the
      address key without brackets.

      Wrong (meant: every client at that address):
        Connect:[192.0.2.1] REJECT
      Right:
        Connect:192.0.2.1 REJECT
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(Tag::looksUpNames).andUntagged().keyHolding(ByteClasses.BRACKET);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    String inside = insideBrackets(k.subject());
    if (inside == null || !k.names()) {
      return;
    }
    String msg;
    if (isAddress(inside) || isIpv6Literal(inside)) {
      msg = "bracketed key " + k.shown() + " is compared with host names: it matches a peer "
          + "whose address has no valid reverse name, or a destination written as the literal "
          + k.subject() + ", but not a peer at that address that has a name; to match the address"
          + " whatever the name, write " + plain(k.with(addressKey(inside, ctx)));
    } else {
      msg = "bracketed key " + k.shown() + " matches only a destination written with brackets ("
          + k.subject() + " as smart host or in a mailertable), not the host " + plain(inside)
          + " itself; for that, write " + plain(k.with(inside));
    }
    out.add(INFO, k.entry(), k.subjectColumn(), msg);
  }
}
