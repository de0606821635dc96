package io.accessctl.lint;

/**
 * A finding's message as the texts it is made of: the words its rule says on every such finding,
 * shared, and the few values of this one (a key, a value), in order.
 *
 * <p>A large map draws tens of thousands of findings whose messages differ in a word or two. Kept
 * as parts, such a message is never joined into a string of its own: a report writes the parts
 * one after the other straight into its output ({@code io.accessctl.report}), and a fold of
 * repeated findings ({@link Repeats}) hashes it from the parts' hashes, the shared words' made
 * once. The text is the parts joined ({@link #toString}), and a message equals, and hashes as,
 * any other of the same text, however it is cut into parts.
 *
 * <p>No two parts meet inside a surrogate pair (a message whose parts would is kept as one), so
 * escaping the parts one by one escapes the text.
 */
public final class Message {
  private final String[] parts;
  /** The text, once joined; threads that race join equal strings. */
  private String text;
  /** The text's {@link String#hashCode} once computed, else 0 (as a text of hash 0 stays). */
  private int hash;

  private Message(String[] parts) {
    this.parts = parts;
    if (parts.length == 1) {
      text = parts[0];
    }
  }

  /** A message of one text. */
  public static Message of(String text) {
    return new Message(new String[] {text});
  }

  /**
   * A message of these texts, in order: the words a rule repeats on every such finding are best
   * given as the same strings each time (constants), the values of this finding between them.
   */
  public static Message of(String... parts) {
    if (parts.length == 0) {
      return of("");
    }
    String[] own = parts.clone();
    for (int i = 0; i + 1 < own.length; i++) {
      String p = own[i];
      if (!p.isEmpty() && Character.isHighSurrogate(p.charAt(p.length() - 1))) {
        return of(String.join("", own)); // a pair cut in two: see the class comment
      }
    }
    return new Message(own);
  }

  /** This message with {@code prefix} before it. */
  public Message after(String prefix) {
    String[] joined = new String[parts.length + 1];
    joined[0] = prefix;
    System.arraycopy(parts, 0, joined, 1, parts.length);
    return of(joined);
  }

  /** How many parts the message has. */
  public int parts() {
    return parts.length;
  }

  /** The {@code i}th part, from 0. */
  public String part(int i) {
    return parts[i];
  }

  /** The message's length in characters. */
  public int length() {
    int n = 0;
    for (String p : parts) {
      n += p.length();
    }
    return n;
  }

  /** Whether the text is {@code s}. */
  public boolean contentEquals(String s) {
    if (parts.length == 1) {
      return parts[0].equals(s);
    }
    if (s.length() != length()) {
      return false;
    }
    int at = 0;
    for (String p : parts) {
      if (!s.startsWith(p, at)) {
        return false;
      }
      at += p.length();
    }
    return true;
  }

  /** The text: the parts joined. */
  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      t = String.join("", parts);
      text = t;
    }
    return t;
  }

  /** The text's {@link String#hashCode}, made of the parts' (see the class comment). */
  @Override
  public int hashCode() {
    if (hash == 0) {
      // s.hashCode() is the sum of s[i]·31^(n-1-i); a text ending in p is then
      // hash(before p)·31^len(p) + hash(p)
      int h = 0;
      for (String p : parts) {
        h = h * pow31(p.length()) + p.hashCode();
      }
      hash = h;
    }
    return hash;
  }

  private static int pow31(int n) {
    int result = 1;
    int base = 31;
    for (int e = n; e > 0; e >>= 1) {
      if ((e & 1) != 0) {
        result *= base;
      }
      base *= base;
    }
    return result;
  }

  /** Whether {@code o} is a message of the same text. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Message m) || m.hashCode() != hashCode()) {
      return false;
    }
    if (m.parts.length == parts.length) {
      boolean same = true;
      for (int i = 0; i < parts.length && same; i++) {
        same = parts[i].equals(m.parts[i]); // the shared words: the same string, at once
      }
      if (same) {
        return true;
      }
    }
    return contentEquals(m.toString());
  }
}
