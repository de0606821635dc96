/**
 * What sendmail decides for an access-map tag: the questions {@code lookup TAG NAME}, the shell
 * and {@code suggest} ask, and their answers with a trace an admin can read.
 *
 * <p>With a sendmail.cf, {@link io.accessctl.sendmail.CfAnswers} answers from the cf's own rules,
 * run by the engine of {@code io.accessctl.rules}: {@link io.accessctl.sendmail.Checks} is the one
 * place that says which rulesets sendmail runs for a tag's check, on which arguments and macros,
 * and when (under delay_checks the client and sender checks run at RCPT time, in check_rcpt); the
 * keys come from the engine's own record of its access-map lookups (the engine's file map over
 * any storage, with the K line's folding and NUL handling, reports the key and record it read);
 * {@link io.accessctl.sendmail.KeyWhy} puts words to each key by comparing it with the
 * question; {@link io.accessctl.sendmail.Effects} words what the deciding value makes sendmail do,
 * and {@link io.accessctl.sendmail.Outcomes} lets what the rules returned overrule it where they
 * decided otherwise. {@code LookupRulesOracleTest} holds the keys and results equal to {@code
 * sendmail -bt -d38.20}'s on Debian's cf, m4-built cfs and a hand-edited one.
 *
 * <p>Without a cf ({@code --no-cf}), {@link io.accessctl.sendmail.Simulator} answers with a model
 * of the newest sendmail's proto.m4 rules ({@link io.accessctl.sendmail.Rules#assumed()});
 * {@code ModelAgreesWithRulesTest} holds it equal to Debian's cf run by the engine.
 *
 * <p>{@link io.accessctl.sendmail.TraceText} renders an {@link io.accessctl.sendmail.Answer} for
 * people; the command renders the JSON.
 */
package io.accessctl.sendmail;
