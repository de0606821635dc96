package io.accessctl.rules;

/**
 * One compiled R line: its LHS and RHS as tokens (operators as sendmail's bytes, see {@link Meta})
 * and the cf line it came from, with what the engine asks of every token on every try worked out
 * once: each token's operator ({@link Meta#kind}), and whether the RHS itself writes a token that
 * the lookup or subroutine step acts on.
 */
record Rule(String[] lhs, String[] rhs, int line, char[] lhsKinds, char[] rhsKinds,
    boolean rhsActs) {

  static Rule of(String[] lhs, String[] rhs, int line) {
    char[] rhsKinds = kinds(rhs);
    boolean acts = false;
    for (char k : rhsKinds) {
      acts |= Meta.actedOn(k);
    }
    return new Rule(lhs, rhs, line, kinds(lhs), rhsKinds, acts);
  }

  private static char[] kinds(String[] tokens) {
    char[] k = new char[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      k[i] = Meta.kind(tokens[i]);
    }
    return k;
  }
}
