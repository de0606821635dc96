package io.accessctl.source;

/**
 * makemap's parsing switches, with makemap's defaults.
 *
 * @param delimiter the {@code -t} byte that separates key and value, or {@link #WHITESPACE} for any
 *     ASCII white space (makemap's default)
 * @param commentChar the {@code -D} byte that starts a comment line in column 1, or {@link #NONE}
 * @param foldKeys lower-case ASCII letters in keys (makemap folds unless {@code -f})
 * @param allowEmptyValues accept a key without value ({@code -e})
 * @param makemapLines read lines exactly as makemap does: at most 1023 bytes per read, the tail of a
 *     longer line parsed as the next line, and a NUL byte ending the text of a line. accessctl's own
 *     mode reads every line whole and reports long lines instead.
 */
public record ParseOptions(
    int delimiter, int commentChar, boolean foldKeys, boolean allowEmptyValues, boolean makemapLines) {

  /** {@link #delimiter()} value meaning "any ASCII white space". */
  public static final int WHITESPACE = -1;
  /** {@link #commentChar()} value meaning "no comment character" ({@code -D ''}). */
  public static final int NONE = -1;
  /** makemap's buffer: fgets reads at most this minus one bytes of a line at a time. */
  public static final int MAKEMAP_BUFFER = 1024;
  /** The most bytes of a line makemap reads at once; a line this long or longer is refused. */
  public static final int MAKEMAP_READ = MAKEMAP_BUFFER - 1;
  /** makemap's message for such a line. */
  public static final String LINE_TOO_LONG = "line too long (" + MAKEMAP_BUFFER + " bytes max)";

  /** makemap's defaults, with accessctl's whole-line reading. */
  public static ParseOptions defaults() {
    return new ParseOptions(WHITESPACE, '#', true, false, false);
  }

  public ParseOptions withDelimiter(int d) {
    return new ParseOptions(d, commentChar, foldKeys, allowEmptyValues, makemapLines);
  }

  public ParseOptions withCommentChar(int c) {
    return new ParseOptions(delimiter, c, foldKeys, allowEmptyValues, makemapLines);
  }

  public ParseOptions withFoldKeys(boolean f) {
    return new ParseOptions(delimiter, commentChar, f, allowEmptyValues, makemapLines);
  }

  public ParseOptions withAllowEmptyValues(boolean e) {
    return new ParseOptions(delimiter, commentChar, foldKeys, e, makemapLines);
  }

  public ParseOptions withMakemapLines(boolean m) {
    return new ParseOptions(delimiter, commentChar, foldKeys, allowEmptyValues, m);
  }

  // equals and hashCode written out: the record's generated ones link a tree of method handles
  // on first use, which costs more than the comparison is worth (app.LintAhead compares these
  // as a command starts)
  @Override
  public boolean equals(Object o) {
    return o instanceof ParseOptions p && delimiter == p.delimiter && commentChar == p.commentChar
        && foldKeys == p.foldKeys && allowEmptyValues == p.allowEmptyValues
        && makemapLines == p.makemapLines;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(new Object[] {delimiter, commentChar, foldKeys,
        allowEmptyValues, makemapLines});
  }

  /** True when {@code b} separates key from value under these options. */
  public boolean isSeparator(int b) {
    return delimiter == WHITESPACE ? Bytes.isSpace(b) : b == delimiter;
  }
}
