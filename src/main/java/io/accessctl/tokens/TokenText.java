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
    // a message is often one quoted string: lint renders every distinct reply of a map
    return tokens.size() == 1 ? tokens.get(0).text() : join(Prescan.texts(tokens));
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

  /**
   * cataddr() into a buffer of {@code size} bytes: as {@link #join(List, char)}, cut where the
   * buffer ends (two bytes are kept back, and a token is cut one byte short of the space left).
   */
  public static String join(List<String> tokens, char blank, int size) {
    return join(tokens, 0, tokens.size(), blank, size, new StringBuilder());
  }

  /**
   * {@link #join(List, char, int)} of the tokens {@code from} to {@code to} of a list, built in
   * {@code sb} (emptied first).
   */
  public static String join(List<String> tokens, int from, int to, char blank, int size,
      StringBuilder sb) {
    return join(tokens.toArray(String[]::new), ordinals(tokens.size()), from, to, blank, size, sb);
  }

  /**
   * {@link #stripQuotes(String)} of {@link #join(List, int, int, char, int, StringBuilder)}, made
   * into one string.
   */
  public static String joinStripped(List<String> tokens, int from, int to, char blank, int size,
      StringBuilder sb) {
    return joinStripped(tokens.toArray(String[]::new), ordinals(tokens.size()), from, to, blank,
        size, sb);
  }

  private static int[] ordinals(int n) {
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
    }
    return ids;
  }

  /**
   * {@link #join(List, char, int)} of numbered tokens: {@code ids[from]} to {@code ids[to - 1]},
   * each the index of its text in {@code texts}; built in {@code sb} (emptied first). A rule
   * engine joins a map key from its workspace so, for every lookup, with one builder.
   */
  public static String join(String[] texts, int[] ids, int from, int to, char blank, int size,
      StringBuilder sb) {
    cataddr(texts, ids, from, to, blank, size, sb);
    return sb.toString();
  }

  /**
   * {@link #stripQuotes(String)} of {@link #join(String[], int[], int, int, char, int,
   * StringBuilder)}, made into one string: a map key of a map that strips quotes.
   */
  public static String joinStripped(String[] texts, int[] ids, int from, int to, char blank,
      int size, StringBuilder sb) {
    cataddr(texts, ids, from, to, blank, size, sb);
    stripQuotes(sb);
    return sb.toString();
  }

  private static void cataddr(String[] texts, int[] ids, int from, int to, char blank, int size,
      StringBuilder sb) {
    sb.setLength(0);
    int left = size - 2;
    boolean previousAtom = false;
    for (int i = from; i < to; i++) {
      String t = texts[ids[i]];
      if (left <= 0) {
        break;
      }
      boolean atom = !t.isEmpty() && Prescan.isAtom(t.charAt(0));
      if (previousAtom && atom) {
        sb.append(blank);
        if (--left <= 0) {
          break;
        }
      }
      if (t.length() < left) {
        sb.append(t);
      } else {
        sb.append(t, 0, left - 1);
      }
      left -= t.length();
      previousAtom = atom;
    }
  }

  /** The tokens joined without any blank, as rscheck() hands a string result to C code. */
  public static String concat(List<Token> tokens) {
    if (tokens.isEmpty()) {
      return "";
    }
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
    int quote = s.indexOf('"');
    if (quote < 0 && s.indexOf('\\') < 0) {
      return s;
    }
    int last = s.length() - 1;
    if (quote == 0 && last > 0 && s.indexOf('"', 1) == last && s.indexOf('\\') < 0) {
      return s.substring(1, last); // one quoted string, as most messages are
    }
    if (s.indexOf('\\') < 0) {
      // quotes only (a tag quoted in the rules, as "Try_TLS":host): the text between them
      StringBuilder sb = new StringBuilder(s.length());
      int from = 0;
      for (int q = quote; q >= 0; q = s.indexOf('"', from)) {
        sb.append(s, from, q);
        from = q + 1;
      }
      return sb.append(s, from, s.length()).toString();
    }
    StringBuilder sb = new StringBuilder(s);
    stripQuotes(sb);
    return sb.toString();
  }

  /** {@link #stripQuotes(String)} of a builder's text, in its place. */
  public static void stripQuotes(StringBuilder sb) {
    int n = sb.length();
    int kept = 0;
    for (int i = 0; i < n; i++) {
      char c = sb.charAt(i);
      if (c == '\\') {
        if (++i >= n) {
          break;
        }
        c = sb.charAt(i);
      } else if (c == '"') {
        continue;
      }
      sb.setCharAt(kept++, c);
    }
    sb.setLength(kept);
  }

  /** Bytes 0x80-0x9F that sendmail uses inside rules, and the {@code $x} -bt prints for each. */
  private static final String[] META = new String[0x20];
  private static final int META_BASE = 0x80;
  /** {@code $x} and {@code $&x}: followed by a macro id. */
  private static final int MACRO_EXPAND = 0x81;
  private static final int MACRO_DEFERRED = 0x82;
  /** {@code $=X} and {@code $~X}: followed by a class id. */
  private static final int MATCH_CLASS = 0x93;
  private static final int MATCH_NOT_CLASS = 0x94;
  /** {@code $1}: followed by a digit. */
  private static final int MATCH_REPLACE = 0x95;
  /** Characters -bt prints as they are between {@code $} and a macro id. */
  private static final String MACRO_PREFIXES = "=~&?";
  private static final String UNKNOWN_MACRO = "{***UNDEFINED MACRO***}";

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
   * Tokens as {@code sendmail -bt} prints them (printav() and xputs()): each after one blank but
   * the first; {@code \t}, {@code \n}, {@code \r} for those controls and nothing for the
   * others; the bytes sendmail uses inside rules as {@code $x} (the byte after {@code $x}, {@code
   * $&x}, {@code $=X} and {@code $~X} as it is); any other byte above 0x7F as {@code M-} and the
   * character of its low seven bits. A macro or class id above 0x7F (which only the running cf can
   * name) prints as {@code {***UNDEFINED MACRO***}}, and a token that ends right after {@code $x}
   * or {@code $&x} as if it ended there (-bt itself reads on into the next token).
   */
  public static String print(List<String> tokens) {
    int room = tokens.size();
    for (int t = 0; t < tokens.size(); t++) { // no iterator: C1 code (lookup --batch) makes one
      room += tokens.get(t).length();
    }
    StringBuilder sb = new StringBuilder(room);
    for (int t = 0; t < tokens.size(); t++) {
      if (t > 0) {
        sb.append(' ');
      }
      xputs(tokens.get(t), sb);
    }
    return sb.toString();
  }

  private static void xputs(String s, StringBuilder out) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      int c = s.charAt(i++) & 0xff;
      if (c < META_BASE) {
        printChar(c, out);
      } else if (c == MATCH_REPLACE) {
        out.append('$');
        if (i < n) {
          printChar(s.charAt(i++) & 0xff, out);
        }
      } else if (c == MACRO_EXPAND || c == MACRO_DEFERRED) {
        out.append(c == MACRO_EXPAND ? "$" : "$&");
        if (i < n && MACRO_PREFIXES.indexOf(s.charAt(i)) >= 0) {
          out.append(s.charAt(i++));
        }
        i = macroId(s, i, out);
      } else if (c - META_BASE < META.length && META[c - META_BASE] != null) {
        out.append(META[c - META_BASE]);
        if (c == MATCH_CLASS || c == MATCH_NOT_CLASS) {
          i = macroId(s, i, out);
        }
      } else {
        out.append("M-");
        printChar(c & 0x7f, out);
      }
    }
  }

  /** A macro or class id after {@code $}: a byte below 0x80 as it is. */
  private static int macroId(String s, int i, StringBuilder out) {
    if (i >= s.length()) {
      return i;
    }
    char id = s.charAt(i);
    if (id >= META_BASE) {
      out.append(UNKNOWN_MACRO);
    } else {
      out.append(id);
    }
    return i + 1;
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
