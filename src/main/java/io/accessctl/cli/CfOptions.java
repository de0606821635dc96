package io.accessctl.cli;

import io.accessctl.app.CfChoice;
import io.accessctl.cf.CfFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --cf FILE} and {@code --no-cf}: which sendmail.cf a command reads. */
public final class CfOptions {
  static final String CF = "--cf";
  static final String NO_CF = "--no-cf";

  @Option(names = CF, paramLabel = "FILE", description = "sendmail.cf whose access K line, "
      + "rules and options apply (default: " + CfFile.DEFAULT_CF_NAME + " when present).")
  Path cf;

  @Option(names = NO_CF, description = "Read no sendmail.cf (lookups assume the newest "
      + "sendmail's rules).")
  boolean noCf;

  CfChoice choice() {
    return new CfChoice(cf, noCf);
  }

  /**
   * Whether these arguments, not yet parsed, leave the cf to its default: they name neither
   * option. Only a guess of what is worth reading ahead; the parsed options decide what is read.
   */
  static boolean leaveTheDefault(String[] args) {
    for (String a : args) {
      if (a.equals(NO_CF) || a.equals(CF) || a.startsWith(CF + "=")) {
        return false;
      }
    }
    return true;
  }
}
