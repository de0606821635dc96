package io.accessctl.lint;

import io.accessctl.source.Entry;
import io.accessctl.source.SourceLine;
import java.util.ArrayList;
import java.util.List;

/** Collects what rules find, as diagnostics of one file. */
public final class Findings {
  private final String file;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public Findings(String file) {
    this.file = file;
  }

  public void add(RuleInfo rule, SourceLine line, int column, String message) {
    add(rule, rule.severity(), line, column, message, false);
  }

  public void add(RuleInfo rule, Entry entry, int column, String message) {
    add(rule, rule.severity(), entry.line(), column, message, false);
  }

  public void add(RuleInfo rule, Severity severity, SourceLine line, int column, String message,
      boolean fixable) {
    diagnostics.add(new Diagnostic(file, line == null ? 0 : line.number(), column, severity, rule,
        message, line == null ? null : line.text(), fixable));
  }

  /** A finding about the file as a whole (line 0). */
  public void addFileLevel(RuleInfo rule, Severity severity, String message) {
    diagnostics.add(new Diagnostic(file, 0, 0, severity, rule, message, null, false));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
