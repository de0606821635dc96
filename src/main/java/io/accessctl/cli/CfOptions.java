package io.accessctl.cli;

import io.accessctl.app.CfChoice;
import io.accessctl.cf.CfFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --cf FILE} and {@code --no-cf}: which sendmail.cf a command reads. */
public final class CfOptions {
  @Option(names = "--cf", paramLabel = "FILE", description = "sendmail.cf whose access K line, "
      + "rules and options apply (default: " + CfFile.DEFAULT_CF_NAME + " when present).")
  Path cf;

  @Option(names = "--no-cf", description = "Read no sendmail.cf (lookups assume the newest "
      + "sendmail's rules).")
  boolean noCf;

  CfChoice choice() {
    return new CfChoice(cf, noCf);
  }
}
