package io.accessctl.lint;

/**
 * One finding at one place.
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
public record Diagnostic(
    String file, int line, int column, Severity severity, RuleInfo rule, String message,
    String sourceText, boolean fixable, String advice) {

  /** A finding about this line alone. */
  public Diagnostic(String file, int line, int column, Severity severity, RuleInfo rule,
      String message, String sourceText, boolean fixable) {
    this(file, line, column, severity, rule, message, sourceText, fixable, null);
  }

  public String ruleId() {
    return rule.id();
  }

  public String ruleName() {
    return rule.name();
  }
}
