package io.accessctl.cli;

import picocli.CommandLine.Option;

/** makemap's {@code -r}, for the commands that build a whole map from the text. */
public final class ReplaceOption {
  @Option(names = "-r", description = "A repeated key replaces the earlier one instead of being "
      + "an error (makemap -r).")
  boolean replace;
}
