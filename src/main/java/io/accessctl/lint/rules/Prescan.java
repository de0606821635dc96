package io.accessctl.lint.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * sendmail's tokenizer, as it splits a value that came back from the access map: {@code prescan()}
 * of parseaddr.c (8.17.1.9) with the external token table and Debian's {@code
 * OperatorChars=.:%@!^/[]+}, state machine and all.
 *
 * <ul>
 *   <li>SP, HT, LF, VT, FF and CR separate tokens and vanish;
 *   <li>each of {@code . : % @ ! ^ / [ ] + < > , ;} is a token of its own;
 *   <li>{@code "…"} is one token, quotes included (an unclosed quote is closed at the end);
 *   <li>{@code (…)} is a comment and vanishes; {@code \} keeps the next character;
 *   <li>a {@code >} without its {@code <} is dropped, a {@code <} without {@code >} is closed at
 *       the end.
 * </ul>
 *
 * The randomized oracle test {@code Ac302FeatureTokensOracleTest} holds this against the real
 * {@code sendmail -bt}.
 */
public final class Prescan {
  /** Debian's {@code O OperatorChars} (sendmail.cf). */
  public static final String OPERATOR_CHARS = ".:%@!^/[]+";
  /** Characters prescan always treats as delimiters (conf.h DELIMCHARS). */
  private static final String DELIM_CHARS = "()<>,;\r\n";

  private static final int OPR = 0;
  private static final int ATM = 1;
  private static final int QST = 2;
  private static final int SPC = 3;
  private static final int ONE = 4;
  private static final int M = 020;
  private static final int B = 040;
  private static final int TYPE = 017;
  private static final int NOCHAR = -1;
  private static final int END = 0;

  /** parseaddr.c StateTab: [old state][char type] = new state | meta bits. */
  private static final int[][] STATE = {
    /* OPR */ {OPR | B, ATM | B, QST | B, SPC | M | B, ONE | B},
    /* ATM */ {OPR | B, ATM, QST | B, SPC | M | B, ONE | B},
    /* QST */ {QST, QST, OPR, QST, QST},
    /* SPC */ {OPR, ATM, QST, SPC | M, ONE},
    /* ONE */ {OPR, OPR, OPR, OPR, OPR},
  };

  /**
   * One token.
   *
   * @param text the token as sendmail stores it (a quoted string keeps its quotes)
   * @param offset index in the value of the character that began the token
   */
  public record Token(String text, int offset) {
    /** An atom: a word, not an operator, delimiter or quoted string. */
    public boolean isAtom() {
      return Prescan.isAtom(text.charAt(0));
    }

    public boolean isQuoted() {
      return text.charAt(0) == '"';
    }

    public boolean is(String word) {
      return text.equalsIgnoreCase(word);
    }
  }

  private Prescan() {}

  /** External token table type of one byte. */
  private static int type(int c) {
    if (c >= 0x80) {
      return ATM;
    }
    if (c == ' ' || (c >= '\t' && c <= '\r') || c == '(' || c == ')') {
      return SPC;
    }
    if (c == '"') {
      return QST;
    }
    if (OPERATOR_CHARS.indexOf(c) >= 0 || DELIM_CHARS.indexOf(c) >= 0) {
      return OPR;
    }
    return ATM;
  }

  /** Whether cataddr() puts a blank between this token and a neighbouring atom (IntTokenTab). */
  static boolean isAtom(char first) {
    if (first >= 0x80) {
      return first >= 0xa0 && first < 0xff;
    }
    return type(first) == ATM;
  }

  /**
   * Whether sendmail reads any token at all in the value; the same as {@code
   * !tokens(value).isEmpty()}, without tokenizing the common case: a first non-blank letter or
   * digit always begins an atom (nothing before it can open a comment, quote or escape).
   */
  public static boolean hasTokens(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        continue;
      }
      if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
        return true;
      }
      break;
    }
    return !tokens(value).isEmpty();
  }

  /** The tokens of a value, as sendmail's rule engine sees them. */
  public static List<Token> tokens(String value) {
    List<Token> out = new ArrayList<>();
    int p = 0;
    int c = NOCHAR;
    int state = ATM;
    int comments = 0;
    int angles = 0;
    boolean backslash = false;
    int lookaheadAt = -1;
    do {
      StringBuilder tok = new StringBuilder();
      int start = -1;
      for (;;) {
        if (c != NOCHAR && !backslash) {
          if (start < 0) {
            start = lookaheadAt;
          }
          tok.append((char) c);
        }
        lookaheadAt = p;
        c = p < value.length() ? value.charAt(p++) & 0xff : END;
        if (c == END) {
          if (state == QST) {
            c = '"';
          } else if (comments > 0) {
            c = ')';
          } else if (angles > 0) {
            c = '>';
          } else {
            break;
          }
          lookaheadAt = value.length();
        }
        if (backslash) {
          backslash = false;
          if (comments > 0) {
            c = NOCHAR;
            continue;
          } else if (c != '!' || state == QST) {
            if (start < 0) {
              start = lookaheadAt - 1;
            }
            tok.append('\\');
            continue;
          }
        }
        if (c == '\\') {
          backslash = true;
        } else if (state == QST) {
          // inside a quoted string everything is literal
        } else if (c == '(') {
          comments++;
          c = NOCHAR;
        } else if (c == ')') {
          if (comments <= 0) {
            c = NOCHAR;
          } else {
            comments--;
          }
        } else if (comments > 0) {
          c = NOCHAR;
        } else if (c == '<') {
          angles++;
        } else if (c == '>') {
          if (angles <= 0) {
            c = NOCHAR;
          } else {
            angles--;
          }
        }
        if (c == NOCHAR) {
          continue;
        }
        int next = STATE[state][type(c)];
        state = next & TYPE;
        if ((next & M) != 0) {
          c = NOCHAR;
        }
        if ((next & B) != 0) {
          break;
        }
      }
      if (tok.length() > 0) {
        out.add(new Token(tok.toString(), Math.max(start, 0)));
      }
    } while (c != END);
    return out;
  }

  /**
   * The tokens joined the way cataddr() joins them for a message or a map argument: a blank only
   * between two atoms ({@code 550 go away}, but {@code away,please} and {@code 100%sure}).
   */
  public static String render(List<Token> tokens) {
    StringBuilder sb = new StringBuilder();
    boolean previousAtom = false;
    for (Token t : tokens) {
      boolean atom = t.isAtom();
      if (previousAtom && atom) {
        sb.append(' ');
      }
      sb.append(t.text());
      previousAtom = atom;
    }
    return sb.toString();
  }

  /** The tokens joined without any blank, as rscheck() hands a string result to C code. */
  public static String concat(List<Token> tokens) {
    StringBuilder sb = new StringBuilder();
    for (Token t : tokens) {
      sb.append(t.text());
    }
    return sb.toString();
  }

  /**
   * The tokens a {@code <$+>} pattern takes from {@code <value> <…>}: everything before the first
   * {@code >} token (angle brackets inside a value end it early).
   */
  public static List<Token> upToFirstClose(List<Token> tokens) {
    for (int i = 1; i < tokens.size(); i++) {
      if (tokens.get(i).text().equals(">")) {
        return tokens.subList(0, i);
      }
    }
    return tokens;
  }

  /** The texts of the tokens. */
  public static List<String> texts(List<Token> tokens) {
    return tokens.stream().map(Token::text).toList();
  }
}
