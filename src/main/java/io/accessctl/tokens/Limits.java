package io.accessctl.tokens;

/** sendmail's compile-time limits (conf.h of 8.17.1), one name each. */
public final class Limits {
  private Limits() {}

  /**
   * MAXNAME: the longest name sendmail handles; every map lookup copies at most this many bytes
   * of its key (map.c), so a longer stored key is never found and a longer lookup key finds the
   * stored key equal to its first MAXNAME bytes.
   */
  public static final int MAXNAME = 256;

  /** MAXATOM: the most tokens prescan() makes of one string. */
  public static final int MAXATOM = 1000;

  /**
   * PSBUFSIZE: the buffer prescan() fills with the tokens of a map value, each followed by a NUL;
   * it refuses the string ("Address too long") once fewer than five bytes are left.
   */
  public static final int PSBUFSIZE = MAXNAME + MAXATOM;

  /** The longest greet_pause sendmail waits, in milliseconds (5 minutes), whatever the map says. */
  public static final long GREET_PAUSE_MAX_MS = 300_000;
}
