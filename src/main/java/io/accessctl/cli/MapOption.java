package io.accessctl.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --map MAP}: the access map a command reads or edits. */
public final class MapOption {
  @Option(names = "--map", paramLabel = "MAP", description = "The access map: a text map, or "
      + "where the command reads one, a compiled hash, btree or cdb file (default: the access K "
      + "line's file in sendmail.cf, else /etc/mail/access or, compiled, /etc/mail/access.db).")
  Path map;
}
