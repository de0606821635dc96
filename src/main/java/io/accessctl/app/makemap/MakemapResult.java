package io.accessctl.app.makemap;

import java.util.List;

/**
 * What a makemap run ends with: its exit status (see {@link Sysexits}) and what it says, in the
 * order makemap says it.
 */
public record MakemapResult(int status, List<Message> messages) {

  /** Where makemap writes a message. */
  public enum Stream { OUT, ERR }

  /**
   * One piece of makemap's output.
   *
   * @param text exactly as written, line end included (makemap ends a few messages without one)
   */
  public record Message(Stream stream, String text) {}

  public MakemapResult {
    messages = List.copyOf(messages);
  }
}
