package io.accessctl.source;

/**
 * Where one part of a file parsed in parts ({@link AccessParser}) starts: how many lines and
 * entries the parts before it hold. A part's lines and entries count from it, so that joining the
 * parts sets two numbers instead of renumbering every line and entry of the later part.
 */
final class PartStart {
  private int lines;
  private int entries;

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
