package io.accessctl.source;

import java.util.List;

/**
 * Line-level edits of an access text map that leave every other byte as it was: new entries go
 * above the CanIt marker (CanIt owns what is below it), next to the last entry with the same tag
 * when there is one, else just above the marker, else at the end.
 */
public final class MapEditor {
  private final byte[] original;
  private final AccessSource parsed;

  public MapEditor(String name, byte[] original, ParseOptions options) {
    this.original = original;
    this.parsed = new AccessParser(options).parse(name, original);
  }

  public AccessSource parsed() {
    return parsed;
  }

  /**
   * Inserts a block of lines (each without its line ending: comments and entries) as one unit.
   * The block goes after the last entry above the marker whose tag is {@code tag} (any case), else
   * just above the first CanIt marker, else at the end of the file.
   */
  public Edit insert(String tag, List<String> block) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Sets KEY to VALUE: the existing entry's value is replaced in place, or a new line inserted. */
  public Edit set(String key, String value) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Removes the entry for KEY (compared as stored) above the marker; nothing when there is none. */
  public Edit delete(String key) {
    throw new UnsupportedOperationException("not built yet");
  }

  /**
   * The result of an edit.
   *
   * @param text the whole new text (the original array when nothing changed)
   * @param changed whether any byte differs
   * @param lines 1-based numbers, in the new text, of the lines inserted or rewritten
   * @param message what was done, for the user ("inserted at line 12", "already set", …)
   */
  public record Edit(byte[] text, boolean changed, List<Integer> lines, String message) {}

  /** An edit that cannot be made (the key is below the CanIt marker, has no value, …). */
  public static final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }
}
