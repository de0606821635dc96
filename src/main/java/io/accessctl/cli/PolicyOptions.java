package io.accessctl.cli;

import io.accessctl.app.WritePolicy;
import picocli.CommandLine.Option;

/** What refuses a write of a map ({@link WritePolicy}): {@code --strict}, makemap's {@code -r}. */
public final class PolicyOptions {
  @Option(names = "-r", description = "A repeated key replaces the earlier one instead of being "
      + "an error (makemap -r).")
  boolean replace;

  @Option(names = "--strict", description = "Also refuse when lint finds warnings.")
  boolean strict;

  WritePolicy forCompile() {
    return WritePolicy.compile(strict, replace);
  }

  WritePolicy forPush() {
    return WritePolicy.push(strict, replace);
  }
}
