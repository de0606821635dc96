package io.accessctl.lint.rules;

import io.accessctl.catalog.TlsRequirement;
import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Needs;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.tokens.Prescan.Token;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.TokenText;
import java.util.List;

/** AC314: a TLS_Srv / TLS_Clt / TLS_Rcpt value that is not (entirely) a TLS requirement. */
public final class TlsRequirementUnknown extends ValueRule {
  static final RuleInfo INFO = new RuleInfo("AC314", "tls-requirement-unknown", Severity.WARNING,
      "a TLS_Srv, TLS_Clt or TLS_Rcpt value that sendmail does not read as a requirement",
      """
      A TLS requirement is [PERM+|TEMP+] then VERIFY, VERIFY:bits or ENCR:bits, then optionally
      +CN, +CN:name, +CS:subject, +CI:issuer or +CITag:tag, several joined with ++. A value of any
      other shape (REQUIRE, YES, ENCR without bits, VERIFY:128 ENCR:256) is found, accepted and
      imposes nothing, silently. Bits are read by strtol: 128bit is 128 but abc is 0, no minimum.
      An extension sendmail does not know, or extensions joined with a single +, end the checking:
      that extension and every one after it are ignored.

      Wrong:
        TLS_Srv:secure.example REQUIRE
        TLS_Srv:secure.example ENCR
        TLS_Srv:secure.example VERIFY+CN+CI:issuer
      Right:
        TLS_Srv:secure.example VERIFY:128
        TLS_Srv:secure.example ENCR:128
        TLS_Srv:secure.example VERIFY+CN++CI:issuer
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.value() == ValueKind.TLS_REQUIREMENT).withTokens();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(Value v, LintContext ctx, Findings out) {
    if (!v.is(ValueKind.TLS_REQUIREMENT)) {
      return;
    }
    TlsRequirement r = TlsRequirement.parse(v.tokens());
    String who = v.subject(v.tag().name().equals("TLS_Rcpt") ? "every recipient"
        : v.tag().name().equals("TLS_Clt") ? "every client" : "every server");
    if (!r.isRequirement()) {
      out.add(INFO, v.entry(), v.column(), "value " + v.quoted() + " is not a TLS requirement, "
          + "so sendmail requires nothing of " + who + hint(v.tokens())
          + "; write VERIFY, VERIFY:bits or ENCR:bits (see accessctl explain AC314)");
      return;
    }
    if (r.bits() != null && !r.bits().text().matches("[0-9]{1,9}")) {
      long bits = r.bitsValue();
      out.add(INFO, v.entry(), v.columnOf(r.bits()), "bits " + Values.quote(r.bits().text())
          + " is not a decimal number: sendmail reads it as " + bits
          + (bits <= 0 ? ", i.e. no minimum strength" : "") + "; write the number of bits, "
          + "e.g. " + r.level() + ":128");
    }
    if (r.unknownExtension() >= 0) {
      List<Token> e = r.extensions().get(r.unknownExtension());
      int after = r.extensions().size() - r.unknownExtension() - 1;
      String ext = TokenText.concat(e);
      if (TlsRequirement.endsWithSeparator(e)) {
        out.add(INFO, v.entry(), v.columnOf(e.get(0)), "the extensions end with ++, so sendmail "
            + "ignores all of them (" + Values.quote(ext) + "); remove the trailing ++");
        return;
      }
      out.add(INFO, v.entry(), v.columnOf(e.get(0)), "extension " + Values.quote(ext)
          + " is not one sendmail knows (CN, CN:name, CS:dn, CI:dn, CITag:tag), so it is ignored"
          + (after > 0 ? " with the " + after + " after it" : "")
          + (ext.contains("+") ? "; join extensions with ++, not +" : "; fix or remove it"));
    }
  }

  private static String hint(List<Token> t) {
    if (t.size() == 1 && t.get(0).is("ENCR")) {
      return " (ENCR needs a minimum: ENCR:128)";
    }
    if (t.size() == 1 && t.get(0).is("NO")) {
      return " (to keep STARTTLS off for it, use Try_TLS)";
    }
    return "";
  }
}
