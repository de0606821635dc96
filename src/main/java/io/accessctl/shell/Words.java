package io.accessctl.shell;

import java.util.ArrayList;
import java.util.List;

/** Splits a command line into words the way a POSIX shell does for plain words and quotes. */
final class Words {
  private Words() {}

  /**
   * The words of {@code line}: blanks separate them; '…' quotes literally; "…" quotes with
   * backslash escaping " and \; a backslash outside quotes escapes the next character.
   *
   * @throws IllegalArgumentException for an unterminated quote
   */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t') {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
        continue;
      }
      inWord = true;
      if (c == '\\' && i + 1 < line.length()) {
        w.append(line.charAt(++i));
      } else if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated ' quote");
        }
        w.append(line, i + 1, end);
        i = end;
      } else if (c == '"') {
        int j = i + 1;
        for (; j < line.length() && line.charAt(j) != '"'; j++) {
          char d = line.charAt(j);
          if (d == '\\' && j + 1 < line.length()
              && (line.charAt(j + 1) == '"' || line.charAt(j + 1) == '\\')) {
            d = line.charAt(++j);
          }
          w.append(d);
        }
        if (j >= line.length()) {
          throw new IllegalArgumentException("unterminated \" quote");
        }
        i = j;
      } else {
        w.append(c);
      }
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }
}
