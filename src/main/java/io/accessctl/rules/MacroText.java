package io.accessctl.rules;

/**
 * How readcf.c reads the text of a line before it interprets it (translate_dollars()): a {@code #}
 * after the line's first character starts a comment (with the blanks before it) unless it follows
 * {@code $} or a backslash, {@code $$} is a dollar sign, and every other {@code $x} becomes an
 * operator byte or a macro reference ({@code $x}, {@code ${name}}) for {@link #expand} to resolve.
 */
final class MacroText {
  private MacroText() {}

  /** The canonical name of a macro or class: one character as it is, or {@code {name}}. */
  static String name(String s, int[] end, int from) {
    if (from >= s.length()) {
      end[0] = from;
      return "";
    }
    if (s.charAt(from) != '{') {
      end[0] = from + 1;
      return s.substring(from, from + 1);
    }
    int close = s.indexOf('}', from);
    if (close < 0) {
      end[0] = s.length();
      return s.substring(from + 1);
    }
    end[0] = close + 1;
    String inner = s.substring(from + 1, close);
    return inner.length() == 1 ? inner : "{" + inner + "}";
  }

  /** A line with comments cut and {@code $} sequences turned into bytes and macro ids. */
  static String translate(String line, MacroIds ids) {
    StringBuilder out = new StringBuilder(line.length());
    int[] end = new int[1];
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '#' && i > 0) {
        char before = line.charAt(i - 1);
        if (before == '\\') {
          out.setCharAt(out.length() - 1, '#');
          i++;
          continue;
        }
        if (out.length() == 0 || out.charAt(out.length() - 1) != Meta.CANONNET) {
          while (out.length() > 0 && (out.charAt(out.length() - 1) == ' '
              || out.charAt(out.length() - 1) == '\t')) {
            out.setLength(out.length() - 1);
          }
          int nl = line.indexOf('\n', i);
          if (nl < 0) {
            break;
          }
          i = nl;
          continue;
        }
      }
      if (c != '$' || i + 1 >= line.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = line.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      if (next >= '0' && next <= '9') {
        out.append(Meta.MATCHREPL).append(next);
        i += 2;
        continue;
      }
      char op = Meta.operator(next);
      if (op != 0 && !(next == '{')) {
        out.append(op);
        i += 2;
        if (Meta.takesId(op)) {
          String n = name(line, end, i);
          out.append(ids.id(n));
          i = end[0];
        }
        continue;
      }
      String n = name(line, end, i + 1);
      out.append(Meta.MACROEXPAND).append(ids.id(n));
      i = end[0];
    }
    return out.toString();
  }

  /**
   * expand() of macro.c: macro references replaced by their values (themselves expanded),
   * {@code $?x … $| … $.} kept or dropped by whether x has a value; {@code $|} and {@code $.}
   * outside a condition stay as they are.
   */
  static String expand(String s, java.util.function.IntFunction<String> macro, int depth) {
    StringBuilder out = new StringBuilder(s.length());
    int ifLevel = 0;
    int skipLevel = 0;
    boolean skipping = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case Meta.CONDIF -> {
          ifLevel++;
          char id = i + 1 < s.length() ? s.charAt(++i) : 0;
          if (skipping) {
            skipLevel++;
          } else {
            String v = macro.apply(id);
            skipping = v == null || v.isEmpty();
          }
          continue;
        }
        case Meta.CONDELSE -> {
          if (ifLevel > 0) {
            if (skipLevel == 0) {
              skipping = !skipping;
            }
            continue;
          }
        }
        case Meta.CONDFI -> {
          if (ifLevel > 0) {
            ifLevel--;
            if (skipLevel == 0) {
              skipping = false;
            }
            if (skipping) {
              skipLevel--;
            }
            continue;
          }
        }
        case Meta.MACROEXPAND -> {
          char id = i + 1 < s.length() ? s.charAt(++i) : 0;
          String v = macro.apply(id);
          if (v != null && !skipping) {
            out.append(depth < MAX_DEPTH ? expand(v, macro, depth + 1) : v);
          }
          continue;
        }
        default -> { }
      }
      if (!skipping) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static final int MAX_DEPTH = 10;
}
