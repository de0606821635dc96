package io.accessctl.lint.rules;

import io.accessctl.catalog.Catalog;
import io.accessctl.catalog.Tag;
import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.LintContext;
import io.accessctl.source.Bytes;
import io.accessctl.source.Entry;
import io.accessctl.source.SourceLine;
import io.accessctl.source.SyntaxIssue;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lines an edit broke rather than wrote: a whole value in quotes, a comment that lost its
 * {@code #}, a tag followed by a blank instead of its colon, a value on a line of its own. Read as
 * written, such a line is a strange key or value and several rules would each say something
 * beside the point about it; instead the rule that names the damage reports it once (AC112
 * wrapped-value, AC226 tag-without-colon, AC227 value-only-line, AC228 lost-comment, AC324
 * quoted-value), and the rules that read keys and values (AC102, AC202, AC203, the value rules)
 * ask {@link #of(Entry, Catalog)} or {@link #claimsLine} and leave a damaged line alone.
 */
final class Damage {
  /** What broke an entry's line. */
  enum Kind {
    QUOTED_VALUE, LOST_COMMENT, TAG_WITHOUT_COLON, VALUE_ONLY
  }

  /** How a line without a value is damaged, as AC112 and AC227 report it. */
  enum LineKind {
    /** A key whose value is on the next line. */
    KEY_OF_WRAPPED,
    /** The value of the key on the line before. */
    WRAPPED_VALUE,
    /** A value with no key before it. */
    VALUE_ONLY
  }

  private Damage() {}

  /**
   * The damage of an entry's line, or null for an entry written as meant.
   *
   * @param untagged the key has no tag, as the rules split keys
   * @param tag the file catalogue's tag, null when untagged or unknown
   */
  static Kind of(Entry e, boolean untagged, Tag tag, Catalog catalog) {
    boolean bareUnknown = !untagged && tag == null && e.hasEmptySubject();
    boolean action = untagged || tag != null && tag.value() == ValueKind.ACTION;
    if (!untagged && !bareUnknown && !(action && mayBeQuoted(e)) && !mayBeValueOnly(e)) {
      return null; // the common case, decided from the line's bytes
    }
    if (valueOnly(e)) {
      return Kind.VALUE_ONLY;
    }
    List<String> words = Values.words(Values.intended(e.value()));
    if (untagged || bareUnknown) {
      if (Ascii.isTagWord(untagged ? e.key() : e.tag()) && isProse(words)) {
        return Kind.LOST_COMMENT;
      }
      if (untagged && tagWithoutColon(e.key(), words, catalog).isPresent()) {
        return Kind.TAG_WITHOUT_COLON;
      }
    }
    return action && quotedValue(Values.intended(e.value())) != null ? Kind.QUOTED_VALUE : null;
  }

  /** An entry whose key is a value (ERROR:…, 550, "REJECT", a keyword with no value after it). */
  static boolean valueOnly(Entry e) {
    return mayBeValueOnly(e)
        && isValueWord(e.key(), !Values.words(Values.intended(e.value())).isEmpty());
  }

  private static boolean mayBeValueOnly(Entry e) {
    int c = e.line().byteAt(0);
    return c == '"' || c == '4' || c == '5' || e.tagIs("ERROR") || e.tagIs("QUARANTINE")
        || e.tagEnd() < 0 && Ascii.isLetter((char) c);
  }

  private static boolean mayBeQuoted(Entry e) {
    int at = e.valueColumn() - 1;
    return at < e.line().length() && e.line().byteAt(at) == '"';
  }

  /**
   * True for a word that can only be a value: {@code ERROR:…}, {@code QUARANTINE:…}, a reply code
   * such as {@code 550}, any of these in quotes, or a keyword (OK, REJECT, …) with nothing after
   * it.
   *
   * @param more whether words follow it on the line
   */
  static boolean isValueWord(String word, boolean more) {
    String w = word.startsWith("\"") ? word.substring(1) : word;
    String upper = w.toUpperCase(Locale.ROOT);
    if (upper.startsWith("ERROR:") || upper.startsWith("QUARANTINE:") || isReplyCode(w)) {
      return true;
    }
    if (upper.endsWith("\"") && word.startsWith("\"")) {
      upper = upper.substring(0, upper.length() - 1);
    }
    return !more && ActionValue.KEYWORDS.contains(upper);
  }

  private static boolean isReplyCode(String w) {
    return w.length() == 3 && (w.charAt(0) == '4' || w.charAt(0) == '5')
        && Ascii.isDigit(w.charAt(1)) && Ascii.isDigit(w.charAt(2));
  }

  /**
   * Words that read as a sentence: two or more, most of them plain words of letters, the first
   * neither a keyword nor a reply nor a key.
   */
  static boolean isProse(List<String> words) {
    if (words.size() < 2 || isValueWord(words.get(0), true)
        || ActionValue.KEYWORDS.contains(words.get(0).toUpperCase(Locale.ROOT))
        || SpaceAfterColon.looksLikeSubject(words.get(0))) {
      return false;
    }
    int plain = 0;
    boolean lower = false;
    for (String w : words) {
      if (isKeyOrValueSyntax(w)) {
        return false;
      }
      if (isPlainWord(w)) {
        plain++;
        lower |= w.length() >= 3 && Ascii.isLower(w.charAt(w.length() - 1 - trailingPunct(w)));
      }
    }
    return lower && plain * 2 >= words.size() + 1;
  }

  /** A word with an inner colon, @, =, quote or angle bracket: key or value syntax, not prose. */
  private static boolean isKeyOrValueSyntax(String w) {
    for (int i = 0; i < w.length() - 1; i++) {
      if (":@=\"<>".indexOf(w.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPlainWord(String w) {
    int end = w.length() - trailingPunct(w);
    if (end == 0 || !Ascii.isLetter(w.charAt(0))) {
      return false;
    }
    for (int i = 1; i < end; i++) {
      char c = w.charAt(i);
      if (!Ascii.isLetter(c) && c != '\'' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static int trailingPunct(String w) {
    char c = w.charAt(w.length() - 1);
    return w.length() > 1 && ",.;:!?)".indexOf(c) >= 0 ? 1 : 0;
  }

  /**
   * The tag an untagged key names when the writer put a blank where its colon belongs ({@code
   * TLS_Srv VERIFY+CN}, {@code Try_TLS broken.example NO}): the key is a tag, and the value is
   * not an action (an action after a tag-named key is an entry for a host of that name).
   */
  static Optional<Tag> tagWithoutColon(String key, List<String> words, Catalog catalog) {
    if (words.isEmpty() || !Ascii.isTagWord(key)) {
      return Optional.empty();
    }
    Optional<Tag> tag = catalog.find(key);
    if (tag.isEmpty()) {
      return tag;
    }
    String first = words.get(0);
    boolean subject = words.size() >= 2 && SpaceAfterColon.looksLikeSubject(first);
    boolean action = ActionValue.KEYWORDS.contains(first.toUpperCase(Locale.ROOT)) || isValueWord(first, true);
    return subject || !action ? tag : Optional.empty();
  }

  /**
   * The value inside the quotes when a whole ERROR: or QUARANTINE: value is quoted ({@code
   * "ERROR:550 go away"}), else null. A quoted keyword ({@code "OK"}) is AC313's, and a quoted
   * reply ({@code "550 go away"}) works: sendmail takes its code.
   */
  static String quotedValue(String value) {
    if (value.length() < 3 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"'
        || value.indexOf('"', 1) != value.length() - 1) {
      return null;
    }
    String inside = value.substring(1, value.length() - 1).strip();
    String upper = inside.toUpperCase(Locale.ROOT);
    return upper.startsWith("ERROR:") || upper.startsWith("QUARANTINE:") ? inside : null;
  }

  /** The damaged lines of the file that have no entry (makemap's "no RHS" lines), by number. */
  static Map<Integer, LineKind> lines(LintContext ctx) {
    return ctx.memo("damaged-lines", () -> findLines(ctx));
  }

  /** True when AC112 or AC227 report the line: other rules leave it alone. */
  static boolean claimsLine(LintContext ctx, int number) {
    return !ctx.source().issues().isEmpty() && lines(ctx).containsKey(number);
  }

  private static Map<Integer, LineKind> findLines(LintContext ctx) {
    Map<Integer, LineKind> out = new HashMap<>();
    for (SyntaxIssue issue : ctx.source().issues()) {
      if (issue.kind() != SyntaxIssue.Kind.MISSING_VALUE || out.containsKey(issue.line())) {
        continue;
      }
      String key = firstWord(ctx.source().line(issue.line()));
      if (isValueWord(key, false)) {
        out.put(issue.line(), LineKind.VALUE_ONLY);
        continue;
      }
      SourceLine next = ctx.source().line(issue.line() + 1);
      if (next != null && startsWithValue(next)) {
        out.put(issue.line(), LineKind.KEY_OF_WRAPPED);
        out.put(next.number(), LineKind.WRAPPED_VALUE);
      }
    }
    return out;
  }

  /** True when the line's first word is a value (ERROR:…, 550, "REJECT", or a keyword alone). */
  static boolean startsWithValue(SourceLine line) {
    if (line.kind() != SourceLine.Kind.ENTRY && line.kind() != SourceLine.Kind.INVALID) {
      return false;
    }
    String text = line.text();
    String first = firstWord(line);
    return !first.isEmpty() && !Bytes.isSpace(text.charAt(0))
        && isValueWord(first, !Values.words(Values.intended(text.substring(first.length())))
            .isEmpty());
  }

  static String firstWord(SourceLine line) {
    List<String> words = Values.words(line.text());
    return words.isEmpty() ? "" : words.get(0);
  }
}
