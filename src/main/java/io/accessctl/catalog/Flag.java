package io.accessctl.catalog;

/**
 * One letter of a Srv_Features or Clt_Features value.
 *
 * @param letter the letter as written; case matters (upper case clears, lower case sets, for
 *     Srv_Features)
 * @param meaning what it does
 * @param since first sendmail version that knows it
 * @param condition build condition under which it exists ("" when always), e.g. "USE_EAI"
 * @param documented false for letters that work but op.txt / cf/README do not list
 */
public record Flag(char letter, String meaning, String since, String condition, boolean documented) {}
