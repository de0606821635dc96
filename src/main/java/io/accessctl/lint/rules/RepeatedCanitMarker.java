package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Rule;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.SourceLine;
import java.util.List;

/** AC502: CanIt's marker more than once. */
public final class RepeatedCanitMarker implements Rule {
  static final RuleInfo INFO = new RuleInfo("AC502", "canit-marker-twice", Severity.WARNING,
      "CanIt's marker appears more than once",
      """
      CanIt rewrites everything below its "DO NOT EDIT BELOW THIS LINE" marker. With two markers it
      is unclear which part CanIt owns: entries between them look safe to edit but are below the
      first marker. This usually comes from a merge or from pasting a second copy of the file.
      Keep one marker, above CanIt's entries.

      Wrong:
        # DO NOT EDIT BELOW THIS LINE: CANIT MAY DELETE CHANGES BELOW THIS LINE
        From:a@example.com REJECT
        # DO NOT EDIT BELOW THIS LINE: CANIT MAY DELETE CHANGES BELOW THIS LINE
      Right:
        # DO NOT EDIT BELOW THIS LINE: CANIT MAY DELETE CHANGES BELOW THIS LINE
        From:a@example.com REJECT
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx, Findings out) {
    List<SourceLine> markers = ctx.source().canitMarkers();
    for (int i = 1; i < markers.size(); i++) {
      out.add(INFO, markers.get(i), 1, "CanIt's marker again (first on line "
          + markers.get(0).number() + "): everything below the first one belongs to CanIt; "
          + "remove this copy");
    }
  }
}
