package io.accessctl.cli;

import io.accessctl.app.CfChoice;
import io.accessctl.app.Lint;
import io.accessctl.source.ParseOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code accessctl lint}'s arguments most likely ask, read before picocli has built the
 * command, so that the lint can start while it does ({@link Lint#prepareAhead(Lint.Request)}).
 * Only a guess, and only of plain arguments: files, which cf, --staged, and the options that do
 * not change what a file's findings are. picocli's parse decides what the run asks; the run compares, and a wrong
 * guess costs only the work done for it.
 */
final class LikelyLint {
  /** Options that take a value and leave the findings as they are. */
  private static final Set<String> OUTPUT_OPTIONS = Set.of("--format", "--color", "--fail-level");
  private static final String STAGED = "--staged";

  private LikelyLint() {}

  /**
   * The lint these arguments most likely ask, or none when they are not plain.
   *
   * @param args what follows the word {@code lint}
   */
  static Optional<Lint.Request> of(List<String> args) {
    List<Path> files = new ArrayList<>();
    Path cf = null;
    boolean noCf = false;
    boolean staged = false;
    boolean positional = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (positional || !a.startsWith("-") || a.equals("-")) {
        files.add(Path.of(a));
      } else if (a.equals("--")) {
        positional = true;
      } else if (a.equals(CfOptions.NO_CF)) {
        noCf = true;
      } else if (a.equals(STAGED)) {
        staged = true;
      } else if (a.equals(CfOptions.CF) && i + 1 < args.size()) {
        cf = Path.of(args.get(++i));
      } else if (a.startsWith(CfOptions.CF + "=")) {
        cf = Path.of(a.substring(CfOptions.CF.length() + 1));
      } else if (OUTPUT_OPTIONS.contains(a)) {
        i++;
      } else if (!a.equals("--debug") && !OUTPUT_OPTIONS.contains(a.split("=", 2)[0])) {
        return Optional.empty();
      }
    }
    return Optional.of(new Lint.Request(files, staged, Set.of(), Set.of(), new CfChoice(cf, noCf),
        ParseOptions.defaults(), false, false, ExtraTagsOption.fromEnvironment()));
  }

  /** The cf the arguments most likely choose, whatever else they ask. */
  static CfChoice cf(String[] args) {
    return CfOptions.leaveTheDefault(args) ? CfChoice.stock() : CfChoice.noCf();
  }
}
