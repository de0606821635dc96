package io.accessctl.lint.rules;

import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.Needs;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** AC219: a certificate DN key with characters sendmail writes as {@code +XX}. */
public final class CertDnEncoding extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC219", "certdn-encoding", Severity.WARNING,
      "a certificate DN key with a raw space, ( ) < > \" \\ or +",
      """
      sendmail puts certificate issuers and subjects into {cert_issuer} and {cert_subject} in an
      encoded form (xtext): a space, the characters ( ) < > " \\ + and bytes outside printable
      ASCII become '+' and two hex digits (a space is +20). CERTISSUER:, CERTSUBJECT: and CITag keys must be written in
      that form; a raw character never matches. A raw space is worse: it ends the key, so makemap
      stores the rest of the DN as part of the value.

      Wrong:
        CERTISSUER:/C=US/O=Example CA/CN=Root RELAY
      Right:
        CERTISSUER:/C=US/O=Example+20CA/CN=Root RELAY
      """);

  /** xtextify(): '+', '\\', '(' always, plus the taboo list "<>\")" tls.c passes. */
  private static final String SPECIAL = "+\\()<>\"";
  private static final Set<String> KEYWORDS = Set.of("RELAY", "SUBJECT", "OK");

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.value() == ValueKind.CERT_RELAY
        || t.value() == ValueKind.CITAG);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    if (!isCertificateKey(k) || k.bare()) {
      return;
    }
    List<String> words = Values.words(Values.intended(k.entry().value()));
    String last = words.isEmpty() ? "" : words.get(words.size() - 1).toUpperCase(Locale.ROOT);
    if (words.size() >= 2 && KEYWORDS.contains(last)) {
      String dn = k.subject() + " " + String.join(" ", words.subList(0, words.size() - 1));
      out.add(INFO, k.entry(), k.column(k.entry().key().length()), "the space in the DN ends the"
          + " key: makemap stores the key " + k.shown() + " with the value "
          + Values.quote(Values.intended(k.entry().value())) + ", and sendmail writes a space in"
          + " a DN as +20, so this never matches; write " + plain(k.with(encode(dn))) + " "
          + words.get(words.size() - 1));
      return;
    }
    String s = k.subject();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (needsEncoding(s, i)) {
        out.add(INFO, k.entry(), k.subjectColumn() + i, "sendmail writes "
            + Values.quote(String.valueOf(c)) + " in a certificate DN as +"
            + String.format("%02X", (int) c) + ", so key " + k.shown() + " never matches; write "
            + plain(k.with(encode(s))));
        return;
      }
    }
  }

  /**
   * True when sendmail's xtextify() would encode the byte at {@code i}: blanks and control bytes,
   * bytes above '~', and {@link #SPECIAL} — except a '+' that already starts a +XX escape.
   */
  private static boolean needsEncoding(String s, int i) {
    char c = s.charAt(i);
    if (c == '+' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
      return false;
    }
    return c < '!' || c > '~' || SPECIAL.indexOf(c) >= 0;
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  /** The DN in sendmail's encoding; +XX escapes already present are kept. */
  static String encode(String dn) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < dn.length(); i++) {
      char c = dn.charAt(i);
      sb.append(needsEncoding(dn, i) ? String.format("+%02X", (int) c) : String.valueOf(c));
    }
    return sb.toString();
  }
}
