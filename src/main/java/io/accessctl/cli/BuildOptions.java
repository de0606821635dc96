package io.accessctl.cli;

import io.accessctl.app.CfChoice;
import io.accessctl.app.WritePolicy;
import io.accessctl.source.ParseOptions;
import picocli.CommandLine.Mixin;

/**
 * What decides how a text map is read and whether it may be written, for the commands that build
 * a whole map from it (compile, push, serve --watch): the cf, makemap's parse flags and -r, and
 * the write policy.
 */
public final class BuildOptions {
  @Mixin
  CfOptions cf;

  @Mixin
  ReplaceOption replace;

  @Mixin
  PolicyOptions policy;

  @Mixin
  ParseOptionsMixin parseOptions;

  CfChoice cfChoice() {
    return cf.choice();
  }

  ParseOptions parse() {
    return parseOptions.toOptions();
  }

  WritePolicy policy() {
    return policy.policy(replace.replace);
  }
}
