package io.accessctl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code accessctl status}: being built (issue 6). */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class StatusCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ExitCodes.SOFTWARE;
  }
}
