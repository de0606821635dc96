package io.accessctl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
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
    if (io instanceof NoSuchFileException e) {
      return e.getFile() + ": No such file or directory";
    }
    if (io instanceof AccessDeniedException e) {
      return e.getFile() + ": Permission denied";
    }
    if (io instanceof FileSystemException e && e.getFile() != null) {
      return e.getFile() + ": " + (e.getReason() == null ? "cannot access" : e.getReason());
    }
    return io.getMessage() == null ? io.toString() : io.getMessage();
  }
}
