package io.accessctl.app;

import io.accessctl.cf.CfFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Which sendmail.cf a use case reads: the one named ({@code --cf}), none ({@code --no-cf}), or the
 * stock {@link CfFile#DEFAULT_CF} when it is readable.
 *
 * @param explicit the named cf, or null
 * @param none read no cf at all
 */
public record CfChoice(Path explicit, boolean none) {
  /** The stock cf when it is there, as every command does without --cf. */
  public static CfChoice stock() {
    return new CfChoice(null, false);
  }

  public static CfChoice noCf() {
    return new CfChoice(null, true);
  }

  // equals and hashCode written out: the record's generated ones link a tree of method handles
  // on first use, which costs more than the comparison is worth (LintAhead compares these as a
  // command starts)
  @Override
  public boolean equals(Object o) {
    return o instanceof CfChoice c && java.util.Objects.equals(explicit, c.explicit)
        && none == c.none;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(explicit) * 31 + Boolean.hashCode(none);
  }

  /** The file chosen: the named one, else the stock one when it is there; none with --no-cf. */
  public Optional<Path> path() {
    if (none) {
      return Optional.empty();
    }
    return explicit != null ? Optional.of(explicit) : CfFile.defaultCf();
  }

  /**
   * The chosen cf, if any.
   *
   * @param warnings told about a stock cf that cannot be parsed: it is then ignored, being only a
   *     source of defaults
   * @throws IOException when the cf the user named cannot be read
   */
  public Optional<CfFile> read(Consumer<String> warnings) throws IOException {
    if (explicit != null && !none) {
      return Optional.of(CfAhead.read(explicit));
    }
    Optional<Path> stock = path();
    if (stock.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(CfAhead.read(stock.get()));
    } catch (IOException e) {
      warnings.accept("ignoring " + IoProblems.describe(e));
      return Optional.empty();
    }
  }
}
