package io.accessctl.rules;

/** A cf the engine cannot compile; the message names the file and line. */
public final class CfException extends Exception {
  private static final long serialVersionUID = 1L;

  public CfException(String message) {
    super(message);
  }
}
