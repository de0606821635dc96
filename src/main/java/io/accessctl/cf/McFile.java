package io.accessctl.cf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The m4 source of a sendmail.cf, as far as accessctl needs it: the FEATURE calls m4 would expand.
 * Text after {@code dnl} and after an unquoted {@code #} is not expanded by m4, so a FEATURE there
 * does not count; quotes are m4's {@code `...'} pairs.
 *
 * @param path the .mc file
 * @param features every active {@code FEATURE(`name', ...)} call, in file order
 */
public record McFile(Path path, List<McFile.Call> features) {

  /**
   * One macro call.
   *
   * @param name the first argument without quotes ({@code tls_failures})
   * @param line 1-based line of the call
   * @param text the call as written, up to its closing parenthesis
   */
  public record Call(String name, int line, String text) {}

  public McFile {
    features = List.copyOf(features);
  }

  /** The first active FEATURE with this name (any case), if any. */
  public Optional<Call> feature(String name) {
    // a loop, not findFirst: the JDK's own lambdas in FindOps are spun on every start, since the
    // launcher's archive does not hand them out (JDK 17), and a default lint asks this
    for (Call c : features) {
      if (c.name().equalsIgnoreCase(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * The .mc beside a cf: {@code NAME.mc} for {@code NAME.cf}, else {@code sendmail.mc} in the same
   * directory; empty when neither is readable.
   */
  static Optional<McFile> beside(Path cf) {
    Path dir = cf.toAbsolutePath().getParent();
    if (dir == null) {
      return Optional.empty();
    }
    String name = cf.getFileName().toString();
    String base = name.endsWith(".cf") ? name.substring(0, name.length() - 3) : name;
    for (Path candidate : List.of(dir.resolve(base + ".mc"), dir.resolve("sendmail.mc"))) {
      if (Files.isRegularFile(candidate) && Files.isReadable(candidate)) {
        try {
          return Optional.of(parse(candidate,
              new String(Files.readAllBytes(candidate), StandardCharsets.ISO_8859_1)));
        } catch (IOException unreadable) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** Finds the active FEATURE calls in m4 text. */
  public static McFile parse(Path path, String text) {
    List<Call> calls = new ArrayList<>();
    int depth = 0;
    int line = 1;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      }
      if (depth > 0) {
        depth += c == '`' ? 1 : c == '\'' ? -1 : 0;
        i++;
      } else if (c == '`') {
        depth = 1;
        i++;
      } else if (c == '#' || isWord(text, i, "dnl")) {
        int nl = text.indexOf('\n', i);
        i = nl < 0 ? text.length() : nl;
      } else if (isWord(text, i, "FEATURE") && i + 7 < text.length() && text.charAt(i + 7) == '(') {
        int close = closingParen(text, i + 7);
        String call = text.substring(i, close);
        String first = call.substring(8).split(",", 2)[0].replace("`", "").replace("'", "")
            .replace(")", "").strip();
        calls.add(new Call(first.toLowerCase(Locale.ROOT), line, call));
        i += 8;
      } else {
        i++;
      }
    }
    return new McFile(path, calls);
  }

  /** True when {@code word} starts at {@code i} as a whole m4 name. */
  private static boolean isWord(String text, int i, String word) {
    if (!text.startsWith(word, i)) {
      return false;
    }
    boolean before = i == 0 || !isNameChar(text.charAt(i - 1));
    int end = i + word.length();
    boolean after = end >= text.length() || !isNameChar(text.charAt(end));
    return before && after;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Index after the parenthesis that closes the one at {@code open}, quotes respected. */
  private static int closingParen(String text, int open) {
    int parens = 0;
    int quotes = 0;
    for (int j = open; j < text.length(); j++) {
      char c = text.charAt(j);
      if (quotes > 0) {
        quotes += c == '`' ? 1 : c == '\'' ? -1 : 0;
      } else if (c == '`') {
        quotes = 1;
      } else if (c == '(') {
        parens++;
      } else if (c == ')' && --parens == 0) {
        return j + 1;
      }
    }
    return text.length();
  }
}
