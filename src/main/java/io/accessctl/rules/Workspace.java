package io.accessctl.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The workspace sendmail's rscheck() hands a check ruleset: its arguments, each tokenized as a
 * {@code -bt} input line is, joined by the {@code $|} operator.
 */
public final class Workspace {
  private Workspace() {}

  /** The {@code $|} operator token (CONDELSE). */
  public static final String BAR = String.valueOf(Meta.CONDELSE);

  /** The arguments' tokens joined by {@code $|}. */
  public static List<String> of(Engine engine, List<String> arguments) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      if (i > 0) {
        tokens.add(BAR);
      }
      tokens.addAll(engine.inputTokens(arguments.get(i)));
    }
    return tokens;
  }
}
