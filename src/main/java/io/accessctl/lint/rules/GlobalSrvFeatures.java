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

/** AC405: the bare default Srv_Features: with S (no STARTTLS) or temp (no mail) for every client. */
public final class GlobalSrvFeatures extends EntryRule {
  static final RuleInfo INFO = new RuleInfo("AC405", "global-srv-features", Severity.WARNING,
      "bare Srv_Features: that turns STARTTLS off, or tempfails, for every client",
      """
      srv_features looks up the client's name, its address, and last the bare key Srv_Features:
      as the default for every client. sendmail takes the first character of each token of the
      value: upper case turns a feature off. S in the default therefore offers STARTTLS to no
      client at all, and a first token starting with "temp" answers every command of every
      session with 450 4.3.0: no mail is accepted. A default of SKIP is read as the letters S,
      K, I, P, i.e. also "no STARTTLS". Put such values on the clients that need them.

      Wrong:
        Srv_Features: S
      Right:
        Srv_Features:192.0.2.25 S
      """);

  @Override
  public Needs needs() {
    return Needs.tags("Srv_Features").keyHolding(ByteClasses.ENDS_IN_COLON);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(Entry e, Tag tag, LintContext ctx, Findings out) {
    if (!e.tagIs("Srv_Features") || !e.hasEmptySubject()) {
      return;
    }
    if (FeatureLetters.isTemp(e.value())) {
      out.add(INFO, e, e.valueColumn(), "the bare Srv_Features: key is the default for every"
          + " client, and a value starting with \"temp\" makes sendmail answer every command of"
          + " every SMTP session with 450 4.3.0: no mail is accepted from anybody; key it by the"
          + " client (Srv_Features:192.0.2.25 temp) or remove it");
    } else if (FeatureLetters.firstCharacters(e.value()).indexOf('S') >= 0) {
      String skip = FeatureLetters.hasWordStartingWith(e.value(), 'S') ? " (sendmail uses only the first letter of each word, so " + Values.quote(
              Values.intended(e.value())) + " counts as S)" : "";
      out.add(INFO, e, e.valueColumn(), "the bare Srv_Features: key is the default for every"
          + " client, and S in it means STARTTLS is offered to no client" + skip + "; key it by"
          + " the clients that cannot do TLS (Srv_Features:192.0.2.25 S) instead");
    }
  }
}
