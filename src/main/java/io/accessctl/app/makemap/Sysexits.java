package io.accessctl.app.makemap;

/** The exit statuses makemap uses, from sysexits.h; scripts written for makemap test them. */
public final class Sysexits {
  private Sysexits() {}

  public static final int OK = 0;
  /** EX_USAGE: the command line is wrong. */
  public static final int USAGE = 64;
  /** EX_DATAERR: input lines had errors (the others were written). */
  public static final int DATA_ERROR = 65;
  /** EX_NOINPUT: the cf cannot be read. */
  public static final int NO_INPUT = 66;
  /** EX_CANTCREAT: the map cannot be opened or created. */
  public static final int CANT_CREATE = 73;
  /** EX_IOERR: a record could not be stored. */
  public static final int IO_ERROR = 74;
}
