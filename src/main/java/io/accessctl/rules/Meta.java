package io.accessctl.rules;

/**
 * The bytes sendmail uses inside rules for the {@code $} operators (sendmail.h). A token that
 * starts with one of them is an operator, not text; {@link io.accessctl.tokens.TokenText#print}
 * prints them back as {@code $x}.
 */
final class Meta {
  private Meta() {}

  static final char MACROEXPAND = 0x81;
  static final char MACRODEXPAND = 0x82;
  static final char LOOKUPBEGIN = 0x85;
  static final char LOOKUPEND = 0x86;
  static final char MATCHZANY = 0x90;
  static final char MATCHANY = 0x91;
  static final char MATCHONE = 0x92;
  static final char MATCHCLASS = 0x93;
  static final char MATCHNCLASS = 0x94;
  static final char MATCHREPL = 0x95;
  static final char CANONNET = 0x96;
  static final char CANONHOST = 0x97;
  static final char CANONUSER = 0x98;
  static final char CALLSUBR = 0x99;
  static final char CONDIF = 0x9a;
  static final char CONDELSE = 0x9b;
  static final char CONDFI = 0x9c;
  static final char HOSTBEGIN = 0x9d;
  static final char HOSTEND = 0x9e;
  /** On the LHS {@code $@} matches no token: the same byte as CANONHOST. */
  static final char MATCHZERO = CANONHOST;

  /** The byte a {@code $c} operator stands for, or 0 when {@code $c} is not an operator. */
  static char operator(char c) {
    return switch (c) {
      case '*' -> MATCHZANY;
      case '+' -> MATCHANY;
      case '-' -> MATCHONE;
      case '=' -> MATCHCLASS;
      case '~' -> MATCHNCLASS;
      case '#' -> CANONNET;
      case '@' -> CANONHOST;
      case ':' -> CANONUSER;
      case '>' -> CALLSUBR;
      case '?' -> CONDIF;
      case '|' -> CONDELSE;
      case '.' -> CONDFI;
      case '[' -> HOSTBEGIN;
      case ']' -> HOSTEND;
      case '(' -> LOOKUPBEGIN;
      case ')' -> LOOKUPEND;
      case '&' -> MACRODEXPAND;
      default -> 0;
    };
  }

  /** Operators followed by a macro or class id in the same token. */
  static boolean takesId(char op) {
    return op == MATCHCLASS || op == MATCHNCLASS || op == MACRODEXPAND || op == CONDIF;
  }

  static boolean isMeta(char c) {
    return c >= 0x80 && c < 0xa0;
  }

  /** An operator the lookup step acts on: {@code $(} or {@code $[}. */
  static boolean looksUp(char kind) {
    return kind == LOOKUPBEGIN || kind == HOSTBEGIN;
  }

  /** The operator a token is, or 0 for text. */
  static char kind(String token) {
    char c = token.isEmpty() ? 0 : token.charAt(0);
    return isMeta(c) ? c : 0;
  }
}
