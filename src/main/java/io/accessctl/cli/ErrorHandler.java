package io.accessctl.cli;

import io.accessctl.app.IoProblems;
import io.accessctl.app.NoMajority;
import io.accessctl.app.WriteFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns any exception into one line on standard error; the stack trace only with --debug. */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    boolean debug = parsed.hasMatchedOption("--debug")
        || (parsed.commandSpec().root().userObject() instanceof AccessctlCommand root && root.debug);
    int code;
    String msg;
    Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
    if (t instanceof ExitException e) {
      code = e.code();
      msg = e.getMessage();
    } else if (t instanceof NoMajority e) {
      code = ExitCodes.TEMP_FAIL;
      msg = e.getMessage() + (e.committedOnMaster() ? "" : "; the map was not changed");
    } else if (t instanceof WriteFailure e) {
      code = ExitCodes.CANT_CREATE;
      msg = e.getMessage();
    } else if (t instanceof IOException io) {
      code = ExitCodes.CANNOT_READ;
      msg = describe(io);
    } else {
      code = ExitCodes.SOFTWARE;
      msg = "internal error: " + t + " (please report it; --debug shows where)";
    }
    err.println("accessctl: " + msg);
    if (debug) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** A one-line description of an I/O failure, naming the file. */
  static String describe(IOException io) {
    return IoProblems.describe(io);
  }
}
