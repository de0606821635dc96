package io.accessctl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code --extra-tags}: a site's own tags, read by something other than sendmail's rulesets. */
public final class ExtraTagsOption {
  private static final String ENV = "ACCESSCTL_EXTRA_TAGS";

  @Option(names = "--extra-tags", split = ",", paramLabel = "TAG",
      defaultValue = "${env:" + ENV + "}",
      description = "Tags a local ruleset or another program reads, not to be reported as "
          + "unknown (default: $ACCESSCTL_EXTRA_TAGS, comma-separated).")
  List<String> tags = new ArrayList<>();

  Set<String> tags() {
    return tags == null ? Set.of() : Set.copyOf(tags);
  }

  /** The tags a run without the option most likely has: a guess, before picocli's parse. */
  static Set<String> fromEnvironment() {
    String env = System.getenv(ENV);
    return env == null || env.isEmpty() ? Set.of() : Set.copyOf(List.of(env.split(",")));
  }
}
