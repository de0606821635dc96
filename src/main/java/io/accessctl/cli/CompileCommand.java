package io.accessctl.cli;

import io.accessctl.app.Compile;
import io.accessctl.app.MapTarget;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code accessctl compile}: the text map to the file sendmail opens, atomically, and only when
 * the file would say what the text says.
 */
@Command(name = "compile",
    description = {"Compile an access text map to the hash, btree or cdb file sendmail reads.",
        "The old file is replaced atomically (temp file, fsync, rename) and keeps its owner, "
            + "group and mode; it is left alone when the text has errors makemap would report "
            + "or lint errors (with --strict also lint warnings), unless --force.",
        "Lines longer than makemap's 1023 bytes are compiled whole. When the file is the one "
            + "sendmail.cf's access K line names, its class, -N and -f are the defaults.",
        "Every lint rule runs, whatever the size of the map; the first "
            + CompileRun.MAX_SHOWN + " findings are printed, the others counted."},
    exitCodeList = {"0:written (with --force also despite errors; standard error says which)",
        "2:usage error",
        "65:the source has errors (the db is left alone; with --strict also lint warnings)",
        "66:the source or the cf cannot be read", "73:the output cannot be created (or is a "
            + "symbolic link)"})
public final class CompileCommand extends Subcommand {
  @Parameters(paramLabel = "SOURCE", arity = "0..1",
      description = "The text map (default: the access K line's file in sendmail.cf, else "
          + MapTarget.DEFAULT_TEXT_NAME + ").")
  Path source;

  @Option(names = {"-o", "--output"}, paramLabel = "DB",
      description = "The file to write (default: SOURCE plus .db, or .cdb for cdb).")
  Path output;

  @Option(names = "-N", description = "Store keys and values with a trailing NUL (makemap -N).")
  boolean nul;

  @Mixin
  TypeOption type;

  @Mixin
  BuildOptions build;

  @Mixin
  QuietOption quiet;

  @Override
  public Integer call() {
    return CompileRun.run(new Compile.Request(source, output, type.format(), build.cfChoice(),
        build.parse(), nul, build.policy()), quiet.quiet, root.console, out(), err());
  }
}
