package io.accessctl.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Bad command line: one line and a hint, exit 2 (makemap mode: 64, as makemap). */
final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    cl.getErr().println("accessctl: " + ex.getMessage());
    String name = cl.getCommandSpec().qualifiedName();
    cl.getErr().println("Try '" + name + " --help' for more information.");
    cl.getErr().flush();
    return cl.getCommandSpec().exitCodeOnInvalidInput();
  }
}
