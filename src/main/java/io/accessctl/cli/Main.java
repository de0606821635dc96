package io.accessctl.cli;

import io.accessctl.app.Lint;
import io.accessctl.app.PreCommitHook;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/** Entry point: everything else goes through {@link #run}, which tests call in-process. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // first the work that need not wait for picocli: on a large map, the lint started ahead is
    // the longest path of the run
    startAhead(args);
    // UTF-8 whatever the locale: Java 17 would otherwise print '?' for non-ASCII under LANG=C.
    Charset cs = java.nio.charset.StandardCharsets.UTF_8;
    PrintWriter out = new Utf8Writer(new java.io.FileOutputStream(java.io.FileDescriptor.out));
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(
        new java.io.FileOutputStream(java.io.FileDescriptor.err), cs), true);
    int code = execute(out, err, Console.detect(), System.in, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs accessctl with the given writers and returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, Console.detect(), args);
  }

  public static int run(PrintWriter out, PrintWriter err, Console console, String... args) {
    return run(out, err, console, System.in, args);
  }

  public static int run(PrintWriter out, PrintWriter err, Console console, java.io.InputStream in,
      String... args) {
    startAhead(args);
    return execute(out, err, console, in, args);
  }

  private static int execute(PrintWriter out, PrintWriter err, Console console,
      java.io.InputStream in, String[] args) {
    CommandLine cl = commandLine(console, in, args);
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The whole command tree, for help, man pages, completion and the shell. */
  public static CommandLine commandLine(Console console, java.io.InputStream in) {
    AnnotationsAhead.start(AccessctlCommand.class);
    return commandLine(console, in, new String[0]);
  }

  /**
   * The command tree for these arguments. Building picocli's model of a command costs reflection
   * on every option, so a run that names its subcommand gets only that one: a pre-commit hook
   * starts that much sooner.
   */
  static CommandLine commandLine(Console console, java.io.InputStream in, String[] args) {
    int at = wordAfter(args, -1);
    String wanted = at < 0 ? null : args[at];
    Class<?> only = AccessctlCommand.SUBCOMMANDS.get(wanted);
    UnusedConverters.exclude();
    CommandLine cl = new CommandLine(new AccessctlCommand(console, in));
    if (only != null) {
      cl.addSubcommand(wanted, only);
    } else if (!versionOnly(args)) {
      // No cl::addSubcommand: see the launcher on method references to picocli and the archive.
      for (java.util.Map.Entry<String, Class<?>> e : AccessctlCommand.SUBCOMMANDS.entrySet()) {
        cl.addSubcommand(e.getKey(), e.getValue());
      }
    }
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(new UsageErrorHandler());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  /**
   * Starts, on threads of their own, the reading of the annotations picocli builds the command
   * from, and the work the subcommand the arguments name will most likely ask (its lint, the cf,
   * git's answers), so that it runs while picocli builds the command.
   */
  private static void startAhead(String[] args) {
    int at = wordAfter(args, -1);
    Class<?> only = at < 0 ? null : AccessctlCommand.SUBCOMMANDS.get(args[at]);
    // first the annotations: picocli needs them as soon as the main thread gets to it, and the
    // lint's thread, started next, does not wait for them
    if (only != null) {
      AnnotationsAhead.start(AccessctlCommand.class, only);
    } else {
      AnnotationsAhead.start(AccessctlCommand.class);
    }
    if (only == LintCommand.class) {
      List<String> rest = Arrays.asList(args).subList(at + 1, args.length);
      Optional<Lint.Request> likely = LikelyLint.of(rest);
      if (likely.isPresent()) {
        Lint.prepareAhead(likely.get());
      } else {
        Lint.prepareAhead(LikelyLint.cf(args));
      }
    } else if (only == CompileCommand.class) {
      Lint.prepareAhead(LikelyLint.cf(args)); // compile lints with the same rules and cf
    } else if (only == HookCommand.class && isRun(args, wordAfter(args, at))) {
      PreCommitHook.prepareAhead(RepoOption.likely(args));
      Lint.prepareAhead(LikelyLint.cf(args));
    }
  }

  private static boolean isRun(String[] args, int at) {
    return at >= 0 && args[at].equals("run");
  }

  /** The index of the first argument after {@code from} that is not an option; -1 for none. */
  private static int wordAfter(String[] args, int from) {
    for (int i = from + 1; i < args.length; i++) {
      if (!args[i].startsWith("-")) {
        return i;
      }
    }
    return -1;
  }

  /** {@code accessctl --version} needs no subcommand's model (a third of its start-up). */
  private static boolean versionOnly(String[] args) {
    boolean version = false;
    for (String a : args) {
      if (a.equals("-V") || a.equals("--version")) {
        version = true;
      } else if (!a.equals("--debug")) {
        return false;
      }
    }
    return version;
  }
}
