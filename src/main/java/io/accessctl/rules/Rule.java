package io.accessctl.rules;

/**
 * One compiled R line: its LHS and RHS as tokens (operators as sendmail's bytes, see {@link Meta})
 * and the cf line it came from.
 */
record Rule(String[] lhs, String[] rhs, int line) {}
