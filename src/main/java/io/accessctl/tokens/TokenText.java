package io.accessctl.tokens;

import io.accessctl.tokens.Prescan.Token;
import java.util.List;

/** The ways sendmail turns tokens back into text. */
public final class TokenText {
  private TokenText() {}

  /**
   * The tokens joined the way cataddr() joins them for a message, a map key or a map argument: a
   * blank only between two atoms ({@code 550 go away}, but {@code away,please} and {@code
   * 100%sure}).
   */
  public static String render(List<Token> tokens) {
    return join(Prescan.texts(tokens));
  }

  /** Token texts joined as the rule engine builds a map key (cataddr, blank between atoms). */
  public static String join(List<String> tokens) {
    return join(tokens, ' ');
  }

  /** Token texts joined with {@code blank} between two atoms (a map argument: BlankSub, '.'). */
  public static String join(List<String> tokens, char blank) {
    StringBuilder sb = new StringBuilder();
    boolean previousAtom = false;
    for (String t : tokens) {
      boolean atom = !t.isEmpty() && Prescan.isAtom(t.charAt(0));
      if (previousAtom && atom) {
        sb.append(blank);
      }
      sb.append(t);
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
   * libsm stripquotes(): double quotes removed, a backslash keeps the character after it (a
   * backslash at the end goes).
   */
  public static String stripQuotes(String s) {
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

  /** Bytes 0x80-0x9F that sendmail uses inside rules, and the {@code $x} -bt prints for each. */
  private static final String[] META = new String[0x20];
  private static final int META_BASE = 0x80;
  /** Followed by a macro id: {@code $x}, {@code $&x}. */
  private static final int MACRO_EXPAND = 0x81;
  private static final int MACRO_DEFERRED = 0x82;
  /** Followed by a digit: {@code $1}. */
  private static final int MATCH_REPLACE = 0x95;
  private static final int FIRST_LONG_MACRO_ID = 0x80;

  static {
    // sendmail.h: MATCHZANY 0x90 ... HOSTEND 0x9E, LOOKUPBEGIN 0x85, LOOKUPEND 0x86
    String names = "*+-=~ #@:>?|.[]";
    for (int i = 0; i < names.length(); i++) {
      if (names.charAt(i) != ' ') {
        META[0x10 + i] = "$" + names.charAt(i);
      }
    }
    META[0x05] = "$(";
    META[0x06] = "$)";
  }

  /**
   * Tokens as {@code sendmail -bt} prints them (printav() and xputs()): separated by one blank;
   * {@code \t}, {@code \n}, {@code \r} for those controls and nothing for the others; the bytes
   * sendmail uses inside rules as {@code $x}; any other byte above 0x7F as {@code M-} and the
   * character of its low seven bits. A macro id above 0x7F after {@code $} (which only the running
   * cf can name) prints as {@code {***UNDEFINED MACRO***}}.
   */
  public static String print(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    for (String t : tokens) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      xputs(t, sb);
    }
    return sb.toString();
  }

  private static void xputs(String s, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      int c = s.charAt(i) & 0xff;
      if (c < META_BASE) {
        printChar(c, out);
        continue;
      }
      if (c == MACRO_EXPAND || c == MACRO_DEFERRED) {
        out.append(c == MACRO_EXPAND ? "$" : "$&");
        if (++i < s.length()) {
          int id = s.charAt(i) & 0xff;
          out.append(id < FIRST_LONG_MACRO_ID ? String.valueOf((char) id)
              : "{***UNDEFINED MACRO***}");
        }
      } else if (c == MATCH_REPLACE) {
        out.append('$');
        if (++i < s.length()) {
          printChar(s.charAt(i) & 0xff, out);
        }
      } else if (c - META_BASE < META.length && META[c - META_BASE] != null) {
        out.append(META[c - META_BASE]);
      } else {
        out.append("M-");
        printChar(c & 0x7f, out);
      }
    }
  }

  private static void printChar(int c, StringBuilder out) {
    if (c >= ' ' && c < 0x7f) {
      out.append((char) c);
    } else if (c == '\t' || c == '\n' || c == '\r') {
      out.append('\\').append(c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
    } else if (c >= META_BASE) {
      out.append('^').append((char) (c ^ 0x40));
    }
  }
}
