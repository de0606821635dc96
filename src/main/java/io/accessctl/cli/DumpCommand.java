package io.accessctl.cli;

import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.MapReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code accessctl dump DB}: every record as {@code key<TAB>value}, like {@code makemap -u}. */
@Command(name = "dump",
    description = {"Print every record of a hash, btree or cdb map as KEY<TAB>VALUE, in file "
        + "order, like makemap -u. A trailing NUL (maps built with -N) is not shown."},
    exitCodeList = {"0:dumped", "2:usage error", "3:the file cannot be read or is not a map"})
public final class DumpCommand extends Subcommand {
  @Parameters(paramLabel = "DB", description = "The map file.")
  Path db;

  @Mixin
  TypeOption type;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = out();
    MapFormat wanted = type.format();
    if (Files.isDirectory(db)) {
      throw new ExitException(ExitCodes.CANNOT_READ, db + ": is a directory, not a map");
    }
    MapFormat detected = MapFormat.detect(db);
    if (wanted != null && wanted != detected) {
      throw new ExitException(ExitCodes.CANNOT_READ, db + ": is a " + detected + " file, not "
          + wanted);
    }
    try (MapReader r = MapReader.open(db)) {
      r.forEach((k, v) -> out.print(MakemapCommand.cString(k) + "\t"
          + MakemapCommand.cString(v) + "\n"));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
