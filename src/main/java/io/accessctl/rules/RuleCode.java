package io.accessctl.rules;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A {@link Rule} in the engine's terms: its tokens as numbers of the book's {@link Symbols}, with
 * each token's operator, the fold number an LHS literal is compared by, and the id byte of an
 * operator that has one ({@code $=X}, {@code $&x}, {@code $1}), else -1.
 */
final class RuleCode {
  final int[] lhsFold;
  final char[] lhsKinds;
  final int[] lhsArg;
  final int[] rhs;
  final char[] rhsKinds;
  final int[] rhsArg;
  /**
   * How many tokens the LHS starts with that the matcher compares as they are: a workspace that
   * does not start with them cannot match, which is checked before the matcher starts.
   */
  final int literalPrefix;
  /**
   * The fold numbers of the LHS literals after the {@link #literalPrefix}, each once: the matcher
   * compares every LHS literal with a workspace token of its fold number before the rule can
   * match, so a workspace that holds no token of one of them cannot match, whatever the patterns
   * around them bind.
   */
  final int[] required;
  /**
   * The bits of the {@link #required} literals ({@link #literalBits}): a workspace whose tokens'
   * bits, or'ed, lack one of them holds no token of some required literal.
   */
  long requiredBits;
  /** The RHS itself writes a token that the lookup step acts on ({@code $( $[}). */
  final boolean rhsLooks;
  /** The RHS itself writes a {@code $>}. */
  final boolean rhsCalls;

  RuleCode(Rule rule, Symbols symbols) {
    String[] lhs = rule.lhs();
    lhsFold = new int[lhs.length];
    lhsArg = new int[lhs.length];
    for (int i = 0; i < lhs.length; i++) {
      int id = symbols.id(lhs[i]);
      lhsFold[i] = symbols.fold(id);
      lhsArg[i] = symbols.arg(id);
    }
    lhsKinds = rule.lhsKinds();
    int prefix = 0;
    while (prefix < lhsKinds.length && comparedAsIs(lhsKinds[prefix])) {
      prefix++;
    }
    literalPrefix = prefix;
    required = required(lhsFold, lhsKinds, prefix);
    String[] r = rule.rhs();
    rhs = new int[r.length];
    rhsArg = new int[r.length];
    for (int i = 0; i < r.length; i++) {
      rhs[i] = symbols.id(r[i]);
      rhsArg[i] = symbols.arg(rhs[i]);
    }
    rhsKinds = rule.rhsKinds();
    boolean looks = false;
    boolean calls = false;
    for (char k : rhsKinds) {
      looks |= Meta.looksUp(k);
      calls |= k == Meta.CALLSUBR;
    }
    rhsLooks = looks;
    rhsCalls = calls;
  }

  /**
   * Gives the rules' required literals bits of a long, and each rule the bits it requires: the
   * literals most rules require a bit each, the others sharing bits (a shared bit only lets
   * rules through to the matcher). Returns the bits of each fold number.
   */
  static long[] assignBits(RuleCode[][] code, int folds) {
    int[] rules = new int[folds];
    for (RuleCode[] set : code) {
      for (RuleCode rule : set) {
        for (int f : rule.required) {
          rules[f]++;
        }
      }
    }
    Integer[] order = new Integer[folds];
    for (int f = 0; f < folds; f++) {
      order[f] = f;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(rules[b], rules[a]));
    long[] bits = new long[folds];
    for (int rank = 0; rank < folds && rules[order[rank]] > 0; rank++) {
      bits[order[rank]] = 1L << (rank % Long.SIZE);
    }
    for (RuleCode[] set : code) {
      for (RuleCode rule : set) {
        for (int f : rule.required) {
          rule.requiredBits |= bits[f];
        }
      }
    }
    return bits;
  }

  private static int[] required(int[] folds, char[] kinds, int prefix) {
    Set<Integer> seen = new LinkedHashSet<>();
    for (int i = 0; i < prefix; i++) {
      seen.add(folds[i]);
    }
    int[] out = new int[kinds.length];
    int n = 0;
    for (int i = prefix; i < kinds.length; i++) {
      if (comparedAsIs(kinds[i]) && seen.add(folds[i])) {
        out[n++] = folds[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The LHS tokens the matcher compares with a workspace token (in any case), not patterns. */
  private static boolean comparedAsIs(char kind) {
    return switch (kind) {
      case Meta.MATCHZANY, Meta.MATCHANY, Meta.MATCHONE, Meta.MATCHCLASS, Meta.MATCHNCLASS,
          Meta.MATCHZERO, Meta.MACRODEXPAND -> false;
      default -> true;
    };
  }
}
