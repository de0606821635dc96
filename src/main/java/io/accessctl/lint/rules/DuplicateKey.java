package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;
import io.accessctl.source.SourceLine;
import io.accessctl.source.SyntaxIssue;
import java.util.List;

/** AC103: the same key twice after case folding; makemap keeps the first. */
public final class DuplicateKey extends IssueRule {
  static final RuleInfo INFO = new RuleInfo("AC103", "duplicate-key", Severity.ERROR,
      "the same key twice (after case folding)",
      """
      Keys are folded to lower case, so Try_TLS:Host.Example and try_tls:host.example are the same
      key. makemap keeps the first value, reports "duplicate key" for every later one and exits 65;
      Debian's /etc/mail/Makefile installs the map anyway. The later line — often the one just
      added — has no effect.

      Wrong:
        Try_TLS:mx.example YES
        Try_TLS:MX.example NO
      Right:
        Try_TLS:mx.example NO
      """);

  public DuplicateKey() {
    super(SyntaxIssue.Kind.DUPLICATE_KEY);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void report(SyntaxIssue issue, SourceLine line, LintContext ctx, Findings out) {
    Entry first = entryAt(issue.firstLine(), ctx);
    String kept = first == null ? "" : " and keeps its value " + Values.quote(first.value());
    Entry duplicate = entryAt(line.number(), ctx);
    String key = duplicate == null || duplicate.line() != line ? "" : duplicate.storedKey();
    out.add(INFO, line, 1, "key " + Values.quote(key) + " is already on line "
        + issue.firstLine() + ": makemap ignores this line" + kept + "; remove one of the two");
  }

  /** The first entry on line {@code number}, or null. */
  private static Entry entryAt(int number, LintContext ctx) {
    Entry[] at = ctx.memo("duplicate-key-entries", DuplicateKey::byLine);
    return number >= 0 && number < at.length ? at[number] : null;
  }

  /**
   * The first entry of each line, by line number: a map of many duplicates looked each of them
   * up twice in the list of all entries, which made it quadratic.
   */
  private static Entry[] byLine(LintContext ctx) {
    List<Entry> entries = ctx.source().entries();
    int last = 0;
    for (Entry e : entries) {
      last = Math.max(last, e.lineNumber());
    }
    Entry[] at = new Entry[last + 1];
    for (Entry e : entries) {
      if (at[e.lineNumber()] == null) {
        at[e.lineNumber()] = e;
      }
    }
    return at;
  }
}
