package io.accessctl.cli;

import io.accessctl.app.IoProblems;
import io.accessctl.app.Status;
import io.accessctl.status.StatusJson;
import io.accessctl.status.StatusReport;
import io.accessctl.status.StatusText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code accessctl status}: the checks live in {@link Status}; this only wires options. */
@Command(name = "status",
    description = {"Check that the compiled access map is the one sendmail reads and says what "
        + "the text says.",
        "The text is parsed as compile parses it and compared with the db entry by entry (not "
            + "by time); the db's file, type, -N and -f are checked against sendmail.cf's access "
            + "K line; the cf must have an access map at all. Also shown: the installed sendmail "
            + "version, whether it can fall back to clear text after a failed STARTTLS handshake "
            + "(TLSFallbacktoClear, 8.16.1+) and how to turn that on, and the entries below the "
            + "CanIt marker."},
    exitCodeList = {"0:all in order", "1:a problem was found (db missing or not in step, wrong "
        + "file, type or key form, no access map in the cf)", "2:usage error",
        "66:the text map, an existing db or the cf cannot be read"})
public final class StatusCommand extends Subcommand {
  @Mixin
  MapOption map;

  @Option(names = "--db", paramLabel = "DB",
      description = "The compiled map (default: the K line's file when SOURCE is the map "
          + "sendmail reads, else SOURCE.db).")
  Path db;

  @Mixin
  CfOptions cf;

  @Mixin
  TextOrJson format;

  @Option(names = "--sendmail", paramLabel = "PROGRAM",
      description = "The sendmail binary asked for its version with -d0.1 -bt (no daemon, no "
          + "root; default: ${DEFAULT-VALUE}).", defaultValue = "/usr/sbin/sendmail")
  Path sendmail;

  @Option(names = "-r", description = "The db was compiled with -r: a repeated key's last value "
      + "counts, not its first.")
  boolean replace;

  @Mixin
  ParseOptionsMixin parseOptions;

  @Override
  public Integer call() {
    boolean json = format.json();
    PrintWriter out = out();
    PrintWriter err = err();
    StatusReport report;
    try {
      report = Status.run(new Status.Request(map.map, db, cf.choice(), parseOptions.toOptions(),
          replace, sendmail), Warnings.to(err));
    } catch (IOException e) {
      throw new ExitException(ExitCodes.NO_INPUT, IoProblems.describe(e));
    }
    if (json) {
      StatusJson.write(report, out);
    } else {
      StatusText.write(report, out, root.console.interactive());
    }
    return report.inOrder() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
