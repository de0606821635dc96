package io.accessctl.serve;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One socketmap reply: a status word, a space, and the value or a reason.
 *
 * @param status the status word
 * @param text the value (OK) or the reason (TEMP, TIMEOUT, PERM); empty for NOTFOUND
 */
public record Reply(Status status, byte[] text) {
  /** Postfix's socketmap client refuses longer replies (socketmap_table(5)). */
  public static final int POSTFIX_MAX_REPLY = 100_000;

  /** The status words of sendmail's and Postfix's socketmap clients. */
  public enum Status {
    /** Found; the text is the value. */
    OK,
    /** Not found. Sent as {@code NOTFOUND } with its space, which both clients accept. */
    NOTFOUND,
    /** A temporary failure: sendmail appends {@code <TMPF>} (-T) and the rulesets defer. */
    TEMP,
    /** A timeout on the server side; clients treat it as TEMP. */
    TIMEOUT,
    /** A permanent failure (sendmail: EX_UNAVAILABLE, the map answers nothing). */
    PERM
  }

  public Reply {
    text = text.clone();
  }

  public static Reply ok(byte[] value) {
    return new Reply(Status.OK, value);
  }

  public static Reply notFound() {
    return new Reply(Status.NOTFOUND, new byte[0]);
  }

  public static Reply temp(String reason) {
    return new Reply(Status.TEMP, ascii(reason));
  }

  public static Reply timeout(String reason) {
    return new Reply(Status.TIMEOUT, ascii(reason));
  }

  public static Reply perm(String reason) {
    return new Reply(Status.PERM, ascii(reason));
  }

  @Override
  public byte[] text() {
    return text.clone();
  }

  /** The text as ISO-8859-1, one char a byte. */
  public String textString() {
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  /** The payload of the reply netstring: {@code STATUS SP TEXT}. */
  public byte[] payload() {
    byte[] word = status.name().getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(word, word.length + 1 + text.length);
    out[word.length] = ' ';
    System.arraycopy(text, 0, out, word.length + 1, text.length);
    return out;
  }

  /**
   * Reads a reply payload as sendmail does: the word before the first space is the status.
   *
   * @throws IllegalArgumentException for an unknown status word
   */
  public static Reply parse(byte[] payload) {
    int sp = 0;
    while (sp < payload.length && payload[sp] != ' ') {
      sp++;
    }
    String word = new String(payload, 0, sp, StandardCharsets.ISO_8859_1);
    Status s;
    try {
      s = Status.valueOf(word);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown socketmap status \"" + word + "\"", e);
    }
    byte[] text = sp < payload.length ? Arrays.copyOfRange(payload, sp + 1, payload.length)
        : new byte[0];
    return new Reply(s, text);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reply r && r.status == status && Arrays.equals(r.text, text);
  }

  @Override
  public int hashCode() {
    return status.hashCode() * 31 + Arrays.hashCode(text);
  }

  @Override
  public String toString() {
    return status + " " + textString();
  }
}
