package io.accessctl.cli;

/**
 * Exit codes. lint's follow linter convention; compile and makemap's follow makemap's sysexits,
 * so scripts written for makemap keep working.
 */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  /** lint: a finding at or above --fail-level. query: key not found. */
  public static final int FINDINGS = 1;
  public static final int USAGE = 2;
  /** lint: an input could not be read (missing, a directory, binary). */
  public static final int CANNOT_READ = 3;
  /** EX_USAGE, for makemap's drop-in. */
  public static final int EX_USAGE = 64;
  /** EX_DATAERR: the source has errors (compile refuses, makemap writes what parsed). */
  public static final int DATA_ERROR = 65;
  /** EX_NOINPUT. */
  public static final int NO_INPUT = 66;
  /** EX_UNAVAILABLE: no group member serves the store, or the group refused a change. */
  public static final int UNAVAILABLE = 69;
  /** EX_SOFTWARE: a bug in accessctl. */
  public static final int SOFTWARE = 70;
  /** EX_CANTCREAT: the output cannot be created. */
  public static final int CANT_CREATE = 73;
  /** EX_TEMPFAIL: a replication group could not acknowledge a push by a majority. */
  public static final int TEMP_FAIL = 75;
  /** EX_IOERR. */
  public static final int IO_ERROR = 74;
}
