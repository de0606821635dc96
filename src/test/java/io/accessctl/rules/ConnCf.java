package io.accessctl.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A cf of one ruleset, {@code conn}, that looks {@code Connect:INPUT} up in the access map and
 * returns {@code < value >} ({@code < none >} when not found). The map's file is absent: a test
 * gives the records.
 */
final class ConnCf {
  private ConnCf() {}

  /** Writes the cf into {@code dir}; returns its path. */
  static Path write(Path dir) throws IOException {
    Path cf = dir.resolve("t.cf");
    Files.writeString(cf, String.join("\n",
        "V10/Berkeley",
        "Kaccess hash -T<TMPF> " + dir.resolve("absent"),
        "Sconn",
        "R$*\t$: < $(access Connect:$1 $: none $) >", ""));
    return cf;
  }
}
