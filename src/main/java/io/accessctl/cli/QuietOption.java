package io.accessctl.cli;

import picocli.CommandLine.Option;

/** {@code -q}: nothing on standard output when all is well. */
public final class QuietOption {
  @Option(names = {"-q", "--quiet"}, description = "Print nothing when all is well.")
  boolean quiet;
}
