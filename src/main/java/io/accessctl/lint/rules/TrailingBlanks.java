package io.accessctl.lint.rules;

import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.Needs;
import io.accessctl.catalog.Tag;
import io.accessctl.lint.EntryRule;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;
import io.accessctl.source.SourceLine;

/** AC109: blanks at the end of a value are stored verbatim. */
public final class TrailingBlanks extends EntryRule {
  static final RuleInfo INFO = new RuleInfo("AC109", "trailing-blanks", Severity.INFO,
      "blanks at the end of a value",
      """
      makemap stores the value byte for byte, trailing spaces and tabs included. sendmail's
      tokenizer ignores them for keywords, but they are invisible in the text, show up in dumps and
      diffs, and end up inside quoted messages.

      Wrong:
        Connect:spam.example REJECT␠␠
      Right:
        Connect:spam.example REJECT
      """);

  @Override
  public Needs needs() {
    return Needs.everyEntry().valueHolding(ByteClasses.BLANK);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(Entry e, Tag tag, LintContext ctx, Findings out) {
    // the last byte before any CR first: most values with a blank hold it inside, and keep no
    // string
    SourceLine line = e.line();
    int cut = line.endsWithCr() ? line.length() - 1 : line.length();
    int last = cut > e.valueColumn() - 1 ? line.byteAt(cut - 1) : 0;
    if (last != ' ' && last != '\t') {
      return;
    }
    String v = Values.withoutCr(e.value());
    if (!v.isEmpty() && (v.endsWith(" ") || v.endsWith("\t"))) {
      int end = v.length();
      int start = end;
      while (start > 0 && (v.charAt(start - 1) == ' ' || v.charAt(start - 1) == '\t')) {
        start--;
      }
      out.addRepeatable(INFO, INFO.severity(), e, e.valueColumn() + start,
          "value ends with " + (end - start) + " blank(s), which makemap stores as part of it;"
          + " remove them", "values end with blanks, which makemap stores as part of them;"
          + " remove them", false);
    }
  }
}
