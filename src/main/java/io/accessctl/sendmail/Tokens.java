package io.accessctl.sendmail;

import java.util.ArrayList;
import java.util.List;

/**
 * sendmail's tokenizer ({@code prescan()} in parseaddr.c, with the external token table that
 * macro values and map results go through) and the ways the rule engine turns tokens back into
 * text. Strings carry one byte per char (ISO-8859-1).
 *
 * <p>Tokens: a run of ordinary characters is one token; every character of OperatorChars
 * ({@code .:%@!^/[]+} in every cf m4 makes) and of {@code <>,;} is a token of its own; a
 * {@code "…"} string is one token with its quotes; white space (SP HT LF VT FF CR) separates;
 * {@code (comments)} vanish; a backslash keeps the next character in the token. An unbalanced
 * {@code >} is dropped; an unclosed quote, comment or {@code <} is closed at the end.
 */
public final class Tokens {
  private Tokens() {}

  /** OperatorChars as every m4-built cf defines it ({@code O OperatorChars=.:%@!^/[]+}). */
  public static final String OPERATOR_CHARS = ".:%@!^/[]+";
  private static final String DELIM_CHARS = "<>,;";

  private enum Kind { OPR, ATM, QST, SPC }

  private static Kind kind(char c) {
    if (c == '"') {
      return Kind.QST;
    }
    if (c == ' ' || (c >= '\t' && c <= '\r') || c == '(' || c == ')') {
      return Kind.SPC;
    }
    if (OPERATOR_CHARS.indexOf(c) >= 0 || DELIM_CHARS.indexOf(c) >= 0) {
      return Kind.OPR;
    }
    return Kind.ATM;
  }

  /** The tokens of a macro value or of a value the map returned. */
  public static List<String> scan(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder tok = new StringBuilder();
    Kind state = Kind.ATM;
    int comments = 0;
    int angles = 0;
    boolean backslash = false;
    int i = 0;
    int n = text.length();
    while (true) {
      char c;
      if (i < n && text.charAt(i) != '\0') {
        c = text.charAt(i++);
        if (c == 0xff) {
          c = 0x7f; // !ALLOW_255: a 0xFF byte loses its high bit
        }
      } else if (state == Kind.QST) {
        c = '"';
      } else if (comments > 0) {
        c = ')';
      } else if (angles > 0) {
        c = '>';
      } else {
        break;
      }
      if (backslash) {
        backslash = false;
        if (comments == 0) {
          tok.append('\\').append(c); // the escaped character joins the token as it is
        }
        continue;
      }
      if (c == '\\') {
        backslash = true;
      } else if (state == Kind.QST) {
        // inside quotes everything is literal
      } else if (c == '(') {
        comments++;
        continue;
      } else if (c == ')') {
        if (comments <= 0) {
          continue; // "Unbalanced ')'": dropped
        }
        comments--;
      } else if (comments > 0) {
        continue;
      } else if (c == '<') {
        angles++;
      } else if (c == '>') {
        if (angles <= 0) {
          continue; // "Unbalanced '>'": dropped
        }
        angles--;
      }
      Kind k = kind(c);
      boolean brk;
      Kind next;
      switch (state) {
        case OPR -> {
          brk = true;
          next = k;
        }
        case ATM -> {
          brk = k != Kind.ATM;
          next = k;
        }
        case QST -> {
          brk = false;
          next = k == Kind.QST ? Kind.OPR : Kind.QST;
        }
        default -> { // SPC
          brk = false;
          next = k;
        }
      }
      if (brk && tok.length() > 0) {
        tokens.add(tok.toString());
        tok.setLength(0);
      }
      state = next;
      if (c != '\\' && (k != Kind.SPC || state == Kind.QST)) {
        tok.append(c);
      }
    }
    if (tok.length() > 0) {
      tokens.add(tok.toString());
    }
    return tokens;
  }

  /** True when sendmail counts the token as an atom when it joins tokens (cataddr). */
  static boolean isAtom(String token) {
    if (token.isEmpty()) {
      return false;
    }
    char c = token.charAt(0);
    if (c >= 0x80) {
      return c >= 0xa0 && c != 0xff; // the internal table marks 0x80-0x9f and 0xff as meta
    }
    return kind(c) == Kind.ATM;
  }

  /**
   * Tokens joined as the rule engine builds a map key (cataddr): no space between tokens except
   * between two atoms, which get one blank.
   */
  public static String join(List<String> tokens) {
    return join(tokens, ' ');
  }

  /** Tokens joined with {@code blank} between two atoms (a map argument uses BlankSub, '.'). */
  static String join(List<String> tokens, char blank) {
    StringBuilder sb = new StringBuilder();
    boolean prevAtom = false;
    for (String t : tokens) {
      boolean atom = isAtom(t);
      if (prevAtom && atom) {
        sb.append(blank);
      }
      sb.append(t);
      prevAtom = atom;
    }
    return sb.toString();
  }

  /** Tokens as {@code sendmail -bt} prints them: separated by one blank. */
  public static String print(List<String> tokens) {
    return String.join(" ", tokens);
  }

  /** stripquotes(): double quotes removed, a backslash keeps the character after it. */
  static String stripQuotes(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        if (++i >= s.length()) {
          break;
        }
        c = s.charAt(i);
      } else if (c == '"') {
        continue;
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /**
   * map_rewrite() for an access lookup: {@code %0} becomes the key as the ruleset built it,
   * {@code %1}…{@code %9} become nothing (access lookups pass no arguments), {@code %%} becomes
   * {@code %}; any other {@code %} stays. The value ends at a NUL byte.
   */
  static String rewrite(String value, String key) {
    int nul = value.indexOf('\0');
    String v = nul >= 0 ? value.substring(0, nul) : value;
    if (v.indexOf('%') < 0) {
      return v;
    }
    StringBuilder sb = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '%' && i + 1 < v.length()) {
        char d = v.charAt(i + 1);
        if (d == '%') {
          sb.append('%');
          i++;
          continue;
        }
        if (d >= '0' && d <= '9') {
          if (d == '0') {
            sb.append(key);
          }
          i++;
          continue;
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** True when the tokens are exactly one token equal to {@code word}, in any case. */
  static boolean isWord(List<String> tokens, String word) {
    return tokens.size() == 1 && tokens.get(0).equalsIgnoreCase(word);
  }

  /**
   * C's strtol(s, NULL, base) on a Java string: leading white space, a sign, then digits (base 0:
   * {@code 0x} hex, leading {@code 0} octal); saturates like glibc's 64-bit long.
   */
  static long strtol(String s, int base) {
    int i = 0;
    int n = s.length();
    while (i < n && (s.charAt(i) == ' ' || (s.charAt(i) >= '\t' && s.charAt(i) <= '\r'))) {
      i++;
    }
    boolean negative = false;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    int b = base;
    if ((b == 0 || b == 16) && i + 1 < n && s.charAt(i) == '0'
        && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
        && i + 2 < n && Character.digit(s.charAt(i + 2), 16) >= 0) {
      i += 2;
      b = 16;
    } else if (b == 0) {
      b = i < n && s.charAt(i) == '0' ? 8 : 10;
    }
    long value = 0;
    boolean overflow = false;
    for (; i < n; i++) {
      int d = Character.digit(s.charAt(i), b);
      if (d < 0 || s.charAt(i) > 0x7f) {
        break;
      }
      if (value > (Long.MAX_VALUE - d) / b) {
        overflow = true;
      } else {
        value = value * b + d;
      }
    }
    if (overflow) {
      return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return negative ? -value : value;
  }
}
