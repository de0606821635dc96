package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Rule;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.SourceLine;
import io.accessctl.source.SyntaxIssue;
import java.util.Map;

/** AC112: a key alone on its line and its value on the next, as a wrapping editor leaves them. */
public final class WrappedValue implements Rule {
  static final RuleInfo INFO = new RuleInfo("AC112", "wrapped-value", Severity.ERROR,
      "a value wrapped onto the line after its key",
      """
      An entry is one line. When an editor or a mail program wraps a long line, the key stays
      alone on its line — makemap reports "no RHS for LHS" and drops it — and the value on the
      next line becomes a line of its own, whose first word makemap takes for a key ('REJECT'
      alone is dropped too, and reported on its line; 'ERROR:"550 go away"' is stored as the key
      'error:"550'). Neither line does what the entry meant. Join the two lines.

      Wrong:
        From:spammer.example
        ERROR:"550 5.7.1 go away"
      Right:
        From:spammer.example ERROR:"550 5.7.1 go away"
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  private static boolean droppedToo(LintContext ctx, int line) {
    return ctx.source().issues().stream().anyMatch(
        i -> i.line() == line && i.kind() == SyntaxIssue.Kind.MISSING_VALUE);
  }

  @Override
  public void check(LintContext ctx, Findings out) {
    if (ctx.source().issues().isEmpty()) {
      return;
    }
    for (Map.Entry<Integer, Damage.LineKind> d : Damage.lines(ctx).entrySet()) {
      if (d.getValue() != Damage.LineKind.KEY_OF_WRAPPED) {
        continue;
      }
      SourceLine key = ctx.source().line(d.getKey());
      SourceLine value = ctx.source().line(d.getKey() + 1);
      String keyText = key.text().strip();
      String valueText = value.text().strip();
      String joined = KeyRule.plain(keyText + " " + valueText);
      out.add(INFO, key, keyText.length() + 1, "the value of this key is on the next line (line "
          + value.number() + ": " + Values.quote(valueText) + "): makemap drops this line for"
          + " want of a value and reads the next as a key of its own; join them: " + joined);
      if (droppedToo(ctx, value.number())) {
        // makemap reports this line as well; say so here rather than as a key without value
        out.add(INFO, value, 1, "this is the value of the key on line " + key.number()
            + ", wrapped onto a line of its own, which makemap drops too; join them: " + joined);
      }
    }
  }
}
