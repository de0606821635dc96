package io.accessctl.rules;

/**
 * One compiled R line: its LHS and RHS as tokens (operators as sendmail's bytes, see {@link Meta})
 * and the cf line it came from, with each token's operator ({@link Meta#kind}) worked out once.
 */
record Rule(String[] lhs, String[] rhs, int line, char[] lhsKinds, char[] rhsKinds) {

  static Rule of(String[] lhs, String[] rhs, int line) {
    return new Rule(lhs, rhs, line, kinds(lhs), kinds(rhs));
  }

  private static char[] kinds(String[] tokens) {
    char[] k = new char[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      k[i] = Meta.kind(tokens[i]);
    }
    return k;
  }
}
