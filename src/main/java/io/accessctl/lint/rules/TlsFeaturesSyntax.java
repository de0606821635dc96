package io.accessctl.lint.rules;

import io.accessctl.lint.Needs;
import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;

/** AC316: a TLS_Srv_Features / TLS_Clt_Features value that makes sendmail give up STARTTLS. */
public final class TlsFeaturesSyntax extends ValueRule {
  static final RuleInfo INFO = new RuleInfo("AC316", "tls-features-syntax", Severity.ERROR,
      "a TLS_Srv_Features or TLS_Clt_Features value sendmail cannot read",
      """
      The value is a list of key=value pairs separated by ';', optionally in double quotes. Keys
      (any case): Options (SSL_OP_ names or numbers, separated by ',' or blanks), CipherList,
      CipherSuites, CertFile and KeyFile (only together), Flags (R require a CRL, C allow and c
      forbid falling back to clear text, d no DANE, M no MTA-STS), and in Debian's build
      servername=hostname and sts=secure. Anything sendmail cannot read — an unknown key, a
      missing '=', an unknown SSL_OP_ name, CertFile without KeyFile — makes it give up STARTTLS for
      that peer: an outgoing delivery is deferred with "454 4.7.0 STARTTLS temporarily not
      possible." and STARTTLS is never sent; an incoming client's STARTTLS gets that reply. Without
      quotes sendmail drops every blank, so "Options=SSL_OP_NO_TLSv1 SSL_OP_NO_TLSv1_1" becomes one
      unknown name; a missing ';' makes the next option part of the value before it.

      Wrong:
        TLS_Clt_Features:old.example Flags=C Options=SSL_OP_NO_TLSv1
        TLS_Clt_Features:old.example CertFile=/etc/mail/tls/c.pem
      Right:
        TLS_Clt_Features:old.example "Flags=C;Options=SSL_OP_NO_TLSv1"
        TLS_Clt_Features:old.example CertFile=/etc/mail/tls/c.pem;KeyFile=/etc/mail/tls/c.key
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.value() == ValueKind.TLS_SESSION_FEATURES).withTokens();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(Value v, LintContext ctx, Findings out) {
    if (!v.is(ValueKind.TLS_SESSION_FEATURES)) {
      return;
    }
    TlsSessionFeatures f = TlsSessionFeatures.parse(v.tokens());
    String reads = f.input().equals(v.text()) ? ""
        : " (without quotes sendmail reads " + Values.quote(f.input()) + ")";
    if (f.aborts()) {
      out.add(INFO, v.entry(), v.column(), f.fatal() + reads + ": " + consequence(v)
          + "; fix the value (see accessctl explain AC316)");
    }
    for (TlsSessionFeatures.Issue issue : f.issues()) {
      out.add(INFO, issue.serious() ? Severity.ERROR : Severity.WARNING, v.entry(),
          v.column(), issue.text() + reads, false);
    }
  }

  private static String consequence(Value v) {
    boolean client = v.tag().name().equals("TLS_Clt_Features");
    String peer = v.subject(client ? "the server" : "the client");
    return client
        ? "sendmail gives up STARTTLS with " + peer + " and defers the delivery (454 4.7.0 "
            + "STARTTLS temporarily not possible.)"
        : "sendmail answers STARTTLS from " + peer + " with 454 4.7.0 STARTTLS temporarily not "
            + "possible.";
  }
}
