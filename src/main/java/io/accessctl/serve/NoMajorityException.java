package io.accessctl.serve;

import java.io.IOException;

/**
 * Thrown when a push cannot be acknowledged by a simple majority of the group: no master, or too
 * few members in contact with it. When {@link #committedHere()} is false the map was left as it
 * was everywhere.
 */
public final class NoMajorityException extends IOException {
  private static final long serialVersionUID = 1L;
  private final boolean committedHere;

  public NoMajorityException(String message, boolean committedHere, Throwable cause) {
    super(message, cause);
    this.committedHere = committedHere;
  }

  /** The master committed it but the majority did not acknowledge it in time. */
  public boolean committedHere() {
    return committedHere;
  }
}
