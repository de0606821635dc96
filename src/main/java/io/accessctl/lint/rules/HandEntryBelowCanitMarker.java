package io.accessctl.lint.rules;

import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Rule;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;
import io.accessctl.source.SourceLine;

/** AC501: an entry CanIt did not write, below CanIt's marker, where CanIt will delete it. */
public final class HandEntryBelowCanitMarker implements Rule {
  static final RuleInfo INFO = new RuleInfo("AC501", "canit-marker", Severity.ERROR,
      "a hand-made entry below CanIt's \"DO NOT EDIT BELOW THIS LINE\" marker",
      """
      CanIt (Roaring Penguin) owns everything below the line
        # DO NOT EDIT BELOW THIS LINE: CANIT MAY DELETE CHANGES BELOW THIS LINE
      and rewrites that part from its database whenever its rules change, then rebuilds the map.
      An entry added there by hand works until the next rewrite and then silently disappears —
      typically a Try_TLS or Srv_Features line appended at the end of the file. CanIt writes
      Connect, From and To rules only, so accessctl reports every other entry below the marker.
      accessctl lint --fix moves such entries, with the comment lines directly above them, to just
      above the marker.

      Wrong:
        # DO NOT EDIT BELOW THIS LINE: CANIT MAY DELETE CHANGES BELOW THIS LINE
        From:spammer@example.com REJECT
        Try_TLS:broken.example NO
      Right:
        Try_TLS:broken.example NO
        # DO NOT EDIT BELOW THIS LINE: CANIT MAY DELETE CHANGES BELOW THIS LINE
        From:spammer@example.com REJECT
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx, Findings out) {
    SourceLine marker = CanitSection.marker(ctx.source());
    for (Entry e : CanitSection.handMade(ctx.source())) {
      out.add(INFO, Severity.ERROR, e, 1, "entry is below CanIt's marker on line "
          + marker.number() + ", and CanIt deletes what it did not write there on its next "
          + "rewrite; move it above the marker (accessctl lint --fix)", true);
    }
  }
}
