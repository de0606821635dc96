package io.accessctl.cli;

import io.accessctl.serve.Store;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --store DIR} and {@code --map NAME} of push and serve: a map of the live store. */
public final class StoreOptions {
  @Option(names = "--store", paramLabel = "DIR", required = true,
      description = "The store directory (created if needed).")
  Path dir;

  @Option(names = "--map", paramLabel = "NAME", defaultValue = "access",
      description = "The map name clients ask for: the name on sendmail's K line, the last "
          + "part of Postfix's socketmap: table (default: ${DEFAULT-VALUE}).")
  String map;

  /** The map name, checked: a usage error when the store cannot hold such a name. */
  String mapName(CommandSpec spec) {
    try {
      Store.checkMapName(map);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return map;
  }
}
