package io.accessctl.tokens;

import java.util.ArrayList;
import java.util.List;

/**
 * sendmail's tokenizer: {@code prescan()} of parseaddr.c (8.17.1.9), its state machine, token type
 * tables and repairs, one port for everything that reads a string as sendmail's rules see it (a
 * value the access map returns, a macro value, the input line of {@code sendmail -bt}).
 *
 * <ul>
 *   <li>SP, HT, LF, VT, FF and CR separate tokens and vanish;
 *   <li>each character of the cf's OperatorChars ({@code .:%@!^/[]+} in every m4-built cf) and of
 *       {@code ( ) < > , ; } that the table does not already use otherwise is a token of its own;
 *   <li>{@code "…"} is one token, quotes included; an unclosed quote is closed at the end;
 *   <li>with the {@link Table#MAP_VALUE} table {@code (…)} is a comment and vanishes (an unclosed
 *       one is closed at the end); with {@link Table#TEST_INPUT} parentheses are operators;
 *   <li>{@code \} keeps the next character in the token, backslash included, except that {@code
 *       \!} outside quotes is a plain {@code !}; a backslash at the end vanishes;
 *   <li>a {@code >} without its {@code <} is dropped without ending the token, a {@code <} without
 *       {@code >} is closed at the end;
 *   <li>the string ends at its first NUL: an unclosed quote, comment or {@code <} is closed there
 *       and nothing after the NUL is read;
 *   <li>a 0xFF byte is read as 0x7F (0xFF is reserved inside sendmail), a letter; so is every other
 *       byte above 0x7F;
 *   <li>where the tokenizer is {@link #limited()}, as sendmail's tokenizing of a map value is: a
 *       token longer than MAXNAME bytes ("prescan: token too long"), or more tokens than fit in
 *       PSBUFSIZE bytes with a NUL after each ("Address too long"), make prescan() refuse the
 *       whole string, as it refuses one without any token: no tokens.
 * </ul>
 *
 * Strings carry one byte per char (ISO-8859-1). The oracle test {@code PrescanOracleTest} holds
 * this against the real {@code sendmail -bt}, token for token, on random strings.
 */
public final class Prescan {
  /** OperatorChars as every m4-built cf (Debian's too) defines it. */
  public static final String M4_OPERATOR_CHARS = ".:%@!^/[]+";
  /** Characters prescan always adds to the operators (conf.h DELIMCHARS). */
  private static final String DELIM_CHARS = "()<>,;\r\n";

  /** Which of sendmail's token type tables a string is read with. */
  public enum Table {
    /** ExtTokenTab: map results and macro values; parentheses make comments. */
    MAP_VALUE,
    /**
     * TokTypeNoC, with which {@code sendmail -bt} reads its input line (ConfigLevel 9 and up):
     * parentheses are operators, there are no comments.
     */
    TEST_INPUT
  }

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
  /** What a 0xFF byte becomes, as sendmail -bt shows: 0xFF is reserved inside sendmail. */
  private static final int BYTE_FF = 0xff;
  private static final int BYTE_FF_READ_AS = 0x7f;
  private static final int BYTE_VALUES = 256;
  /** prescan() stores nothing more once fewer bytes than this are left in its buffer. */
  private static final int BUFFER_RESERVE = 5;
  private static final int BUFFER_FULL = Limits.PSBUFSIZE - BUFFER_RESERVE;
  private static final int UNLIMITED = Integer.MAX_VALUE;

  /** parseaddr.c StateTab: [old state][char type] = new state | meta bits. */
  private static final int[][] STATE = {
    /* OPR */ {OPR | B, ATM | B, QST | B, SPC | M | B, ONE | B},
    /* ATM */ {OPR | B, ATM, QST | B, SPC | M | B, ONE | B},
    /* QST */ {QST, QST, OPR, QST, QST},
    /* SPC */ {OPR, ATM, QST, SPC | M, ONE},
    /* ONE */ {OPR, OPR, OPR, OPR, OPR},
  };

  /**
   * A string for each one-character token: most of a value's tokens are operators, and a large
   * map's values made one string each.
   */
  private static final String[] ONE_CHAR = new String[BYTE_VALUES];

  static {
    for (int c = 0; c < BYTE_VALUES; c++) {
      ONE_CHAR[c] = String.valueOf((char) c);
    }
  }

  private static final Prescan M4 = new Prescan(M4_OPERATOR_CHARS, Table.MAP_VALUE);
  private static final Prescan M4_LIMITED = M4.limited();

  private final byte[] type;
  /**
   * StateTab read through this tokenizer's type table, so that a character costs one lookup:
   * [state * 256 + byte] = new state | meta bits.
   */
  private final byte[] transitions;
  private final boolean comments;
  private final int bufferFull;
  private final int maxToken;

  /**
   * One token.
   *
   * @param text the token as sendmail stores it (a quoted string keeps its quotes)
   * @param offset index in the string of the character that began the token
   */
  public record Token(String text, int offset) {
    /** An atom: a word, not an operator, delimiter or quoted string (as cataddr() sees it). */
    public boolean isAtom() {
      return Prescan.isAtom(text.charAt(0));
    }

    public boolean isQuoted() {
      return text.charAt(0) == '"';
    }

    /** The token is {@code word} in any case, as the rule engine compares tokens. */
    public boolean is(String word) {
      return text.equalsIgnoreCase(word);
    }
  }

  /**
   * A tokenizer for a cf's OperatorChars (the {@code O OperatorChars=} option) and one of
   * sendmail's tables.
   */
  public Prescan(String operatorChars, Table table) {
    type = new byte[BYTE_VALUES];
    bufferFull = UNLIMITED;
    maxToken = UNLIMITED;
    for (int c = 0; c < BYTE_VALUES; c++) {
      type[c] = (byte) baseType(table, c);
    }
    for (char c : (operatorChars + DELIM_CHARS).toCharArray()) {
      if (type[c & 0xff] == ATM) {
        type[c & 0xff] = OPR;
      }
    }
    comments = type['('] == SPC;
    transitions = new byte[STATE.length * BYTE_VALUES];
    for (int state = 0; state < STATE.length; state++) {
      for (int c = 0; c < BYTE_VALUES; c++) {
        transitions[state * BYTE_VALUES + c] = (byte) STATE[state][type[c]];
      }
    }
  }

  private Prescan(Prescan table, int bufferFull, int maxToken) {
    this.type = table.type;
    this.transitions = table.transitions;
    this.comments = table.comments;
    this.bufferFull = bufferFull;
    this.maxToken = maxToken;
  }

  /**
   * This tokenizer with prescan()'s limits for a map value: MAXNAME bytes a token, PSBUFSIZE bytes
   * of tokens and their NULs. Without them it reads strings of any size, as the lint rules and the
   * simulator's names want.
   */
  public Prescan limited() {
    return new Prescan(this, BUFFER_FULL, Limits.MAXNAME);
  }

  /** The tokenizer for values the access map returns, m4 OperatorChars and limits. */
  public static Prescan mapValues() {
    return M4_LIMITED;
  }

  private static int baseType(Table table, int c) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      return SPC;
    }
    if (c == '"') {
      return QST;
    }
    return table == Table.MAP_VALUE && (c == '(' || c == ')') ? SPC : ATM;
  }

  /**
   * Whether cataddr() puts a blank between a token that starts with {@code first} and a
   * neighbouring atom (IntTokenTab).
   */
  public static boolean isAtom(char first) {
    if (first >= 0x80) {
      return first >= 0xa0 && first < BYTE_FF;
    }
    return M4.type[first] == ATM;
  }

  /** The tokens of a value the access map returned (m4 OperatorChars, no size limits). */
  public static List<Token> tokens(String value) {
    return M4.scan(value);
  }

  /** The texts of the tokens of a value the access map returned. */
  public static List<String> words(String value) {
    return texts(M4.scan(value));
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
      if (isAsciiLetterOrDigit(c)) {
        return true;
      }
      break;
    }
    return !tokens(value).isEmpty();
  }

  /**
   * True when the value is the single token {@code word}, in any case ({@code NO}, {@code no },
   * {@code NO\r}); letters and digits alone always make one atom, the value itself, so that case
   * needs no tokenizing.
   */
  public static boolean isOnly(String value, String word) {
    if (isAlphanumeric(value)) {
      return value.equalsIgnoreCase(word);
    }
    return isWord(texts(tokens(value)), word);
  }

  /** True when the tokens are exactly one token equal to {@code word}, in any case. */
  public static boolean isWord(List<String> tokens, String word) {
    return tokens.size() == 1 && tokens.get(0).equalsIgnoreCase(word);
  }

  /** Non-empty, and only ASCII letters and digits. */
  public static boolean isAlphanumeric(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isAsciiLetterOrDigit(s.charAt(i))) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /** Takes the tokens of a string one by one, as {@link #scan(String, Sink)} reads them. */
  @FunctionalInterface
  public interface Sink {
    /**
     * One token: its text as sendmail stores it, and the index in the string of the character that
     * began it.
     */
    void token(String text, int offset);
  }

  /**
   * A {@link Sink} that takes a token standing as it is in the string (most tokens) as its place
   * there, so that no string is made for it; a token prescan() changed comes as a text.
   */
  public interface Stretches extends Sink {
    /** One token: the {@code length} characters of {@code s} from {@code from} on. */
    void token(String s, int from, int length);
  }

  /**
   * The tokens of {@code s}, as prescan() splits it; empty where prescan() finds no token or
   * refuses the string (a limit of {@link Limits}).
   */
  public List<Token> scan(String s) {
    List<Token> out = new ArrayList<>();
    return scan(s, (text, offset) -> out.add(new Token(text, offset))) ? out : List.of();
  }

  /** The texts of the tokens of {@code s}, as {@link #scan(String)} gives them. */
  public List<String> texts(String s) {
    List<String> out = new ArrayList<>();
    return scan(s, (text, offset) -> out.add(text)) ? out : List.of();
  }

  /**
   * Hands the tokens of {@code s} to {@code sink} in order, as prescan() splits it; returns false
   * where prescan() refuses the string (a limit of {@link Limits}), when the tokens the sink took
   * are not to be used.
   */
  public boolean scan(String s, Sink sink) {
    int stored = 0; // bytes of prescan()'s buffer used: the tokens and a NUL after each
    int n = s.length();
    int p = 0;
    int c = NOCHAR;
    int state = ATM;
    int comment = 0;
    int angles = 0;
    boolean backslash = false;
    int lookaheadAt = -1;
    Cut tok = new Cut(s);
    do {
      tok.clear();
      for (;;) {
        if (c != NOCHAR && !backslash) {
          if (stored++ >= bufferFull) {
            return false;
          }
          tok.add((char) c, lookaheadAt);
        }
        lookaheadAt = p;
        c = p < n ? s.charAt(p) & 0xff : END;
        if (c == END) {
          // the end (or a NUL) is read again after each repair: nothing after a NUL counts
          if (state == QST) {
            c = '"';
          } else if (comment > 0) {
            c = ')';
          } else if (angles > 0) {
            c = '>';
          } else {
            break;
          }
        } else {
          p++;
          if (c == BYTE_FF) {
            c = BYTE_FF_READ_AS;
          }
        }
        if (backslash) {
          backslash = false;
          if (comment > 0) {
            c = NOCHAR;
            continue;
          } else if (c != '!' || state == QST) {
            if (stored++ >= bufferFull) {
              return false;
            }
            tok.add('\\', lookaheadAt - 1);
            continue;
          }
        }
        if (c == '\\') {
          backslash = true;
        } else if (state == QST) {
          // inside a quoted string everything is literal
        } else if (c == '(' && comments) {
          comment++;
          c = NOCHAR;
        } else if (c == ')' && comments) {
          if (comment <= 0) {
            c = NOCHAR;
          } else {
            comment--;
          }
        } else if (comment > 0) {
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
        int next = transitions[state * BYTE_VALUES + c];
        state = next & TYPE;
        if ((next & M) != 0) {
          c = NOCHAR;
        }
        if ((next & B) != 0) {
          break;
        }
      }
      if (tok.length() > 0) {
        if (stored++ >= bufferFull || tok.length() > maxToken) {
          return false;
        }
        if (tok.isStretch() && sink instanceof Stretches stretches) {
          stretches.token(s, tok.from(), tok.length());
        } else {
          sink.token(tok.text(), tok.from());
        }
      }
    } while (c != END);
    return true;
  }

  /**
   * The token being read. Most tokens are a stretch of the input as it stands (a word, a quoted
   * message), so the token is kept as that stretch and cut out once; only a token that leaves
   * out, changes or adds a character (an unmatched {@code >} inside a word, a 0xFF byte, a quote
   * closed at the end) is copied into a builder, from that character on.
   */
  private static final class Cut {
    private final String input;
    /** The index of the token's first character (a repair's: where the string ends). */
    private int from;
    private int length;
    /** The token so far, once it is no longer a stretch of the input; else null. */
    private StringBuilder copy;

    Cut(String input) {
      this.input = input;
    }

    void clear() {
      length = 0;
      copy = null;
    }

    int length() {
      return length;
    }

    int from() {
      return from;
    }

    /** Adds {@code c}, read at index {@code at} (a repair: the index of the NUL or of the end). */
    void add(char c, int at) {
      if (copy == null) {
        if (length == 0) {
          from = at;
        }
        if (at == from + length && at < input.length() && input.charAt(at) == c) {
          length++;
          return;
        }
        copy = new StringBuilder(length + 16).append(input, from, from + length);
      }
      copy.append(c);
      length++;
    }

    /** Whether the token is a stretch of the input as it stands, from {@link #from()} on. */
    boolean isStretch() {
      return copy == null;
    }

    String text() {
      if (length == 1) {
        return ONE_CHAR[copy == null ? input.charAt(from) : copy.charAt(0)];
      }
      return copy == null ? input.substring(from, from + length) : copy.toString();
    }
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
    List<String> out = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      out.add(t.text());
    }
    return out;
  }
}
