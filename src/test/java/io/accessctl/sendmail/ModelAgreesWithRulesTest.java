package io.accessctl.sendmail;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.catalog.Tag;
import io.accessctl.rules.RulesetLookup;
import io.accessctl.testutil.AccessGen;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The hand-written model of proto.m4 ({@link Simulator}, what {@code --no-cf} answers with) and
 * Debian's cf run by the engine ({@link CfAnswers}) agree on many random questions: the same keys
 * of the tag's walks in the same order, the same deciding key and the same effect of its value.
 * Seeded; {@code -Daccessctl.seed=N} replays a run.
 */
class ModelAgreesWithRulesTest {
  private static final int CASES = 1400;

  @Test
  void theModelAndDebiansOwnRulesDecideAlike() throws Exception {
    long seed = AccessGen.seed();
    Map<String, String> map = new LookupGen(seed, false).map(700);
    Rules rules = Maps.debian();
    Map<String, Simulator> models = new HashMap<>();
    Map<String, CfAnswers> cfs = new HashMap<>();
    for (String t : LookupGen.TAGS) {
      // the tag's entries and the untagged ones: entries of other tags would make the other
      // checks of the same run (tls_client in check_mail, RateControl) decide first
      String[] lines = map.entrySet().stream()
          .filter(e -> KeyWhy.tagOf(e.getKey()).isEmpty()
              || KeyWhy.tagOf(e.getKey()).equalsIgnoreCase(t))
          .map(e -> e.getKey() + "\t" + e.getValue()).toArray(String[]::new);
      models.put(t, Maps.sim(rules, lines));
      cfs.put(t, CfAnswers.compile(rules, Maps.of(lines), RulesetLookup.hostSettings()));
    }
    LookupGen g = new LookupGen(AccessGen.caseSeed(seed, 1), false);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      Tag tag = Maps.tag(LookupGen.TAGS[i % LookupGen.TAGS.length]);
      String name = g.nameFor(tag);
      String addr = g.addrFor(tag);
      Query q = Query.of(tag, name, addr.isEmpty() && !name.isEmpty() ? Optional.empty()
          : Optional.of(addr));
      Answer byModel = models.get(tag.name()).lookup(q);
      Answer byRules = cfs.get(tag.name()).lookup(q);
      List<String> keys = walkKeys(byRules, tag);
      String modelSays = verdict(byModel);
      String rulesSay = verdict(byRules);
      if (!keys.equals(byModel.probes().stream().map(Probe::key).toList())
          || !modelSays.equals(rulesSay)) {
        failures.add("case " + i + " " + tag.name() + " \"" + name + "\" [" + addr + "]"
            + "\n  model keys: " + byModel.probes().stream().map(Probe::key).toList()
            + "\n  rules keys: " + keys + "\n  model: " + modelSays + "\n  rules: " + rulesSay
            + " " + byRules.steps());
      }
    }
    System.out.println("model and Debian's rules compared on " + CASES + " questions, "
        + AccessGen.replayHint(seed));
    assertThat(failures).as("%d of %d questions differ (%s)", failures.size(), CASES,
        AccessGen.replayHint(seed)).isEmpty();
  }

  /** The keys of the tag's own walks, as the model knows them. */
  private static List<String> walkKeys(Answer a, Tag tag) {
    List<String> keys = a.probes().stream().map(Probe::key).toList();
    boolean[] own = CfAnswers.own(keys, tag.name());
    List<String> out = new ArrayList<>();
    for (int i = 0; i < own.length; i++) {
      if (own[i]) {
        out.add(keys.get(i));
      }
    }
    return out;
  }

  private static String verdict(Answer a) {
    return a.match().map(Probe::storedKey).orElse("-") + " " + a.effect().code();
  }
}
