package io.accessctl.status;

import io.accessctl.cf.TlsFallback;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * Everything {@code status} found, for the text and JSON renderings.
 *
 * @param source the text map
 * @param db the compiled map compared with it
 * @param cf the sendmail.cf read, or null
 * @param checks the checklist, in the order printed
 * @param diff how text and db differ, or null when the db could not be read
 * @param textModified the text's modification time
 * @param dbModified the db's modification time, or null when it is missing
 * @param fallback what the installed sendmail can do about failed TLS handshakes
 * @param cfVersion the version in the cf's DZ line ("" when none or no cf)
 * @param canitMarkerLine the line of the first CanIt marker, or 0
 * @param canitEntries entries below it
 */
public record StatusReport(Path source, Path db, Path cf, List<Check> checks, DbDiff diff,
    FileTime textModified, FileTime dbModified, TlsFallback fallback, String cfVersion,
    int canitMarkerLine, int canitEntries) {

  public StatusReport {
    checks = List.copyOf(checks);
  }

  /** True when no check found a problem: the exit status is then 0. */
  public boolean inOrder() {
    return checks.stream().noneMatch(c -> c.status() == CheckStatus.PROBLEM);
  }

  public long problems() {
    return checks.stream().filter(c -> c.status() == CheckStatus.PROBLEM).count();
  }
}
