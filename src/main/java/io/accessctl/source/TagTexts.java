package io.accessctl.source;

import java.nio.charset.StandardCharsets;

/**
 * One string for each tag as written in a file: a map has a handful of tags and up to millions
 * of entries, and lint asks every entry for its tag, several times. Keeps the last tag of each
 * hash slot; a tag written in a new case or colliding with another simply gets a string of its
 * own.
 */
final class TagTexts {
  private static final int SLOTS = 64;

  private final String[] texts = new String[SLOTS];

  /**
   * The tag {@code data[from, from + length)} as a string (ISO-8859-1), shared with the entries
   * before it whose tag has the same bytes.
   *
   * @param hash any hash of the tag that equal bytes share (the parser's folded one)
   */
  String of(byte[] data, int from, int length, int hash) {
    int slot = (hash ^ (hash >>> SLOTS_SHIFT)) & (SLOTS - 1);
    String known = texts[slot];
    if (known != null && sameBytes(known, data, from, length)) {
      return known;
    }
    String text = new String(data, from, length, StandardCharsets.ISO_8859_1);
    texts[slot] = text;
    return text;
  }

  private static final int SLOTS_SHIFT = 16;

  private static boolean sameBytes(String s, byte[] data, int from, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (s.charAt(i) != (data[from + i] & 0xff)) {
        return false;
      }
    }
    return true;
  }
}
