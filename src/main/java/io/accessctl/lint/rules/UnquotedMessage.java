package io.accessctl.lint.rules;

import io.accessctl.lint.Needs;
import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Bytes;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.Prescan.Token;
import io.accessctl.tokens.TokenText;
import java.util.List;
import java.util.regex.Pattern;

/**
 * AC310: an unquoted message that sendmail's tokenizer changes: blanks collapse, comments vanish,
 * and no blank survives next to punctuation (cataddr() puts one only between two words).
 */
public final class UnquotedMessage extends ValueRule {
  static final RuleInfo INFO = new RuleInfo("AC310", "unquoted-message", Severity.WARNING,
      "an unquoted message that sendmail sends differently from what is written",
      """
      The text of ERROR:, QUARANTINE:, legacy "550 text" values and Compat TEMP:/ERROR:/DISCARD:
      goes through sendmail's tokenizer before it is sent: runs of blanks become one, a
      (parenthesised comment) disappears, and blanks around punctuation ( , ; : % < > and
      the like) are lost, so "Go away, spammer" arrives as "Go away,spammer" and a quoted part in
      the middle glues to its neighbours ("550 "go away"" loses its reply code). Quote the whole
      message after the colon; sendmail then sends it as written.

      Wrong:
        From:spammer@example.com ERROR:550 5.7.1 Go away, spammer (see policy)
      Right:
        From:spammer@example.com ERROR:"550 5.7.1 Go away, spammer (see policy)"
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.value() == ValueKind.ACTION
        || t.value() == ValueKind.COMPAT).andUntagged().withTokens().sameForSameValue();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(Value v, LintContext ctx, Findings out) {
    List<Token> text = messageTokens(v);
    if (text == null || !isMangled(v, text)) {
      return;
    }
    String written = written(v, text);
    String sent = TokenText.render(text);
    String result = v.isAction() && v.action().isReply()
        ? "sendmail replies \"" + v.action().reply().line() + "\""
        : "sendmail uses \"" + TokenText.stripQuotes(sent) + "\"";
    String prefix = v.text().substring(0, text.get(0).offset());
    if (v.isAction() && v.action().kind() == ActionValue.Kind.TEXT) {
      prefix = "ERROR:";
    }
    out.add(INFO, v.entry(), v.columnOf(text.get(0)), "message " + Values.quote(written)
        + " is not quoted, so sendmail re-tokenizes it: " + result + "; quote it: "
        + Bytes.display(prefix) + "\"" + Bytes.display(blanksAsSpaces(written.replace("\"", "")))
        + "\"");
  }

  /** The tokens of the message in a value, or null when the value has no message. */
  static List<Token> messageTokens(Value v) {
    if (v.isAction()) {
      ActionValue a = v.action();
      return a.text().isEmpty() ? null : a.text();
    }
    if (v.is(ValueKind.COMPAT)) {
      List<Token> t = v.tokens();
      int from = t.size() > 1 && t.get(1).is(":") ? 2 : 1;
      boolean known = !t.isEmpty() && (t.get(0).is("DISCARD")
          || (from == 2 && (t.get(0).is("TEMP") || t.get(0).is("ERROR"))));
      return known && t.size() > from ? t.subList(from, t.size()) : null;
    }
    return null;
  }

  /** The message as written: from its first token to the end of the value. */
  static String written(Value v, List<Token> text) {
    return v.text().substring(text.get(0).offset());
  }

  /**
   * True when sendmail sends something else than what is written (quotes aside). The blanks after
   * a reply code and its DSN only separate them from the text: sendmail sends one space there
   * whatever was written, so "550<TAB>text" is sent as meant.
   */
  static boolean isMangled(Value v, List<Token> text) {
    if (text.size() == 1 && text.get(0).isQuoted()) {
      return false;
    }
    return !TokenText.render(text).equals(REPLY_SEPARATORS.matcher(written(v, text))
        .replaceFirst(m -> m.group(1) + " " + (m.group(2) == null ? "" : m.group(2) + " ")));
  }

  /** A reply code and optional DSN at the start of a message, with the blanks after each. */
  private static final Pattern REPLY_SEPARATORS =
      Pattern.compile("^(\\d{3})[ \t]+(?:(\\d\\.\\d{1,3}\\.\\d{1,3})[ \t]+)?");

  /**
   * The text with tabs as spaces, for a suggested quoted message: a tab inside quotes is sent as
   * a tab, which the unquoted original never was.
   */
  static String blanksAsSpaces(String s) {
    return s.replace('\t', ' ');
  }
}
