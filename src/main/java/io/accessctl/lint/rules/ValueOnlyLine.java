package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Rule;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;
import io.accessctl.source.SourceLine;
import java.util.Map;

/** AC227: a line that is only a value ({@code REJECT}, {@code ERROR:"550 …"}) with no key. */
public final class ValueOnlyLine implements Rule {
  static final RuleInfo INFO = new RuleInfo("AC227", "value-only-line", Severity.ERROR,
      "a line that holds a value and no key",
      """
      makemap takes the first word of every line for the key. A line that is only a value — a
      keyword alone, an ERROR:… reply, a reply such as '550 5.7.1 go away' — has lost its key:
      'REJECT' alone is dropped ("no RHS for LHS"), 'ERROR:"550 go away"' is stored under the
      key 'error:"550', which no ruleset asks for. Put the key the value belongs to in front of
      it, or delete the line.

      Wrong:
        ERROR:"550 5.7.1 go away"
      Right:
        From:spammer.example ERROR:"550 5.7.1 go away"
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx, Findings out) {
    Map<Integer, Damage.LineKind> lines = ctx.source().issues().isEmpty() ? Map.of()
        : Damage.lines(ctx);
    for (Map.Entry<Integer, Damage.LineKind> d : lines.entrySet()) {
      if (d.getValue() == Damage.LineKind.VALUE_ONLY) {
        report(ctx.source().line(d.getKey()), out);
      }
    }
    for (Entry e : ctx.source().entries()) {
      if (Damage.valueOnly(e) && !lines.containsKey(e.lineNumber())) {
        report(e.line(), out);
      }
    }
  }

  private static void report(SourceLine line, Findings out) {
    String value = line.text().strip();
    out.add(INFO, line, 1, "this line is only a value (" + Values.quote(value) + ") and has no"
        + " key: makemap takes " + Values.quote(Damage.firstWord(line)) + " for the key, which no"
        + " ruleset looks up; put the key it belongs to in front of it ("
        + KeyRule.plain("From:spammer.example " + value) + ", for example) or delete the line");
  }
}
