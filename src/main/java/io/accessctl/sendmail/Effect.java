package io.accessctl.sendmail;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What sendmail does with the result of a check. Equal when code and summary are.
 *
 * <p>The summary may be put into words only when asked for ({@link #summary}): a batch prints
 * the code of every answer and the words of none.
 */
public final class Effect {
  private final String code;
  private final Supplier<String> words;
  private String summary;

  /**
   * @param code a short machine-readable word or phrase ({@code starttls}, {@code no-starttls},
   *     {@code reject}, {@code flags V}, {@code limit 10}, …): the JSON "effect"
   * @param summary one or two sentences for people
   */
  public Effect(String code, String summary) {
    this.code = code;
    this.summary = summary;
    this.words = null;
  }

  /** An effect whose summary {@code words} writes when it is first asked for. */
  Effect(String code, Supplier<String> words) {
    this.code = code;
    this.words = words;
  }

  public String code() {
    return code;
  }

  /** One or two sentences for people. */
  public String summary() {
    String s = summary;
    if (s == null && words != null) {
      // another thread may write the same words at once: either copy is kept
      s = words.get();
      summary = s;
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Effect e && Objects.equals(code, e.code)
        && Objects.equals(summary(), e.summary());
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, summary());
  }

  @Override
  public String toString() {
    return "Effect[code=" + code + ", summary=" + summary() + "]";
  }
}
