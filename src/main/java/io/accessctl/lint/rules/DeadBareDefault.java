package io.accessctl.lint.rules;

import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.Needs;
import io.accessctl.catalog.Tag;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.util.Locale;

/** AC217: {@code Tag:} alone for a tag whose ruleset has no bare-default lookup. */
public final class DeadBareDefault extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC217", "dead-bare-default", Severity.WARNING,
      "a bare Tag: default for a tag that has none",
      """
      Only some checks fall back to the bare key Tag: when nothing more specific was found
      (Try_TLS, TLS_Srv, TLS_Clt, TLS_Rcpt, Srv_Features, Clt_Features, ClientRate, ClientConn,
      AuthInfo). greet_pause, tls_srv_features, tls_clt_features and the Connect, From, To,
      Spam and QGRP checks never look it up, so such a line does nothing. Debian's stock
      /etc/mail/access ships 'GreetPause: 5000', which is dead: clients without an entry of their
      own get the FEATURE(`greet_pause') argument (1000 in Debian's sendmail.mc). Set such
      defaults in sendmail.mc instead.

      Wrong:
        GreetPause: 5000
      Right:
        FEATURE(`greet_pause', `5000') in sendmail.mc
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> !t.hasBareDefault()).keyHolding(ByteClasses.ENDS_IN_COLON);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    Tag tag = k.tag();
    if (!k.bare() || tag == null || tag.hasBareDefault() || SpaceAfterColon.applies(k)) {
      return; // AC201 reports a bare key whose value starts with a host as its own mistake
    }
    String value = Values.intended(k.entry().value());
    out.add(INFO, k.entry(), k.entry().keyColumn(), tag.name() + " has no bare default: the "
        + tag.ruleset() + " ruleset never looks up " + Values.quote(k.tagText() + ":")
        + ", so this line does nothing; " + instead(tag, value));
  }

  private static String instead(Tag tag, String value) {
    return switch (tag.name().toLowerCase(Locale.ROOT)) {
      case "greetpause" -> "clients without an entry get the FEATURE(`greet_pause') argument;"
          + " set it there: FEATURE(`greet_pause', `" + value + "') in sendmail.mc";
      case "qgrp" -> "recipients without an entry go to the FEATURE(`queuegroup') argument;"
          + " set it there: FEATURE(`queuegroup', `" + value + "') in sendmail.mc";
      case "spam" -> "the FEATURE(`delay_checks', `friend' or `hater') mode is the default;"
          + " remove the line";
      case "tls_srv_features", "tls_clt_features" -> "set TLS options for every peer with the"
          + " cf options (ServerSSLOptions, ClientSSLOptions, CipherList, …) instead";
      default -> "there is no default entry for this check: what has no entry of its own is not"
          + " affected; remove the line";
    };
  }
}
