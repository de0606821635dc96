package io.accessctl.app;

/** The output of a use case cannot be created or replaced; the message names the file. */
public final class WriteFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WriteFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
