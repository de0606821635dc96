package io.accessctl.source;

/**
 * A key/value pair that makemap would store.
 *
 * @param line the line it came from
 * @param key the key as written (not folded)
 * @param storedKey the key as stored: folded unless {@code -f}
 * @param value the value verbatim: trailing blanks, CR and any {@code #…} included
 * @param keyColumn 1-based byte column of the key
 * @param valueColumn 1-based byte column of the value
 */
public record Entry(
    SourceLine line, String key, String storedKey, String value, int keyColumn, int valueColumn) {

  public int lineNumber() {
    return line.number();
  }

  /** The tag part of the key ({@code Try_TLS} in {@code Try_TLS:host}), or "" for an untagged key. */
  public String tag() {
    int colon = key.indexOf(':');
    return colon < 0 ? "" : key.substring(0, colon);
  }

  /** The part after the tag and its colon; the whole key when untagged. */
  public String subject() {
    int colon = key.indexOf(':');
    return colon < 0 ? key : key.substring(colon + 1);
  }

  public boolean isTagged() {
    return key.indexOf(':') >= 0;
  }
}
