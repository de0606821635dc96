package io.accessctl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code --extra-tags}: a site's own tags, read by something other than sendmail's rulesets. */
public final class ExtraTagsOption {
  @Option(names = "--extra-tags", split = ",", paramLabel = "TAG",
      defaultValue = "${env:ACCESSCTL_EXTRA_TAGS}",
      description = "Tags a local ruleset or another program reads, not to be reported as "
          + "unknown (default: $ACCESSCTL_EXTRA_TAGS, comma-separated).")
  List<String> tags = new ArrayList<>();

  Set<String> tags() {
    return tags == null ? Set.of() : Set.copyOf(tags);
  }
}
