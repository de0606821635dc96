package io.accessctl.rules;

import io.accessctl.tokens.TokenText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Which subroutine calls the engine may answer from what the same call answered before ({@link
 * CallMemo}), decided once for a compiled cf: a call whose rules read nothing but their tokens,
 * the question's macros (which the memo keys on) and maps whose answers a replay can stand for.
 *
 * <p>A ruleset is memoisable when none of its rules, nor those of any ruleset it names after
 * {@code $>}, names a map the memo cannot answer for (the {@code macro} map among them: a call
 * that sets a macro changes what later rules read). What the data decides — a {@code $>} or
 * {@code $(} whose name a binding or a map's value brings — cannot be seen here: the memo keeps a
 * call only when, as it ran, it asked only such maps and reported no error.
 */
final class CallPurity {
  private CallPurity() {}

  /**
   * The maps whose answers a replay can stand for, by name: {@link MapClass.Pure} ones, and file
   * maps, whose one memory (the key forms they found) the memo keys on and restores. Not the
   * {@code macro} map (it sets macros), text maps (one that cannot be read is read again at each
   * lookup), sequences (a replay could not tell which member found a key) or maps the caller
   * gave that do not say they are pure.
   */
  static Set<String> answerable(Map<String, MapClass> maps) {
    Set<String> out = new HashSet<>();
    maps.forEach((name, m) -> {
      if (m instanceof MapClass.Pure || m instanceof FileMap) {
        out.add(name);
      }
    });
    return Set.copyOf(out);
  }

  /**
   * Whether each ruleset (by number) is memoisable.
   *
   * @param number a ruleset's number by the name after {@code $>}, or -1
   */
  static boolean[] memoisable(RuleCode[][] code, Symbols symbols, Set<String> answerable,
      Map<String, MapClass> maps, ToIntFunction<String> number) {
    int n = code.length;
    boolean[] pure = new boolean[n];
    List<List<Integer>> callers = new ArrayList<>();
    for (int rs = 0; rs < n; rs++) {
      callers.add(new ArrayList<>());
    }
    for (int rs = 0; rs < n; rs++) {
      pure[rs] = true;
      for (RuleCode rule : code[rs]) {
        pure[rs] &= asksOnlyAnswerableMaps(rule, symbols, answerable, maps);
        for (int i = 0; i + 1 < rule.rhs.length; i++) {
          if (rule.rhsKinds[i] == Meta.CALLSUBR && rule.rhsKinds[i + 1] == 0) {
            int callee = number.applyAsInt(TokenText.stripQuotes(symbols.text(rule.rhs[i + 1])));
            if (callee >= 0) {
              callers.get(callee).add(rs);
            }
          }
        }
      }
    }
    // a ruleset that calls one that is not memoisable is not either
    List<Integer> impure = new ArrayList<>();
    for (int rs = 0; rs < n; rs++) {
      if (!pure[rs]) {
        impure.add(rs);
      }
    }
    while (!impure.isEmpty()) {
      int rs = impure.remove(impure.size() - 1);
      for (int caller : callers.get(rs)) {
        if (pure[caller]) {
          pure[caller] = false;
          impure.add(caller);
        }
      }
    }
    return pure;
  }

  /** Whether a rule names no map but those the memo can answer for. */
  private static boolean asksOnlyAnswerableMaps(RuleCode rule, Symbols symbols,
      Set<String> answerable, Map<String, MapClass> maps) {
    char[] kinds = rule.rhsKinds;
    for (int i = 0; i < kinds.length; i++) {
      switch (kinds[i]) {
        case Meta.HOSTBEGIN -> {
          if (!answerable.contains("host")) {
            return false;
          }
        }
        case Meta.LOOKUPBEGIN -> {
          if (i + 1 < kinds.length && kinds[i + 1] == 0) {
            String map = symbols.text(rule.rhs[i + 1]);
            // a map the cf does not declare is an error each time
            if (!maps.containsKey(map) || !answerable.contains(map)) {
              return false;
            }
          }
        }
        default -> { }
      }
    }
    return true;
  }
}
