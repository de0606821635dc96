package io.accessctl.app;

/**
 * A push that the replication group could not acknowledge by a simple majority: no master, or
 * too few members in contact with it. Unless {@link #committedOnMaster()}, nothing changed.
 */
public final class NoMajority extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean committedOnMaster;

  public NoMajority(String message, boolean committedOnMaster, Throwable cause) {
    super(message, cause);
    this.committedOnMaster = committedOnMaster;
  }

  public boolean committedOnMaster() {
    return committedOnMaster;
  }
}
