package io.accessctl.cli;

/** Ends a command with a one-line message on standard error and an exit code. */
public final class ExitException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int code;

  public ExitException(int code, String message) {
    super(message);
    this.code = code;
  }

  public ExitException(int code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
