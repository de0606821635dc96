package io.accessctl.cli;

import io.accessctl.cf.CfFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** How every command that takes {@code --cf FILE} and {@code --no-cf} picks its sendmail.cf. */
final class SendmailCf {
  private SendmailCf() {}

  /**
   * The cf named by {@code --cf}, else the stock one when it is readable, else none.
   *
   * @param explicit the {@code --cf} argument, or null
   * @param none {@code --no-cf}
   * @param err where a stock cf that cannot be parsed is reported (it is then ignored: it is only
   *     a source of defaults)
   * @throws IOException when the cf the user named cannot be read
   */
  static Optional<CfFile> read(Path explicit, boolean none, PrintWriter err) throws IOException {
    if (none) {
      return Optional.empty();
    }
    if (explicit != null) {
      return Optional.of(CfFile.read(explicit));
    }
    Optional<Path> stock = CfFile.defaultCf();
    if (stock.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(CfFile.read(stock.get()));
    } catch (IOException e) {
      err.println("accessctl: warning: ignoring " + ErrorHandler.describe(e));
      return Optional.empty();
    }
  }

  /**
   * The access text map: {@code explicit}, else the file the cf's access K line names (for the
   * classes whose text accessctl compiles), else /etc/mail/access.
   */
  static Path textMap(Path explicit, Optional<CfFile> cf) {
    if (explicit != null) {
      return explicit;
    }
    return cf.flatMap(CfFile::accessMap)
        .filter(k -> COMPILED_CLASSES.contains(k.mapClass()))
        .map(k -> Path.of(k.path()))
        .orElse(Path.of(CompileCommand.DEFAULT_SOURCE));
  }

  /** The K line classes whose file is compiled from a text map. */
  static final java.util.Set<String> COMPILED_CLASSES = io.accessctl.mapfile.MapFormat.names();
}
