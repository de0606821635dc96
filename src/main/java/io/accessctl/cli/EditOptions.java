package io.accessctl.cli;

import io.accessctl.source.MapEditor;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options {@code set} and {@code delete} share. */
public final class EditOptions {
  @Option(names = "--map", paramLabel = "FILE",
      description = "The access text map (default: the text of sendmail.cf's access K line, "
          + "else /etc/mail/access).")
  Path map;

  @Option(names = "--cf", paramLabel = "FILE",
      description = "sendmail.cf for the map's location and for lint (default: "
          + "/etc/mail/sendmail.cf when present).")
  Path cf;

  @Option(names = "--no-cf", description = "Do not read any sendmail.cf.")
  boolean noCf;

  @Option(names = "--compile", description = "After a change, compile the map as "
      + "'accessctl compile' does.")
  boolean compile;

  @Option(names = "--check", description = "Change nothing; exit 1 when the map would change "
      + "(for Puppet's 'unless' or Ansible's check mode).")
  boolean check;

  @Option(names = "--diff", description = "Print the change as a unified diff.")
  boolean diff;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing when all is well.")
  boolean quiet;

  @Mixin
  ParseOptionsMixin parseOptions;

  int run(AccessctlCommand root, CommandSpec spec, Function<MapEditor, MapEditor.Edit> edit) {
    MapEdits.Request r = new MapEdits.Request(map, cf, noCf, parseOptions.toOptions(), check, diff,
        compile, quiet, root.debug, root.console, root.stdin);
    return MapEdits.run(r, edit, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
