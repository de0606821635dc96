package io.accessctl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code accessctl set}: being built (issue 6). */
@Command(name = "set", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class SetCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ExitCodes.SOFTWARE;
  }
}
