package io.accessctl.rules;

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

  /** The LHS tokens the matcher compares with a workspace token (in any case), not patterns. */
  private static boolean comparedAsIs(char kind) {
    return switch (kind) {
      case Meta.MATCHZANY, Meta.MATCHANY, Meta.MATCHONE, Meta.MATCHCLASS, Meta.MATCHNCLASS,
          Meta.MATCHZERO, Meta.MACRODEXPAND -> false;
      default -> true;
    };
  }
}
