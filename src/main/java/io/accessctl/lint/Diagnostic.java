package io.accessctl.lint;

import io.accessctl.source.SourceLine;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One finding at one place.
 *
 * <p>Its message may be composed only when first read ({@link #composed}): a report folds a
 * rule's findings that share advice into one ({@link Repeats}), so a large map's thousands of
 * such findings are written without their messages ever being made. The message is kept as its
 * parts ({@link #text()}), which a report writes one by one; {@link #message()} joins them.
 * Equal, hashed and printed as a record of the parts below would be.
 *
 * @param file the file name as given by the user
 * @param line 1-based line number, 0 for the file as a whole
 * @param column 1-based byte column, 0 when not applicable
 * @param severity effective severity (the rule's default unless the rule raised or lowered it)
 * @param rule the rule that found it
 * @param message what is wrong, what sendmail will do because of it, and what to write instead
 * @param sourceText the offending line's text (ISO-8859-1 byte string) for carets, or null
 * @param fixable true when {@code --fix} can repair it safely
 * @param advice what the finding has in common with the rule's findings on other lines, in the
 *     same words, or null when it is about this line alone (see {@link Repeats})
 */
public final class Diagnostic {
  private final String file;
  private final int line;
  private final int column;
  private final Severity severity;
  private final RuleInfo rule;
  /** Composes the message, or null when it was given. */
  private final Supplier<Message> compose;
  /** The message once made; threads that race make equal messages. */
  private Message text;
  /** The offending line's text as given, or null. */
  private final String sourceText;
  /** The offending line, whose text is made when asked, or null. */
  private final SourceLine source;
  /** Which of its file's entries the finding is about, or -1 when none is known. */
  private final int entry;
  private final boolean fixable;
  private final String advice;

  public Diagnostic(String file, int line, int column, Severity severity, RuleInfo rule,
      String message, String sourceText, boolean fixable, String advice) {
    this(file, line, column, severity, rule, null, message == null ? null : Message.of(message),
        sourceText, null, -1, fixable, advice);
  }

  /** A finding whose message is given as its parts. */
  public Diagnostic(String file, int line, int column, Severity severity, RuleInfo rule,
      Message message, String sourceText, boolean fixable, String advice) {
    this(file, line, column, severity, rule, null, message, sourceText, null, -1, fixable,
        advice);
  }

  /** A finding about this line alone. */
  public Diagnostic(String file, int line, int column, Severity severity, RuleInfo rule,
      String message, String sourceText, boolean fixable) {
    this(file, line, column, severity, rule, message, sourceText, fixable, null);
  }

  private Diagnostic(String file, int line, int column, Severity severity, RuleInfo rule,
      Supplier<Message> compose, Message text, String sourceText, SourceLine source, int entry,
      boolean fixable, String advice) {
    this.file = file;
    this.line = line;
    this.column = column;
    this.severity = severity;
    this.rule = rule;
    this.compose = compose;
    this.text = text;
    this.sourceText = sourceText;
    this.source = source;
    this.entry = entry;
    this.fixable = fixable;
    this.advice = advice;
  }

  /**
   * A finding a rule made at {@code line} (null for the file as a whole), about entry number
   * {@code entry} of the file (-1 for none), whose message is {@code made} or else made by
   * {@code compose} when first read: a pure function of what the rule saw, safe to call from any
   * thread.
   */
  static Diagnostic found(String file, SourceLine line, int entry, int column, Severity severity,
      RuleInfo rule, Message made, Supplier<Message> compose, boolean fixable, String advice) {
    return new Diagnostic(file, line == null ? 0 : line.number(), column, severity, rule,
        made == null ? compose : null, made, null, line, entry, fixable, advice);
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public Severity severity() {
    return severity;
  }

  public RuleInfo rule() {
    return rule;
  }

  /** What is wrong, as text (the parts of {@link #text()} joined). */
  public String message() {
    Message m = text();
    return m == null ? null : m.toString();
  }

  /** What is wrong, as the parts a report writes one after the other. */
  public Message text() {
    Message m = text;
    if (m == null && compose != null) {
      m = compose.get();
      text = m;
    }
    return m;
  }

  public String sourceText() {
    return sourceText != null || source == null ? sourceText : source.text();
  }

  /**
   * Which of its file's entries ({@code AccessSource.entries()}) the finding is about, or -1 when
   * it was not made about an entry (it may still be on an entry's line).
   */
  int entry() {
    return entry;
  }

  public boolean fixable() {
    return fixable;
  }

  public String advice() {
    return advice;
  }

  public String ruleId() {
    return rule.id();
  }

  public String ruleName() {
    return rule.name();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Diagnostic d && line == d.line && column == d.column
        && fixable == d.fixable && severity == d.severity && Objects.equals(file, d.file)
        && Objects.equals(rule, d.rule) && Objects.equals(message(), d.message())
        && Objects.equals(sourceText(), d.sourceText()) && Objects.equals(advice, d.advice);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, line, column, severity, rule, message(), sourceText(), fixable,
        advice);
  }

  @Override
  public String toString() {
    return "Diagnostic[file=" + file + ", line=" + line + ", column=" + column + ", severity="
        + severity + ", rule=" + rule + ", message=" + message() + ", sourceText=" + sourceText()
        + ", fixable=" + fixable + ", advice=" + advice + "]";
  }
}
