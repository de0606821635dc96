package io.accessctl.lint;

import io.accessctl.source.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-entry rules of one lint run, indexed by the entries they judge: for each tag of the
 * file (and for untagged entries) the rules whose {@link Needs} cover it, found once per file, so
 * that each entry costs its tag lookup and the rules that apply to it, and nothing more.
 */
final class Dispatch {
  private final LintContext ctx;
  private final EntryVisitor[] rules;
  private final boolean[] tokens;
  private final EntryView.Tags tags;
  /** Per tag group, the indexes into {@link #rules} that judge it. */
  private final int[][] byGroup;
  private final int[] untagged;

  Dispatch(LintContext ctx, List<EntryVisitor> visitors) {
    this.ctx = ctx;
    this.rules = visitors.toArray(new EntryVisitor[0]);
    this.tokens = new boolean[rules.length];
    Needs[] needs = new Needs[rules.length];
    for (int i = 0; i < rules.length; i++) {
      needs[i] = rules[i].needs();
      if (!needs[i].perEntry()) {
        throw new IllegalStateException(rules[i].info().id() + " is an EntryVisitor but does not"
            + " declare the entries it judges");
      }
      tokens[i] = needs[i].tokens();
    }
    this.tags = EntryView.Tags.of(ctx);
    this.byGroup = new int[tags.groups()][];
    for (int g = 0; g < byGroup.length; g++) {
      List<Integer> judging = new ArrayList<>();
      for (int i = 0; i < rules.length; i++) {
        if (needs[i].judges(tags.fileTag(g))) {
          judging.add(i);
        }
      }
      byGroup[g] = judging.stream().mapToInt(Integer::intValue).toArray();
    }
    List<Integer> judging = new ArrayList<>();
    for (int i = 0; i < rules.length; i++) {
      if (needs[i].untagged()) {
        judging.add(i);
      }
    }
    this.untagged = judging.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Hands every entry of the file to the rules that judge it, then lets each rule finish. */
  void run(Findings out) {
    for (Entry e : ctx.source().entries()) {
      int group = tags.groupOf(e);
      int[] judging = group == EntryView.UNTAGGED ? untagged : byGroup[group];
      if (judging.length == 0) {
        continue;
      }
      EntryView v = new EntryView(e, tags, group);
      for (int r : judging) {
        v.allowTokens(tokens[r]);
        rules[r].visit(v, ctx, out);
      }
    }
    for (EntryVisitor r : rules) {
      r.finish(ctx, out);
    }
  }
}
