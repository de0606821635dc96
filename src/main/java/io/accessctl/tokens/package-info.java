/**
 * sendmail's tokenizer, one port for every reader of sendmail's tokens: the lint rules, the lookup
 * simulator and (later) the rewriting engine.
 *
 * <p>{@link io.accessctl.tokens.Prescan} is prescan() of parseaddr.c (8.17.1.9): the state
 * machine, the cf's OperatorChars, the two token tables sendmail reads with (map values and macro
 * values; the {@code sendmail -bt} input line, which has no comments), quoting, backslashes,
 * comments, angle brackets and the repairs at the end of a string or at a NUL. {@link
 * io.accessctl.tokens.TokenText} turns tokens back into text as sendmail does (cataddr(),
 * stripquotes(), and the form {@code sendmail -bt} prints, {@code M-x} for bytes above 0x7F);
 * {@link io.accessctl.tokens.MapValue} is map_rewrite(), which runs on a map's value before it is
 * tokenized; {@link io.accessctl.tokens.Strtol} is how sendmail reads numbers out of tokens; {@link
 * io.accessctl.tokens.Limits} names sendmail's compile-time limits once.
 *
 * <p>What proves it: {@code PrescanOracleTest} (tag {@code oracle}) stores a few thousand seeded
 * random strings of quotes, backslashes, parentheses, angle brackets, operators, blanks, control
 * characters, NUL and bytes 0x80-0xFF as access-map values (db5.3_load), has the real {@code
 * sendmail -bt} return each one's tokens through a map lookup, and compares them with this port's
 * token for token, byte for byte ({@code -d84.1}) and in -bt's own print form; it does the same for
 * seeded 7-bit strings typed as -bt's input line, with the table without comments.
 *
 * <p>This package uses no other package of accessctl, so every layer may use it.
 */
package io.accessctl.tokens;
