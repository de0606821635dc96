package io.accessctl.rules;

/** The sysexits values rewrite() returns. */
final class Status {
  private Status() {}

  static final int OK = 0;
  static final int USAGE = 64;
  static final int DATAERR = 65;
  static final int TEMPFAIL = 75;
  static final int CONFIG = 78;
}
