package io.accessctl.cf;

import java.util.Optional;

/**
 * A map declaration, {@code Kname class args}, split as sendmail's readcf splits it: blanks after
 * the K; a name of letters, digits, '_' and '.' that starts with a letter or digit; the one
 * character after the name skipped whatever it is; blanks; a class of letters and digits; the one
 * character after it skipped; blanks; the arguments, whose last word is the map's file for the
 * classes that have one.
 *
 * @param name the map's name ({@code access})
 * @param mapClass its class ({@code hash}, {@code btree}, {@code cdb}, {@code socket}, …)
 * @param args the rest of the line ({@code -T<TMPF> /etc/mail/access}), as written
 */
public record KLine(String name, String mapClass, String args) {

  /**
   * Splits a K line (the {@code K} included).
   *
   * @return empty when the line has no name or no class, which sendmail rejects
   */
  public static Optional<KLine> parse(String line) {
    int n = line.length();
    int p = skipBlanks(line, 1);
    if (p >= n || !isAlnum(line.charAt(p))) {
      return Optional.empty();
    }
    int nameStart = p;
    while (++p < n && (isAlnum(line.charAt(p)) || line.charAt(p) == '_'
        || line.charAt(p) == '.')) {
      // the map's name
    }
    String name = line.substring(nameStart, p);
    p = skipBlanks(line, p + 1);
    if (p >= n || !isAlnum(line.charAt(p))) {
      return Optional.empty();
    }
    int classStart = p;
    while (++p < n && isAlnum(line.charAt(p))) {
      // the class
    }
    String mapClass = line.substring(classStart, p);
    p = skipBlanks(line, p + 1);
    return Optional.of(new KLine(name, mapClass, p < n ? line.substring(p) : ""));
  }

  /** The last word of the arguments: the map's file for hash, btree, cdb; "" when none. */
  public String file() {
    String[] words = args.strip().split("\\s+");
    return words[words.length - 1];
  }

  private static int skipBlanks(String s, int from) {
    int p = from;
    // C's isspace and the regex class \s are the same six characters
    while (p < s.length() && CfText.isRegexSpace(s.charAt(p))) {
      p++;
    }
    return p;
  }

  private static boolean isAlnum(char c) {
    return c < 0x80 && Character.isLetterOrDigit(c);
  }
}
