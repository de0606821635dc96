package io.accessctl.rules;

import java.util.AbstractList;
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
    return new Unscanned(engine, arguments, true);
  }

  /** The tokens of the addresses of a {@code -bt} input line ({@link Engine#addresses}), in turn. */
  static List<String> ofAddresses(Engine engine, List<String> addresses) {
    return new Unscanned(engine, addresses, false);
  }

  /**
   * Texts not yet tokenized: read as a list, their tokens. The engine they were given for numbers
   * their tokens as it scans them, without a string for each ({@link Engine#run}).
   */
  static final class Unscanned extends AbstractList<String> {
    final Engine engine;
    final List<String> texts;
    /** Whether a {@code $|} stands between two texts' tokens. */
    final boolean barred;
    private List<String> tokens;

    private Unscanned(Engine engine, List<String> texts, boolean barred) {
      this.engine = engine;
      this.texts = texts;
      this.barred = barred;
    }

    private List<String> tokens() {
      if (tokens == null) {
        tokens = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
          if (i > 0 && barred) {
            tokens.add(BAR);
          }
          tokens.addAll(engine.inputTokens(texts.get(i)));
        }
      }
      return tokens;
    }

    @Override
    public String get(int index) {
      return tokens().get(index);
    }

    @Override
    public int size() {
      return tokens().size();
    }
  }
}
