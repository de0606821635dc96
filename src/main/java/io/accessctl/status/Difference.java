package io.accessctl.status;

/**
 * One entry on which the text and the db disagree. Keys and values are ISO-8859-1 strings, one
 * char a byte, without the trailing NUL of a -N map.
 *
 * @param kind how they disagree
 * @param key the key as stored
 * @param textValue the value in the text, or null
 * @param dbValue the value in the db, or null
 * @param line the text's line number, or 0 for an entry only in the db
 */
public record Difference(Kind kind, String key, String textValue, String dbValue, int line) {
  /** How the two sides disagree. */
  public enum Kind {
    ONLY_IN_TEXT("only-in-text"),
    ONLY_IN_DB("only-in-db"),
    DIFFERENT_VALUE("different-value");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** The stable name used in JSON. */
    public String id() {
      return id;
    }
  }
}
