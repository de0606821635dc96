package io.accessctl.source;

import java.util.List;

/**
 * A parsed access text map: every line with its position, the entries makemap would store, and
 * what makemap would report.
 *
 * @param name the file name used in messages
 * @param options how it was parsed
 * @param lines every line, in order
 * @param entries the entries in input order, duplicates included (see {@link #issues()})
 * @param issues what makemap reports, in line order
 * @param canitMarkers the comment lines that carry the CanIt marker, in order
 */
public record AccessSource(
    String name, ParseOptions options, List<SourceLine> lines, List<Entry> entries,
    List<SyntaxIssue> issues, List<SourceLine> canitMarkers) {

  /** The comment makemap ignores but CanIt reads: everything below it belongs to CanIt. */
  public static final String CANIT_MARKER =
      "# DO NOT EDIT BELOW THIS LINE: CANIT MAY DELETE CHANGES BELOW THIS LINE";
  /** The part of the marker that identifies it, whatever the punctuation around it. */
  public static final String CANIT_MARKER_CORE = "DO NOT EDIT BELOW THIS LINE";

  /** True when makemap would report nothing (exit 0) for this text. */
  public boolean isClean() {
    return issues.isEmpty();
  }

  /** True for a comment line that carries the CanIt marker. */
  static boolean isCanitMarker(SourceLine l) {
    return l.kind() == SourceLine.Kind.COMMENT && l.text().contains(CANIT_MARKER_CORE);
  }

  /** The line with the given number, or null. */
  public SourceLine line(int number) {
    int i = Math.min(number - 1, lines.size() - 1);
    // Line numbers are dense in accessctl mode; makemap mode may skip none either, so this is exact.
    if (i >= 0 && lines.get(i).number() == number) {
      return lines.get(i);
    }
    for (SourceLine l : lines) {
      if (l.number() == number) {
        return l;
      }
    }
    return null;
  }
}
