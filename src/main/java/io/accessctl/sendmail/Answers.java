package io.accessctl.sendmail;

/**
 * Answers lookup questions: {@link CfAnswers} with a cf's own rules, {@link Simulator} with the
 * model of the newest sendmail's (for {@code --no-cf}).
 */
public interface Answers {
  /** What sendmail decides for this query. */
  Answer lookup(Query q);
}
