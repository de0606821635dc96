package io.accessctl.cli;

import io.accessctl.app.Maps;
import io.accessctl.mapfile.MapReader;
import io.accessctl.source.Bytes;
import java.io.IOException;
import java.io.PrintWriter;
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
    try (MapReader r = Maps.openCompiled(db, type.format())) {
      r.forEach((k, v) -> out.print(Bytes.cString(k) + "\t"
          + Bytes.cString(v) + "\n"));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
