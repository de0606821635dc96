package io.accessctl.source;

/**
 * Where one part of a file parsed in parts ({@link AccessParser}) starts: how many lines and
 * entries the parts before it hold. A part's lines and entries count from it, so that joining the
 * parts sets two numbers instead of renumbering every line and entry of the later part.
 *
 * <p>It also says how the part's keys are stored, a setting of the whole parse that every entry
 * needs: held here once rather than by each entry, whose object it would make 8 bytes larger.
 */
final class PartStart {
  private final boolean foldKeys;
  private int lines;
  private int entries;

  /** @param foldKeys whether stored keys are folded (makemap's default; not with -f) */
  PartStart(boolean foldKeys) {
    this.foldKeys = foldKeys;
  }

  /** Whether the part's stored keys are folded. */
  boolean foldKeys() {
    return foldKeys;
  }

  /** Lines before the part. */
  int lines() {
    return lines;
  }

  /** Entries before the part. */
  int entries() {
    return entries;
  }

  /** Places the part after {@code lines} lines and {@code entries} entries; before it is shared. */
  void place(int lines, int entries) {
    this.lines = lines;
    this.entries = entries;
  }
}
