package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Rule;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.SourceLine;

/** AC107: a UTF-8 byte order mark becomes part of the first key. */
public final class Utf8Bom implements Rule {
  static final String BOM = "\u00ef\u00bb\u00bf";
  static final RuleInfo INFO = new RuleInfo("AC107", "utf8-bom", Severity.WARNING,
      "the file starts with a UTF-8 byte order mark",
      """
      Some editors put the three bytes EF BB BF at the start of a UTF-8 file. makemap does not know
      them: they become the start of the first key (or make a first comment line an entry), so that
      entry never matches. accessctl lint --fix removes them.

      Wrong:
        <BOM>Connect:spam.example REJECT
      Right:
        Connect:spam.example REJECT
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx, Findings out) {
    if (ctx.source().lines().isEmpty()) {
      return;
    }
    SourceLine first = ctx.source().lines().get(0);
    if (first.text().startsWith(BOM)) {
      out.add(INFO, Severity.WARNING, first, 1, "file starts with a UTF-8 byte order mark, which "
          + "makemap stores as part of the first key so it never matches; save without BOM "
          + "(accessctl lint --fix)", true);
    }
  }
}
