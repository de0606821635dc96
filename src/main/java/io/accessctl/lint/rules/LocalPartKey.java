package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Needs;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.util.Locale;
import java.util.Set;

/** AC222: {@code From:postmaster} is looked up as a domain, never as the user postmaster. */
public final class LocalPartKey extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC222", "local-part-key", Severity.WARNING,
      "a From: or To: key that names a user but has no @",
      """
      A From: or To: key without an @ is a domain: for postmaster@example.com sendmail looks up
      'From:postmaster@example.com', 'From:postmaster@', 'From:example.com' and 'From:com', never
      'From:postmaster'. That key matches only addresses in a domain called postmaster, so an
      entry meant for a user (postmaster, abuse, root, a name with + or =) does nothing. A user at
      any domain is written with a trailing @. For To: this needs FEATURE(`blocklist_recipients');
      without it (AC216) sendmail reads To: entries only to allow relaying.

      Wrong:
        From:postmaster OK
      Right:
        From:postmaster@ OK
      """);

  /** Role mailboxes (RFC 2142) and system accounts, none of them a top-level domain. */
  private static final Set<String> MAILBOXES = Set.of(
      "postmaster", "abuse", "hostmaster", "webmaster", "root", "noc", "security", "sales",
      "support", "marketing", "billing", "admin", "administrator", "mailer-daemon", "nobody",
      "noreply", "no-reply", "donotreply", "do-not-reply", "daemon", "www-data", "bounce",
      "bounces", "usenet", "uucp", "operator", "list", "listmaster", "majordomo", "owner");

  @Override
  public Needs needs() {
    return Needs.tags("From", "To");
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** A subject that reads as a user name: a known mailbox, or a word with + or = in it. */
  static boolean looksLikeLocalPart(CharSequence subject) {
    if (subject.length() == 0 || holds(subject, '@') || holds(subject, '.')) {
      return false;
    }
    String lower = subject.toString().toLowerCase(Locale.ROOT);
    if (MAILBOXES.contains(lower)) {
      return true;
    }
    boolean mark = lower.indexOf('+') > 0 || lower.indexOf('=') > 0;
    return mark && lower.chars().allMatch(c -> c > ' ' && c < 0x7f && "\"<>()[],;:\\".indexOf(c) < 0);
  }

  private static boolean holds(CharSequence s, char c) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        return true;
      }
    }
    return false;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    if (!(k.is("From") || k.is("To")) || !looksLikeLocalPart(k)) {
      return;
    }
    String value = firstWordUpper(k.entry().value());
    if (k.is("To") && (value.equals("RELAY") || ToRejectWithoutBlocklist.applies(ctx))) {
      return; // relaying is decided by domain; AC216 says the rest is ignored without the feature
    }
    String user = plain(k.subject());
    out.add(INFO, k.entry(), k.subjectColumn(), "key " + k.shown() + " is looked up only as a"
        + " domain: for " + user + "@example.com sendmail asks for " + plain(k.with(user
        + "@example.com")) + ", " + plain(k.with(user + "@")) + " and the domains example.com and"
        + " com, never " + plain(k.with(user)) + ", so this entry matches only mail "
        + (k.is("From") ? "from" : "to") + " a domain named " + user + "; for the user " + user
        + " at any domain write " + plain(k.with(user + "@")));
  }
}
