package io.accessctl.lint;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One finding at one place.
 *
 * <p>Its message may be composed only when first read ({@link #composed}): a report folds a
 * rule's findings that share advice into one ({@link Repeats}), so a large map's thousands of
 * such findings are written without their messages ever being made. Equal, hashed and printed as
 * a record of the parts below would be.
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
  private final Supplier<String> compose;
  /** The message once made; threads that race make equal strings. */
  private String message;
  private final String sourceText;
  private final boolean fixable;
  private final String advice;

  public Diagnostic(String file, int line, int column, Severity severity, RuleInfo rule,
      String message, String sourceText, boolean fixable, String advice) {
    this(file, line, column, severity, rule, null, message, sourceText, fixable, advice);
  }

  /** A finding about this line alone. */
  public Diagnostic(String file, int line, int column, Severity severity, RuleInfo rule,
      String message, String sourceText, boolean fixable) {
    this(file, line, column, severity, rule, message, sourceText, fixable, null);
  }

  private Diagnostic(String file, int line, int column, Severity severity, RuleInfo rule,
      Supplier<String> compose, String message, String sourceText, boolean fixable,
      String advice) {
    this.file = file;
    this.line = line;
    this.column = column;
    this.severity = severity;
    this.rule = rule;
    this.compose = compose;
    this.message = message;
    this.sourceText = sourceText;
    this.fixable = fixable;
    this.advice = advice;
  }

  /**
   * A finding whose message {@code compose} makes when it is first read: a pure function of what
   * the rule saw, safe to call from any thread.
   */
  static Diagnostic composed(String file, int line, int column, Severity severity, RuleInfo rule,
      Supplier<String> compose, String sourceText, boolean fixable, String advice) {
    return new Diagnostic(file, line, column, severity, rule, compose, null, sourceText, fixable,
        advice);
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

  public String message() {
    String m = message;
    if (m == null && compose != null) {
      m = compose.get();
      message = m;
    }
    return m;
  }

  public String sourceText() {
    return sourceText;
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
        && Objects.equals(sourceText, d.sourceText) && Objects.equals(advice, d.advice);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, line, column, severity, rule, message(), sourceText, fixable,
        advice);
  }

  @Override
  public String toString() {
    return "Diagnostic[file=" + file + ", line=" + line + ", column=" + column + ", severity="
        + severity + ", rule=" + rule + ", message=" + message() + ", sourceText=" + sourceText
        + ", fixable=" + fixable + ", advice=" + advice + "]";
  }
}
