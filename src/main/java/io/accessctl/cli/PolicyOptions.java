package io.accessctl.cli;

import io.accessctl.app.Checked;
import io.accessctl.app.WritePolicy;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --strict} and {@code --force}: what refuses a write of a map ({@link WritePolicy}), the
 * same for compile, push, set/delete and suggest --apply; and the line that says what --force
 * overrode.
 */
public final class PolicyOptions {
  @Option(names = "--strict", description = "Also refuse the write when lint finds warnings.")
  boolean strict;

  @Option(names = "--force", description = "Write even when lint or makemap finds errors (or "
      + "warnings, with --strict), as makemap would: the lines makemap rejects left out, the "
      + "first value of a repeated key kept. One line on standard error says what was "
      + "overridden.")
  boolean force;

  WritePolicy policy() {
    return policy(false);
  }

  /** @param replace makemap's -r, where the command has it */
  WritePolicy policy(boolean replace) {
    return new WritePolicy(strict, force, replace);
  }

  /**
   * The line that says what --force overrode: "accessctl: --force: wrote DB despite 2 lint
   * errors".
   *
   * @param done what was written ("wrote /etc/mail/access.db")
   */
  static String overrode(String done, Checked.Count c) {
    List<String> parts = new ArrayList<>();
    add(parts, c.makemapErrors(), "makemap error");
    add(parts, c.lintErrors(), "lint error");
    add(parts, c.lintWarnings(), "lint warning");
    int last = parts.size() - 1;
    String what = last == 0 ? parts.get(0)
        : String.join(", ", parts.subList(0, last)) + " and " + parts.get(last);
    return "accessctl: --force: " + done + " despite " + what;
  }

  /** Refused only because of --strict: nothing but warnings refuse the write. */
  static boolean onlyWarnings(Checked.Count c) {
    return c.makemapErrors() == 0 && c.lintErrors() == 0 && c.lintWarnings() > 0;
  }

  private static void add(List<String> parts, int n, String noun) {
    if (n > 0) {
      parts.add(n + " " + noun + (n == 1 ? "" : "s"));
    }
  }
}
