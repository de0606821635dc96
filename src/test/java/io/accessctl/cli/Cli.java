package io.accessctl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs accessctl in-process and captures what it prints. */
public final class Cli {
  private Cli() {}

  public record Run(int exit, String out, String err) {}

  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), Console.plain(), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Runs accessctl in-process with {@code stdin} as its standard input. */
  public static Run runWithStdin(byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), Console.plain(),
        new java.io.ByteArrayInputStream(stdin), args);
    return new Run(code, out.toString(), err.toString());
  }
}
