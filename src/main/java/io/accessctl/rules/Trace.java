package io.accessctl.rules;

import java.util.List;

/**
 * What the engine reports while it runs, in the order {@code sendmail -bt} prints it: each
 * ruleset's input and result (subroutine calls nested inside their caller's pair), the errors
 * sendmail logs, and every key handed to a map.
 */
public interface Trace {
  /**
   * Whether this trace reads {@link #input} and {@link #returns}: the engine builds no view of
   * the workspace for one that does not (a ruleset starts and returns many times a question).
   */
  default boolean steps() {
    return true;
  }

  /** A ruleset starts on these tokens (a view of the workspace: copy it to keep it). */
  default void input(String ruleset, List<String> tokens) {}

  /** A ruleset ran to its end and returns these tokens (a view, as for input). */
  default void returns(String ruleset, List<String> tokens) {}

  /** An error sendmail reports while rewriting ({@code Infinite loop in ruleset …}). */
  default void error(String message) {}

  /** A key handed to a map and what came back. */
  default void lookup(String map, String key, MapClass.Result result) {}

  /** Reports nothing. */
  Trace NONE = new Trace() {
    @Override
    public boolean steps() {
      return false;
    }
  };
}
