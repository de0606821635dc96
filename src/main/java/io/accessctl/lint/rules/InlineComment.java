package io.accessctl.lint.rules;

import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.Needs;
import io.accessctl.catalog.Tag;
import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.EntryRule;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;
import java.util.List;
import java.util.Locale;

/**
 * AC108: a {@code # comment} after a value is part of the value. An error when that changes what
 * the value means (a keyword is no longer the keyword), a warning otherwise.
 */
public final class InlineComment extends EntryRule {
  static final RuleInfo INFO = new RuleInfo("AC108", "inline-comment", Severity.WARNING,
      "a comment after the value, which makemap keeps as part of the value",
      """
      An access map has comments only on lines that start with '#'. Everything after the key is
      the value, so 'NO # broken TLS' is stored as the value "NO # broken TLS" — which is not NO,
      and sendmail still tries STARTTLS. Keywords such as OK, RELAY, REJECT, NO and feature letters
      stop working; messages get the comment appended. Put the comment on its own line above the
      entry (accessctl and Webmin treat that line as the entry's description).

      Wrong:
        Try_TLS:broken.example NO # handshake fails
      Right:
        # handshake fails
        Try_TLS:broken.example NO
      """);

  @Override
  public Needs needs() {
    return Needs.everyEntry().valueHolding(ByteClasses.HASH);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(Entry e, Tag tag, LintContext ctx, Findings out) {
    String value = Values.withoutCr(e.value());
    int at = Values.inlineComment(value);
    if (at < 0) {
      return;
    }
    String before = value.substring(0, at).strip();
    String consequence = consequence(e, tag, before, value.substring(at));
    int column = e.valueColumn() + at;
    if (consequence != null) {
      out.add(INFO, Severity.ERROR, e, column, "value " + Values.quote(value) + " is not "
          + before + ", " + consequence + "; move the comment to its own line above the entry",
          false);
    } else {
      out.add(INFO, e, column, "the comment is part of the value " + Values.quote(value)
          + " (makemap has no inline comments); move it to its own line above the entry");
    }
  }

  /** What sendmail does instead when the comment spoils a keyword, or null if nothing changes meaning. */
  private static String consequence(Entry e, Tag tag, String before, String comment) {
    List<String> words = Values.words(before);
    if (tag == null || words.isEmpty()) {
      return untagged(e, before);
    }
    String host = e.subject().isEmpty() ? "every server" : e.subject();
    return switch (tag.value()) {
      case TRY_TLS -> words.size() == 1 && before.equalsIgnoreCase("NO")
          ? "so sendmail still tries STARTTLS with " + host : null;
      case ACTION -> words.size() == 1 && isAction(before)
          ? "so sendmail takes the whole value as the text of a rejection instead of "
              + before.toUpperCase(Locale.ROOT) : null;
      case FEATURE_FLAGS -> "so sendmail also reads the comment's words as flags ("
          + firstLetters(comment) + ")";
      case SPAM, CERT_RELAY, CITAG -> words.size() == 1
          ? "so sendmail does not see the keyword " + before.toUpperCase(Locale.ROOT) : null;
      default -> null;
    };
  }

  /** The first character of each word, quoted, separated by commas: 'a', 'b'. */
  private static String firstLetters(String comment) {
    StringBuilder s = new StringBuilder();
    for (String w : Values.words(comment)) {
      s.append(s.length() == 0 ? "'" : ", '").append(w.charAt(0)).append('\'');
    }
    return s.toString();
  }

  private static String untagged(Entry e, String before) {
    if (!e.isTagged() && Values.words(before).size() == 1 && isAction(before)) {
      return "so sendmail takes the whole value as the text of a rejection instead of "
          + before.toUpperCase(Locale.ROOT);
    }
    return null;
  }

  private static boolean isAction(String w) {
    return switch (w.toUpperCase(Locale.ROOT)) {
      case "OK", "RELAY", "REJECT", "DISCARD", "SKIP" -> true;
      default -> false;
    };
  }

  static boolean isValueKind(Tag tag, ValueKind kind) {
    return tag != null && tag.value() == kind;
  }
}
