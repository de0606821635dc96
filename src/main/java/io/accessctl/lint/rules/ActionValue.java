package io.accessctl.lint.rules;

import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.Prescan.Token;
import io.accessctl.tokens.TokenText;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Connect / From / To (or untagged) value as the stock rules read it (proto.m4
 * Basic_check_relay, check_mail, Rcpt_ok), tried in the rules' order:
 *
 * <pre>
 * OK | RELAY                        accept          REJECT    reject with confREJECT_MSG
 * DISCARD                           discard         SKIP      end this walk (with the skip option)
 * QUARANTINE: text                  quarantine      ERROR: d.s.n : text   reject with that DSN
 * ERROR: text                       reject          anything else: reject with the value as text
 * </pre>
 *
 * Keywords compare without regard to case, and each keyword must be the whole value: {@code OK
 * then} or {@code "OK"} is the text of a rejection.
 *
 * @param kind what sendmail does with it
 * @param tokens the whole value
 * @param dsn the tokens of {@code d.s.n} in {@code ERROR:d.s.n:text}, else empty
 * @param text the tokens of the message (QUARANTINE, ERROR, TEXT), else empty
 */
record ActionValue(Kind kind, List<Token> tokens, List<Token> dsn, List<Token> text) {

  enum Kind {
    ACCEPT, REJECT, DISCARD, SKIP, QUARANTINE, ERROR, TEXT;
  }

  /** The single-word keywords, in the order proto.m4's rules try them (and messages list them). */
  static final List<String> KEYWORD_ORDER = List.of("OK", "RELAY", "REJECT", "DISCARD", "SKIP");
  /** The same, for look-ups. */
  static final Set<String> KEYWORDS = Set.copyOf(KEYWORD_ORDER);

  static ActionValue parse(List<Token> all) {
    List<Token> t = Prescan.upToFirstClose(all);
    if (t.size() == 1) {
      switch (t.get(0).text().toUpperCase(Locale.ROOT)) {
        case "OK", "RELAY" -> {
          return of(Kind.ACCEPT, t);
        }
        case "REJECT" -> {
          return of(Kind.REJECT, t);
        }
        case "DISCARD" -> {
          return of(Kind.DISCARD, t);
        }
        case "SKIP" -> {
          return of(Kind.SKIP, t);
        }
        default -> {
          // text
        }
      }
    }
    if (t.size() >= 3 && t.get(0).is("QUARANTINE") && t.get(1).is(":")) {
      return new ActionValue(Kind.QUARANTINE, t, List.of(), t.subList(2, t.size()));
    }
    if (t.size() >= 3 && t.get(0).is("ERROR") && t.get(1).is(":")) {
      if (t.size() >= 9 && t.get(3).is(".") && t.get(5).is(".") && t.get(7).is(":")) {
        return new ActionValue(Kind.ERROR, t, t.subList(2, 7), t.subList(8, t.size()));
      }
      return new ActionValue(Kind.ERROR, t, List.of(), t.subList(2, t.size()));
    }
    return new ActionValue(Kind.TEXT, t, List.of(), t);
  }

  private static ActionValue of(Kind kind, List<Token> t) {
    return new ActionValue(kind, t, List.of(), List.of());
  }

  /** True for ERROR and for text that sendmail turns into an error reply. */
  boolean isReply() {
    return kind == Kind.ERROR || kind == Kind.TEXT;
  }

  /** The keyword as written (OK, ok, Relay, ERROR, …): the first token. */
  String keyword() {
    return tokens.get(0).text();
  }

  /**
   * What the error mailer sends for a message (parseaddr.c buildaddr): the text as cataddr()
   * joins its tokens, quotes removed; a leading three-digit code and blank make the reply code,
   * an enhanced status code after it the DSN; without a code sendmail sends {@code 553 5.3.0}.
   *
   * <p>Every distinct reply of a map is taken apart so, and most are fine: the parts are kept as
   * places in the rendered text and cut out only when a message or the reply line asks for them.
   */
  static final class Reply {
    private final String rendered;
    private final String ruleDsn;
    /**
     * In {@link #rendered}: where the code and the text's DSN end (0 for none), and where the
     * message starts.
     */
    private final int codeEnd;
    private final int textDsnEnd;
    private final int messageFrom;

    private Reply(String rendered, String ruleDsn, int codeEnd, int textDsnEnd, int messageFrom) {
      this.rendered = rendered;
      this.ruleDsn = ruleDsn;
      this.codeEnd = codeEnd;
      this.textDsnEnd = textDsnEnd;
      this.messageFrom = messageFrom;
    }

    /** The reply code, or "" when the text has none. */
    String code() {
      return rendered.substring(0, codeEnd);
    }

    /** Whether the text starts with a reply code. */
    boolean hasCode() {
      return codeEnd > 0;
    }

    /** The first digit of the reply code; only with {@link #hasCode()}. */
    char codeClass() {
      return rendered.charAt(0);
    }

    /** The DSN written after the code, or "". */
    String textDsn() {
      return textDsnEnd == 0 ? "" : rendered.substring(codeEnd + 1, textDsnEnd);
    }

    /** The DSN of {@code ERROR:d.s.n:}, or "". */
    String ruleDsn() {
      return ruleDsn;
    }

    /** The text after code and DSN. */
    String message() {
      return rendered.substring(messageFrom);
    }

    /** The whole text as sendmail joins it (quotes removed). */
    String rendered() {
      return rendered;
    }

    /** The DSN sendmail sends: the one in the text, else the rule's, else derived from the code. */
    String effectiveDsn() {
      if (textDsnEnd != 0) {
        return textDsn();
      }
      if (isEnhancedCode(ruleDsn)) {
        return ruleDsn;
      }
      return hasCode() ? codeClass() + ".0.0" : "5.3.0";
    }

    /** The reply line as a client would see it. */
    String line() {
      return hasCode() ? code() + " " + effectiveDsn() + " " + message() : "553 5.3.0 " + rendered;
    }
  }

  Reply reply() {
    String rendered = TokenText.stripQuotes(TokenText.render(text));
    String rule = TokenText.concat(dsn);
    if (rendered.length() >= 4 && isDigits(rendered, 0, 3) && rendered.charAt(3) == ' ') {
      int enh = enhancedCodeLength(rendered, 4);
      if (enh > 0) {
        return new Reply(rendered, rule, 3, 4 + enh, Math.min(rendered.length(), 4 + enh + 1));
      }
      return new Reply(rendered, rule, 3, 0, 4);
    }
    return new Reply(rendered, rule, 0, 0, 0);
  }

  private static boolean isDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return to > from;
  }

  /**
   * err.c isenhsc(s, ' '): {@code [245].d{1,3}.d{1,3}} followed by a blank; its length or 0.
   * Written out (it was the regex {@code ^[245]\.[0-9]{1,3}\.[0-9]{1,3}(?= )}): every reply
   * value asks, several times.
   */
  static int enhancedCodeLength(String s) {
    return enhancedCodeLength(s, 0);
  }

  /** {@link #enhancedCodeLength(String)} of the text of {@code s} from {@code from} on. */
  private static int enhancedCodeLength(String s, int from) {
    int end = enhancedCodeEnd(s, from);
    return end < 0 || end >= s.length() || s.charAt(end) != ' ' ? 0 : end - from;
  }

  /**
   * Whether isenhsc() finds an enhanced status code in {@code s} followed by a blank, as in
   * {@code ERROR:d.s.n:}, whose DSN is written without one: {@code enhancedCodeLength(s + " ") >
   * 0}, without making that string for every reply.
   */
  static boolean isEnhancedCode(String s) {
    int end = enhancedCodeEnd(s, 0);
    return end == s.length() || (end >= 0 && s.charAt(end) == ' ');
  }

  /** Where {@code [245].d{1,3}.d{1,3}} at {@code from} ends, or -1 when there is none. */
  private static int enhancedCodeEnd(String s, int from) {
    if (s.length() < from + 2 || (s.charAt(from) != '2' && s.charAt(from) != '4'
        && s.charAt(from) != '5') || s.charAt(from + 1) != '.') {
      return -1;
    }
    int dot = digitsEnd(s, from + 2);
    if (dot < 0 || dot >= s.length() || s.charAt(dot) != '.') {
      return -1;
    }
    return digitsEnd(s, dot + 1);
  }

  /** The end of one to three digits at {@code from}, or -1 when there are none or more. */
  private static int digitsEnd(String s, int from) {
    int i = from;
    while (i < s.length() && Ascii.isDigit(s.charAt(i))) {
      i++;
    }
    return i == from || i - from > 3 ? -1 : i;
  }
}
