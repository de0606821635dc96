package io.accessctl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code accessctl delete}: being built (issue 6). */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class DeleteCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ExitCodes.SOFTWARE;
  }
}
