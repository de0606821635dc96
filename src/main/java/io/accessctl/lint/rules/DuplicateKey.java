package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;
import io.accessctl.source.SourceLine;
import io.accessctl.source.SyntaxIssue;

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
    Entry first = ctx.source().entries().stream()
        .filter(e -> e.lineNumber() == issue.firstLine()).findFirst().orElse(null);
    String kept = first == null ? "" : " and keeps its value " + Values.quote(first.value());
    out.add(INFO, line, 1, "key " + Values.quote(keyOf(line, ctx)) + " is already on line "
        + issue.firstLine() + ": makemap ignores this line" + kept + "; remove one of the two");
  }

  private static String keyOf(SourceLine line, LintContext ctx) {
    return ctx.source().entries().stream().filter(e -> e.line() == line).map(Entry::storedKey)
        .findFirst().orElse("");
  }
}
