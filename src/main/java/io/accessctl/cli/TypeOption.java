package io.accessctl.cli;

import io.accessctl.mapfile.MapFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --type hash|btree|cdb}. */
public final class TypeOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--type", paramLabel = "TYPE", completionCandidates = MapFormat.Names.class,
      description = "hash, btree or cdb (default: "
      + "compile: the K line's class, else hash; dump: detected from the file).")
  String type;

  /** The format asked for, or null. */
  MapFormat format() {
    if (type == null) {
      return null;
    }
    try {
      return MapFormat.parse(type);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--type must be "
          + MapFormat.namesInWords() + ", not '" + type + "'");
    }
  }
}
