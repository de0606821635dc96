package io.accessctl.lint.rules;

import io.accessctl.lint.Needs;
import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.Prescan.Token;
import io.accessctl.tokens.TokenText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * AC313: a value that looks like a keyword but is none. For Connect, From and To (and untagged
 * keys) sendmail takes anything that is not a keyword or ERROR:/QUARANTINE: as the text of a
 * rejection, so {@code ACCEPT} rejects. check_compat lets anything but DISCARD, TEMP: and ERROR:
 * through; CERTISSUER, CERTSUBJECT and CITag issuers know only their keywords.
 */
public final class UnknownKeyword extends ValueRule {
  static final RuleInfo INFO = new RuleInfo("AC313", "unknown-keyword", Severity.ERROR,
      "a word that is not a keyword, which sendmail takes as the text of a rejection",
      """
      Connect, From and To know the keywords OK, RELAY, REJECT, DISCARD and SKIP, and the forms
      QUARANTINE:reason and ERROR:reply (any case). Each keyword must be the whole value. Anything
      else is taken as the text of an error reply: ACCEPT, ALLOW, YES, PERMIT, "OK" in quotes,
      "OK then" or "RELAY 10.0.0.0/8" all REJECT the client, sender or recipient with "553 5.3.0
      ACCEPT" and the like. Compat knows only DISCARD, TEMP: and ERROR: and lets everything else
      through, so REJECT there does nothing. CERTISSUER takes RELAY or SUBJECT, CERTSUBJECT RELAY,
      a CITag issuer entry OK; other values do nothing there.

      Wrong:
        Connect:192.0.2.7 ACCEPT
        From:partner.example ALLOW
      Right:
        Connect:192.0.2.7 OK
        From:partner.example RELAY
      """);

  private static final Set<String> ALLOW_WORDS = Set.of("ACCEPT", "ALLOW", "PERMIT", "YES",
      "PASS", "WHITELIST", "ALLOWLIST", "TRUE", "ON", "GOOD", "TRUST", "TRUSTED", "ACCEPTED");
  private static final Set<String> DENY_WORDS = Set.of("DENY", "BLOCK", "DROP", "NO", "BLACKLIST",
      "BLOCKLIST", "REFUSE", "FALSE", "OFF", "BAD", "BAN", "SPAM", "DENIED", "BLOCKED", "REJECTED");
  private static final Map<String, String> FORMS = Map.of(
      "ERROR", "ERROR:\"550 5.7.1 reason\"", "QUARANTINE", "QUARANTINE:reason");

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.value() == ValueKind.ACTION || t.value() == ValueKind.COMPAT
        || t.value() == ValueKind.CERT_RELAY || t.value() == ValueKind.CITAG).andUntagged()
        .withTokens().sameForSameValue();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(Value v, LintContext ctx, Findings out) {
    if (v.isAction()) {
      String problem = problem(v.action());
      if (problem != null) {
        out.add(INFO, v.entry(), v.column(), problem + "; " + consequence(v) + "; write "
            + suggestion(v.action()));
      }
    } else if (v.is(ValueKind.COMPAT)) {
      checkCompat(v, out);
    } else if (v.is(ValueKind.CERT_RELAY) || v.is(ValueKind.CITAG)) {
      checkCertificate(v, out);
    }
  }

  /** Why an action value is a suspicious text rather than a message, or null. */
  static String problem(ActionValue a) {
    if (a.kind() != ActionValue.Kind.TEXT) {
      return null;
    }
    List<Token> t = a.tokens();
    Token first = t.get(0);
    String word = first.text().toUpperCase(Locale.ROOT);
    if (t.size() == 1 && first.isQuoted()) {
      String inner = TokenText.stripQuotes(first.text()).strip().toUpperCase(Locale.ROOT);
      return isKeywordLike(inner) ? "value " + Values.quote(first.text()) + " is quoted, which "
          + "makes it text, not the keyword " + inner : null;
    }
    if (t.size() == 1 && !Character.isDigit(first.text().charAt(0))) {
      return "value " + Values.quote(first.text()) + " is no keyword";
    }
    if (t.size() > 1 && first.isAtom() && isKeywordLike(word)) {
      return "value " + Values.quote(TokenText.render(t)) + " is not the keyword " + word
          + " (a keyword must be the whole value)";
    }
    return null;
  }

  private static boolean isKeywordLike(String word) {
    return ActionValue.KEYWORDS.contains(word) || FORMS.containsKey(word)
        || ALLOW_WORDS.contains(word) || DENY_WORDS.contains(word);
  }

  private static String consequence(Value v) {
    String reply = "\"553 5.3.0 " + TokenText.stripQuotes(TokenText.render(v.tokens())) + "\"";
    if (v.tag() != null && v.tag().name().equals("To")) {
      return "sendmail takes it as the text of a rejection (" + reply + ") with "
          + "FEATURE(blocklist_recipients), and ignores it without";
    }
    String whom = v.tag() == null ? "the client, sender or recipient"
        : v.tag().name().equals("From") ? "the sender" : "the client";
    return "sendmail REJECTS " + whom + " with " + reply;
  }

  private static String suggestion(ActionValue a) {
    String word = TokenText.stripQuotes(a.keyword()).strip().toUpperCase(Locale.ROOT);
    if (ActionValue.KEYWORDS.contains(word)) {
      return word + " alone";
    }
    if (FORMS.containsKey(word)) {
      return FORMS.get(word);
    }
    if (ALLOW_WORDS.contains(word)) {
      return "OK (or RELAY to allow relaying too)";
    }
    if (DENY_WORDS.contains(word)) {
      return "REJECT";
    }
    // In a fixed order: a Set's varies from JVM to JVM, and "R" is a prefix of two keywords.
    for (String k : ActionValue.KEYWORD_ORDER) {
      if (word.startsWith(k) || k.startsWith(word)) {
        return k;
      }
    }
    return "OK, RELAY, REJECT, DISCARD, QUARANTINE:reason or ERROR:\"550 5.7.1 reason\"";
  }

  private void checkCompat(Value v, Findings out) {
    List<Token> t = v.tokens();
    boolean colon = t.size() > 1 && t.get(1).is(":");
    if (t.get(0).is("DISCARD") || (colon && (t.get(0).is("TEMP") || t.get(0).is("ERROR")))) {
      return;
    }
    String word = v.singleWord();
    if (word.equals("OK") || word.equals("RELAY") || ALLOW_WORDS.contains(word)) {
      return;
    }
    out.add(INFO, v.entry(), v.column(), "value " + v.quoted() + " means nothing to "
        + "check_compat, which knows only DISCARD, TEMP:reply and ERROR:reply: sendmail lets the "
        + "mail through; write ERROR:\"550 5.7.1 reason\" (or DISCARD)");
  }

  private void checkCertificate(Value v, Findings out) {
    Set<String> allowed = v.is(ValueKind.CITAG) ? Set.of("OK")
        : v.tag().name().equals("CERTISSUER") ? Set.of("RELAY", "SUBJECT") : Set.of("RELAY");
    if (allowed.contains(v.singleWord())) {
      return;
    }
    out.add(INFO, Severity.WARNING, v.entry(), v.column(), "value " + v.quoted()
        + " does nothing for " + v.tag().name() + ", which knows only "
        + String.join(" and ", allowed.stream().sorted().toList()) + "; write "
        + String.join(" or ", allowed.stream().sorted().toList()), false);
  }
}
