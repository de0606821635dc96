/**
 * The rewriting engine: a sendmail.cf's own rulesets, compiled once and run as sendmail's
 * rewrite() runs them (parseaddr.c, 8.17.1), so that any cf answers for itself.
 *
 * <p>{@link io.accessctl.rules.Compiler} reads the cf in file order as readcf.c does ({@code
 * translate_dollars()}, {@code expand()}, prescan() of each rule side with the cf's
 * OperatorChars): S lines by name and number (named ones numbered from 199 down, at most 100),
 * R lines, C and F classes, D macros, K maps, BlankSub and MaxRuleRecursion, into a {@link
 * io.accessctl.rules.RuleBook}. {@link io.accessctl.rules.Engine} runs rulesets on the tokens of a
 * {@code sendmail -bt} input line: LHS matching with backtracking ({@code $* $+ $- $@ $=X $~X
 * $&x} and literals in any case), RHS {@code $n $: $@ $# $&x}, map lookups {@code $( $)} and
 * {@code $[ $]}, subroutine calls {@code $>} from the right, the limits (100 applications of one
 * rule, MaxRuleRecursion, MAXATOM tokens, prescan()'s buffer) and the errors and statuses they
 * cause. Maps are {@link io.accessctl.rules.MapClass}es: hash, btree and cdb files through the
 * mapfile readers, text maps, and the computed classes macro, arith, dequote, regex and
 * sequence; classes that need the network or the system (host, dnsbl, ldap, socket, …) answer
 * "not found" and say so, unless the caller passes a map of its own ({@link
 * io.accessctl.rules.Settings}). {@link io.accessctl.rules.RulesetLookup} is {@code lookup
 * --ruleset}.
 *
 * <p>For speed the engine works on numbers, not strings: the book numbers its rules' texts
 * ({@code Symbols}, texts equal in any case sharing a fold number) and keeps each rule in those
 * terms ({@code RuleCode}); an engine's workspaces are arrays of token numbers ({@code TokenIds}),
 * so a literal is compared by one int and a token's operator is looked up, not parsed. A batch
 * asks the same subroutine calls again and again (the parent domains and networks of proto.m4's
 * walks, a recipient's checks): an engine keeps what a call of a ruleset that reads only its
 * tokens, macros and maps whose answers replay did ({@code CallPurity} decides which, once per
 * cf) and replays it where it would run alike ({@code CallMemo}: the same tokens, the same values
 * of the macros it read): the same lookups reported in order, the same result, limits and
 * file-map state. Calls are found by their token numbers ({@code CallTable}), so an engine gives
 * a text its questions bring again and again one number, and forgets its calls when it forgets
 * its question texts.
 *
 * <p>What proves it: {@code RandomRulesOracleTest} (random rules over every operator, loops,
 * overlong expansions and deep recursion, on random inputs) and {@code CfRulesetsOracleTest}
 * (Debian's cf, m4-built cfs with feature combinations and local rules, a hand-edited cf) compare
 * every line {@code sendmail -bt -d38.20} prints about the rewriting with the engine's trace;
 * {@code CallMemoTest} runs random rules with and without the memory of calls and demands the
 * same.
 *
 * <p>This package knows nothing of the access map's tags: it runs any cf.
 */
package io.accessctl.rules;
