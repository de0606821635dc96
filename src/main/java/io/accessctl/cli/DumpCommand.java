package io.accessctl.cli;

import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.MapReader;
import io.accessctl.source.Bytes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accessctl dump DB}: every record as {@code key<TAB>value}, like {@code makemap -u}. */
@Command(name = "dump", mixinStandardHelpOptions = true,
    description = {"Print every record of a hash, btree or cdb map as KEY<TAB>VALUE, in file "
        + "order, like makemap -u. A trailing NUL (maps built with -N) is not shown."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:dumped", "2:usage error", "3:the file cannot be read or is not a map"})
public final class DumpCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "DB", description = "The map file.")
  Path db;

  @Option(names = "--type", paramLabel = "TYPE", completionCandidates = MapFormat.Names.class,
      description = "Insist on hash, btree or cdb (default: detected from the file).")
  String type;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    MapFormat wanted = null;
    if (type != null) {
      try {
        wanted = MapFormat.parse(type);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--type must be "
            + MapFormat.namesInWords() + ", not '" + type + "'");
      }
    }
    if (Files.isDirectory(db)) {
      throw new ExitException(ExitCodes.CANNOT_READ, db + ": is a directory, not a map");
    }
    MapFormat detected = MapFormat.detect(db);
    if (wanted != null && wanted != detected) {
      throw new ExitException(ExitCodes.CANNOT_READ, db + ": is a " + detected + " file, not "
          + wanted);
    }
    try (MapReader r = MapReader.open(db)) {
      r.forEach((k, v) -> out.print(Bytes.cString(k) + "\t"
          + Bytes.cString(v) + "\n"));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
