package io.accessctl.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The offending source line as the text format shows it, with the padding that puts a caret under
 * the diagnostic's column.
 *
 * <p>The line is an ISO-8859-1 byte string. It is shown the way {@link
 * io.accessctl.source.Bytes#display} shows it (UTF-8 where it decodes, U+FFFD where it does not,
 * control characters escaped, see {@link Visible}) except that tabs stay tabs: the caret line
 * keeps a tab wherever the source line has one, so the caret lines up whatever the terminal's tab
 * width. Every other character before the column becomes as many spaces as it takes columns, so
 * escapes such as {@code \r} (two columns) and wide characters (two) are accounted for.
 *
 * <p>A line wider than {@value #MAX_WIDTH} columns is cut around the caret and the cuts marked with
 * {@code …}. Only a window of bytes around the column is decoded, so a 2 MB line costs no more
 * than a short one.
 */
final class Snippet {
  /** The widest line shown, in terminal columns (a tab counted as {@value #TAB_WIDTH}). */
  static final int MAX_WIDTH = 160;
  /** How many columns of context to keep left of the caret when the line must be cut. */
  static final int LEFT_CONTEXT = 60;
  /** A line whose text before the caret is at most this wide is never cut on the left. */
  static final int UNCUT_PREFIX = MAX_WIDTH - 40;
  static final int TAB_WIDTH = 8;
  static final String ELLIPSIS = "…";
  /** The most bytes one column can take (a 4-byte character), to bound the decoded window. */
  private static final int MAX_BYTES_PER_COLUMN = 4;

  /**
   * What to print.
   *
   * @param line the line to show (never containing LF or CR)
   * @param caretPadding what goes before the caret (spaces and tabs), or null for no caret
   */
  record Rendered(String line, String caretPadding) {}

  private record Unit(int start, String text, int width) {}

  private Snippet() {}

  /**
   * Renders {@code source} with a caret under 1-based byte {@code column}; no caret when the
   * column is 0. A column past the end puts the caret just after the last character.
   */
  static Rendered render(String source, int column) {
    Rendered plain = plain(source, column);
    if (plain != null) {
      return plain;
    }
    int len = source.length();
    int at = column > 0 ? Math.min(column - 1, len) : 0;
    int windowBytes = MAX_WIDTH * MAX_BYTES_PER_COLUMN;
    int start = Math.max(0, at - windowBytes);
    for (int k = 0; k < 3 && start > 0 && start < at && isContinuation(source.charAt(start)); k++) {
      start++;
    }
    int end = Math.min(len, at + windowBytes);
    List<Unit> units = decode(source, start, end);

    int caret = units.size();
    for (int i = 0; i < units.size(); i++) {
      if (units.get(i).start() + byteLength(units, i, end) > at) {
        caret = i;
        break;
      }
    }
    int from;
    if (start == 0 && width(units, 0, caret) <= UNCUT_PREFIX) {
      from = 0;
    } else {
      from = caret;
      int left = 0;
      while (from > 0 && left + units.get(from - 1).width() <= LEFT_CONTEXT) {
        left += units.get(--from).width();
      }
    }
    boolean cutLeft = from > 0 || start > 0;
    int budget = MAX_WIDTH - (cutLeft ? 1 : 0);
    int to = from;
    int used = 0;
    while (to < units.size() && used + units.get(to).width() <= budget) {
      used += units.get(to++).width();
    }
    boolean cutRight = to < units.size() || end < len;
    if (cutRight) {
      while (used + 1 > budget && to > caret + 1) {
        used -= units.get(--to).width();
      }
    }

    StringBuilder line = new StringBuilder(used + 8);
    StringBuilder pad = new StringBuilder();
    if (cutLeft) {
      line.append(ELLIPSIS);
      pad.append(' ');
    }
    for (int i = from; i < to; i++) {
      Unit u = units.get(i);
      line.append(u.text());
      if (i < caret) {
        pad.append(u.text().equals("\t") ? "\t" : " ".repeat(u.width()));
      }
    }
    if (cutRight) {
      line.append(ELLIPSIS);
    }
    return new Rendered(line.toString(), column > 0 ? pad.toString() : null);
  }

  /**
   * The common line, printable ASCII and tabs that fit uncut, rendered without decoding it: the
   * line as it is, and the padding its characters before the caret make. Null for any other line.
   */
  private static Rendered plain(String source, int column) {
    int len = source.length();
    int at = column > 0 ? Math.min(column - 1, len) : 0;
    int width = 0;
    int prefix = 0;
    for (int i = 0; i < len; i++) {
      char c = source.charAt(i);
      int w;
      if (c == '\t') {
        w = TAB_WIDTH;
      } else if (c >= ' ' && c < 0x7f) {
        w = 1;
      } else {
        return null;
      }
      width += w;
      if (i < at) {
        prefix += w;
      }
    }
    if (width > MAX_WIDTH || prefix > UNCUT_PREFIX) {
      return null;
    }
    if (column <= 0) {
      return new Rendered(source, null);
    }
    char[] pad = new char[at];
    for (int i = 0; i < at; i++) {
      pad[i] = source.charAt(i) == '\t' ? '\t' : ' ';
    }
    return new Rendered(source, new String(pad));
  }

  private static List<Unit> decode(String source, int start, int end) {
    List<Unit> units = new ArrayList<>();
    int i = start;
    while (i < end) {
      int len = Utf8.unitLength(source, i);
      int n = Math.min(Math.abs(len), end - i);
      String text;
      int width;
      if (source.charAt(i) == '\t') {
        text = "\t";
        width = TAB_WIDTH;
      } else {
        int cp = len > 0 && n == len ? Utf8.codePoint(source, i, len) : Utf8.REPLACEMENT;
        String esc = Visible.escape(cp);
        text = esc != null ? esc : new String(Character.toChars(cp));
        width = esc != null ? esc.length() : Visible.width(cp);
      }
      units.add(new Unit(i, text, width));
      i += n;
    }
    return units;
  }

  private static int byteLength(List<Unit> units, int i, int end) {
    return (i + 1 < units.size() ? units.get(i + 1).start() : end) - units.get(i).start();
  }

  private static int width(List<Unit> units, int from, int to) {
    int w = 0;
    for (int i = from; i < to; i++) {
      w += units.get(i).width();
    }
    return w;
  }

  private static boolean isContinuation(char b) {
    return (b & 0xc0) == 0x80;
  }
}
