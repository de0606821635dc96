package io.accessctl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code accessctl suggest}: being built (issue 6). */
@Command(name = "suggest", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class SuggestCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ExitCodes.SOFTWARE;
  }
}
