package io.accessctl.app;

import io.accessctl.cf.CfFile;
import io.accessctl.source.ParseOptions;
import io.accessctl.status.SendmailBinary;
import io.accessctl.status.StatusChecker;
import io.accessctl.status.StatusReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Is the compiled access map the one sendmail reads, and does it say what the text says: the text
 * parsed as compile would parse it, checked against the db compile would write.
 */
public final class Status {
  /**
   * @param map the text map, or null (the K line's, else /etc/mail/access)
   * @param db the compiled map, or null ({@link MapTarget#compiledFile})
   * @param replace the db was compiled with -r
   * @param sendmail the binary asked for its version
   */
  public record Request(Path map, Path db, CfChoice cf, ParseOptions parse, boolean replace,
      Path sendmail) {}

  private Status() {}

  /** @throws IOException naming the file when the text, an existing db or the cf is unreadable */
  public static StatusReport run(Request r, Consumer<String> warnings) throws IOException {
    Optional<CfFile> cf = r.cf().read(warnings);
    MapTarget target = MapTarget.file(cf, r.map(), null);
    Path db = r.db() != null ? r.db() : target.compiledFile();
    WritePolicy policy = new WritePolicy(false, false, r.replace());
    return new StatusChecker(cf, SendmailBinary.version(r.sendmail())).check(target.text(), db,
        target.parseOptions(r.parse()), policy::blocks, r.replace());
  }
}
