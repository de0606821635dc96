package io.accessctl.lint.rules;

import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Needs;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** AC323: bytes outside printable ASCII in a reply text, which sendmail sends mangled. */
public final class ReplyBytes extends ValueRule {
  static final RuleInfo INFO = new RuleInfo("AC323", "reply-non-ascii", Severity.WARNING,
      "a reply text with non-ASCII or control bytes",
      """
      The text of ERROR:… (and of any other value sendmail turns into an error reply) is sent to
      the client as the SMTP reply, and SMTP replies are 7-bit ASCII: sendmail clears the eighth
      bit of every byte it sends, so 'für' (ISO-8859-1) goes out as 'f|r' and UTF-8 'ä' as 'C$'.
      Control bytes (escape, bell, …) go out unchanged, into the client's logs and the bounce the
      sender reads. Write the text in plain ASCII.

      Wrong:
        From:spammer.example ERROR:"550 5.7.1 Zugriff verweigert für Sie"
      Right:
        From:spammer.example ERROR:"550 5.7.1 Zugriff verweigert fuer Sie"
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.value() == ValueKind.ACTION).andUntagged().withTokens()
        .sameForSameValue();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** Index of the first byte of {@code text} that is neither printable ASCII nor a blank, or -1. */
  static int firstOddByte(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x7f || (c < ' ' && c != '\t')) {
        return i;
      }
    }
    return -1;
  }

  @Override
  protected void check(Value v, LintContext ctx, Findings out) {
    int odd = firstOddByte(v.text());
    if (odd < 0 || !v.isAction() || !v.action().isReply()) {
      return;
    }
    String line = v.action().reply().line();
    StringBuilder sent = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      sent.append((char) (line.charAt(i) & 0x7f));
    }
    out.add(INFO, v.entry(), v.column() + odd, "the reply text has bytes outside printable ASCII:"
        + " sendmail clears the eighth bit of each byte it sends and passes control bytes on,"
        + " so the client gets " + Values.quote(sent.toString()) + "; write the text in ASCII: "
        + KeyRule.plain(ascii(v.text())));
  }

  /**
   * The value in ASCII: UTF-8 (else ISO-8859-1) text with accents dropped (ü becomes u), other
   * characters as '?', control bytes removed.
   */
  static String ascii(String latin1) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Bytes.bytes(latin1))).toString();
    } catch (CharacterCodingException notUtf8) {
      text = latin1;
    }
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(plain.length());
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (c >= ' ' && c < 0x7f || c == '\t') {
        sb.append(c);
      } else if (c >= 0x80 && !Character.isLowSurrogate(c)) {
        sb.append('?');
      }
    }
    return sb.toString();
  }
}
