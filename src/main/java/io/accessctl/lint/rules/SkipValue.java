package io.accessctl.lint.rules;

import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.Needs;
import io.accessctl.catalog.Tag;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Severity;

/**
 * Where the value SKIP means "end this walk" and what it does elsewhere. proto.m4 understands SKIP
 * only inside the domain walk (D) and the address walk (A), and only with {@code
 * FEATURE(access_db, …, skip)}; To with blocklist_recipients also takes it as "no match". On a
 * full address or {@code user@} key, on the bare {@code Tag:} default, on exact-lookup tags, or
 * without the option, SKIP is an ordinary value.
 */
final class SkipValue {
  private SkipValue() {}

  /** A rule about the value SKIP (AC306, AC307); other values never reach it. */
  abstract static class SkipRule extends ValueRule {
    @Override
    public final Needs needs() {
      // the value is the word SKIP in any case
      return Needs.everyEntry().withTokens().valueHolding(ByteClasses.LETTER_K);
    }

    @Override
    protected final boolean judgesSkip() {
      return true;
    }

    @Override
    protected final void check(ValueRule.Value v, LintContext ctx, Findings out) {
      if (v.singleWord().equals("SKIP")) {
        checkSkip(v, place(v), ctx, out);
      }
    }

    /** Checks one SKIP value at its place in the lookup. */
    protected abstract void checkSkip(ValueRule.Value v, Place place, LintContext ctx,
        Findings out);
  }

  /** Where the key sits in sendmail's lookup. */
  enum Place {
    /** Reached by a domain or address walk: SKIP ends that walk. */
    WALK,
    /** A full address or {@code user@} (F and U lookups). */
    MAIL_ADDRESS,
    /** The bare {@code Tag:} default. */
    BARE,
    /** A tag looked up with one exact key (Compat, CERTISSUER, …). */
    EXACT
  }

  static Place place(ValueRule.Value v) {
    Tag tag = v.tag();
    String subject = v.entry().subject();
    boolean mail = tag == null || tag.looksUpMailAddresses();
    if (subject.isEmpty() && v.entry().isTagged()) {
      return Place.BARE;
    }
    if (tag != null && !tag.looksUpNames() && !tag.looksUpAddresses()) {
      return Place.EXACT;
    }
    if (mail && subject.indexOf('@') >= 0) {
      return Place.MAIL_ADDRESS;
    }
    return Place.WALK;
  }

  /**
   * What sendmail does with SKIP read as an ordinary value of this tag, and how bad that is.
   *
   * @param severity how bad
   * @param effect what happens, for the message
   */
  record Effect(Severity severity, String effect) {}

  static Effect asPlainValue(ValueRule.Value v) {
    Tag tag = v.tag();
    if (v.isAction()) {
      return new Effect(Severity.ERROR, "sendmail rejects with the text \"SKIP\" (553 5.3.0 SKIP)");
    }
    if (tag == null) {
      return new Effect(Severity.WARNING, "it is an ordinary value");
    }
    return switch (tag.value()) {
      case FEATURE_FLAGS -> new Effect(Severity.ERROR, FeatureLetters.isClient(tag)
          ? "clt_features reads it as the letters S K I P, and S turns STARTTLS off for "
              + v.subject("every server")
          : "srv_features reads it as the letters S K I P: no STARTTLS and no PIPELINING for "
              + v.subject("every client"));
      case LIMIT -> new Effect(Severity.ERROR, "sendmail reads it as the limit 0 (not the "
          + "unlimited 0), so every connection of " + v.subject("every client") + " is rejected");
      case TLS_SESSION_FEATURES -> new Effect(Severity.ERROR, "it is no key=value list, so "
          + "sendmail aborts STARTTLS with " + v.subject("the peer"));
      case MILLISECONDS -> new Effect(Severity.WARNING, "sendmail reads it as 0 ms: no pause");
      case TRY_TLS -> new Effect(Severity.WARNING, "it is not NO, so STARTTLS is used");
      case TLS_REQUIREMENT -> new Effect(Severity.WARNING, "it is no requirement: none applies");
      case QUEUE_GROUP -> new Effect(Severity.WARNING, "sendmail looks for a queue group "
          + "named SKIP, finds none and uses the default");
      case SPAM, CERT_RELAY, CITAG -> new Effect(Severity.WARNING, "it is not a keyword of "
          + tag.name() + ", so the entry does nothing");
      case COMPAT -> new Effect(Severity.WARNING, "check_compat lets the mail through, as for "
          + "any value that is not DISCARD, TEMP: or ERROR:");
      case AUTHINFO -> new Effect(Severity.WARNING, "sendmail takes it as the credentials");
      case ACTION, ANY -> new Effect(Severity.WARNING, "it is an ordinary value");
    };
  }
}
