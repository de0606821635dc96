package io.accessctl.lint.rules;

import io.accessctl.catalog.Catalog;
import io.accessctl.catalog.Tag;
import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.EntryView;
import io.accessctl.lint.EntryVisitor;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.source.Entry;
import io.accessctl.tokens.Prescan;
import java.util.List;
import java.util.Optional;

/**
 * A rule that judges the value of one entry (AC3xx).
 *
 * <p>Rules see the value as its writer meant it: a trailing CR (AC106's) and blanks (AC109's) are
 * gone, and so is an inline {@code # comment} (AC108's, which reports the comment itself). An empty
 * value is AC318's alone. So a value draws a report from a value rule only when the part before
 * any comment is wrong by itself. A line an edit broke (a quoted value, a lost comment, a value
 * alone: {@link Damage}) is the damage rules' alone. A value sendmail reads as no token at all ({@code (comment)})
 * is AC318's too.
 */
abstract class ValueRule extends EntryVisitor {

  /**
   * The value as meant, with sendmail's tokens.
   *
   * @param entry the entry
   * @param tag the catalogue's tag, or null for an unknown tag or an untagged key
   * @param text the value without CR, inline comment and surrounding blanks; never empty
   * @param column 1-based column of {@code text} in the line
   * @param tokens {@code text} as sendmail's rule engine splits it
   * @param untagged the key has no tag (an untagged {@code IPv6:…} address included)
   */
  record Value(Entry entry, Tag tag, String text, int column, List<Prescan.Token> tokens,
      boolean untagged, Shape shape) {

    /** The single token, in upper case, or "" when the value is not one token. */
    String singleWord() {
      return shape.singleWord;
    }

    /** The value read as an action (OK, REJECT, ERROR:…), parsed once per distinct value. */
    ActionValue action() {
      return shape.action();
    }

    int columnOf(Prescan.Token t) {
      return column + t.offset();
    }

    boolean is(ValueKind kind) {
      return tag != null && tag.value() == kind;
    }

    /** Connect, From, To and untagged keys: OK, RELAY, REJECT, ERROR:… and friends. */
    boolean isAction() {
      return is(ValueKind.ACTION) || untagged;
    }

    /** The value for messages, quoted. */
    String quoted() {
      return Values.quote(text);
    }

    /** Who the entry is about, for messages: the host, address or "every …" for a bare tag. */
    String subject(String everybody) {
      String s = entry.subject();
      return s.isEmpty() ? everybody : s;
    }
  }

  /**
   * What a value means whatever entry holds it: the text as meant, its tokens and what rules
   * parse from them. Maps repeat a few values (REJECT, NO, A P) thousands of times, so a file
   * makes one shape per distinct value ({@link ValueShapes}).
   */
  static final class Shape {
    private final String text;
    private final int lead;
    private final List<Prescan.Token> tokens;
    private final String singleWord;
    /** Parsed on first use; threads that race parse it alike. */
    private volatile ActionValue action;

    private Shape(String text, int lead, List<Prescan.Token> tokens) {
      this.text = text;
      this.lead = lead;
      this.tokens = tokens;
      this.singleWord = tokens.size() == 1
          ? tokens.get(0).text().toUpperCase(java.util.Locale.ROOT) : "";
    }

    /** The shape of a raw value (as the entry holds it), or null when sendmail reads nothing. */
    static Shape of(String value) {
      String raw = Values.withoutCr(value);
      if (escapes(raw)) {
        raw = value; // "\\" escapes the CR too: it stays in the last token
      }
      int comment = Values.inlineComment(raw);
      String meant = comment < 0 ? raw : raw.substring(0, comment);
      String text = meant.strip();
      if (text.isEmpty()) {
        return null;
      }
      int lead = meant.indexOf(text.charAt(0));
      int end = lead + text.length();
      if (escapes(text) && end < meant.length()) {
        text = meant.substring(lead, end + 1); // a backslash makes the blank after it part of a token
      }
      List<Prescan.Token> tokens = Prescan.tokens(text);
      return tokens.isEmpty() ? null : new Shape(text, lead, tokens);
    }

    ActionValue action() {
      if (action == null) {
        action = ActionValue.parse(tokens);
      }
      return action;
    }
  }

  /** How an edit broke the entry's line, if it did: asked by every value rule, found once. */
  private static final EntryView.Derived<Damage.Kind> DAMAGE = EntryView.Derived.of((v, ctx) ->
      Damage.of(v.entry(), !v.tagged(), v.tag(), ctx.catalog()));

  /** The entry's value as meant, once for all value rules (null: nothing for them to judge). */
  static final EntryView.Derived<Value> MEANT = EntryView.Derived.ofTokens((v, ctx) ->
      v.get(DAMAGE, ctx) != null ? null
          : valueOrNull(v.tag() == v.stockTag() ? v.get(KeyRule.KEY, ctx)
              : KeyRule.key(v, v.stockTag()), ctx.memo("value-shapes", ValueShapes::new),
              v.valueHash()));

  /** A damaged line is left to the damage rules, which read its key (see {@link #MEANT}). */
  @Override
  public final boolean keyDecides(EntryView v, LintContext ctx) {
    return v.get(DAMAGE, ctx) != null;
  }

  @Override
  public final void visit(EntryView e, LintContext ctx, Findings out) {
    if (silentOn(e.entry())) {
      return;
    }
    Value v = e.get(MEANT, ctx);
    if (v == null || (!judgesSkip() && v.singleWord().equals("SKIP"))) {
      return;
    }
    check(v, ctx, out);
  }

  /**
   * The value of an entry as its writer meant it. Empty when nothing is left, or nothing sendmail
   * would read (AC318's), and when
   * the line is {@code Tag: host value}: that key is the bare default by accident, and AC201
   * reports it with what the whole value does.
   */
  static Optional<Value> meant(Entry e, Catalog catalog) {
    return Optional.ofNullable(valueOrNull(KeyRule.key(e, catalog), new ValueShapes(),
        e.valueHash()));
  }

  /**
   * {@link #meant(Entry, Catalog)} of an entry whose key is split, null for empty: what every
   * entry's value rules ask.
   *
   * @param shapes the file's values' shapes made so far
   * @param valueHash the entry's {@link Entry#valueHash}
   */
  private static Value valueOrNull(KeyRule.Key key, ValueShapes shapes, int valueHash) {
    Entry e = key.entry();
    if (SpaceAfterColon.applies(key)) {
      return null;
    }
    Shape s = shapes.of(e, valueHash);
    if (s == null) {
      return null;
    }
    return new Value(e, key.tag(), s.text, e.valueColumn() + s.lead, s.tokens, key.untagged(), s);
  }

  /** True when the text ends in an odd number of backslashes, which escape what follows. */
  private static boolean escapes(String text) {
    int n = 0;
    for (int i = text.length() - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  /**
   * Whether this rule judges the value SKIP. Only AC306 and AC307 do (and AC322 for its case):
   * SKIP is meaningful wherever a domain or address walk runs, and those two say where it is not.
   */
  protected boolean judgesSkip() {
    return false;
  }

  /**
   * Whether the rule stays silent on the entry whatever its value means, as its value's bytes
   * alone show: a rule with such a test saves taking apart each value it would pass anyway.
   */
  protected boolean silentOn(Entry e) {
    return false;
  }

  /** Checks one non-empty value. */
  protected abstract void check(Value v, LintContext ctx, Findings out);
}
