package io.accessctl.app;

import io.accessctl.cf.CfFile;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SourceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Compiles a text map to the file sendmail opens: parse, lint with every rule, refuse what the
 * {@link WritePolicy} refuses, build the records, replace the file atomically.
 */
public final class Compile {
  /**
   * How many of the findings that cannot refuse the write are built in full, the first in line
   * order, to show above a count of the rest: a million-entry map may draw hundreds of thousands.
   */
  public static final int OTHERS_BUILT = 50;

  /**
   * @param source the text map, or null for the target's default
   * @param output the file to write, or null for the text's own
   * @param format the format asked for, or null (the K line's class, else hash)
   * @param nul store keys and values with a NUL (makemap -N), besides the K line's -N
   * @param parse makemap's text options as given (the K line's -f is added here)
   */
  public record Request(Path source, Path output, MapFormat format, CfChoice cf, ParseOptions parse,
      boolean nul, WritePolicy policy) {}

  /**
   * Told how the compilation advances: the findings as soon as they are known (before a slow
   * write), a progress bar, phase timings.
   */
  public interface Listener {
    /** A phase ended: read, parse, the lint phases, records, write. */
    default void phase(String name) {}

    /** The text is linted; the write goes ahead unless {@code checked} refuses it. */
    default void judged(Checked checked) {}

    /** The text will be written: {@code entries} entries. */
    default void writing(int entries) {}
  }

  /**
   * What happened.
   *
   * @param db the file written, or that would have been
   * @param checked the findings, those that refused the write among them
   * @param records how many records were written (0 when refused)
   */
  public record Result(MapTarget target, Path db, MapFormat format, Checked checked,
      int records) {
    public boolean written() {
      return !checked.refused();
    }

  }

  private Compile() {}

  /**
   * @param warnings told what the user should know but that does not stop the build (a stock cf
   *     that cannot be parsed, a --type the K line disagrees with)
   * @throws IOException when the source or a named cf cannot be read
   * @throws WriteFailure when the db cannot be created or replaced
   */
  public static Result run(Request r, Consumer<String> warnings, Listener listener)
      throws IOException {
    Optional<CfFile> cf = r.cf().read(warnings);
    listener.phase("cf");
    MapTarget target = MapTarget.file(cf, r.source(), r.output());
    MapFormat format = r.format() != null ? r.format() : target.format(null);
    if (target.forSendmail() && r.format() != null
        && !format.toString().equals(target.mapClass().orElseThrow())) {
      warnings.accept(cf.get().path() + " opens this map as " + target.mapClass().get()
          + ", not " + format);
    }
    boolean withNul = r.nul() || target.nulKeys();
    Path src = target.text();
    Path db = target.db(r.output(), format);

    byte[] data = SourceFiles.read(src);
    listener.phase("read");
    AccessSource parsed = new AccessParser(target.parseOptions(r.parse())).parse(src.toString(),
        data);
    listener.phase("parse");
    // The records are built and written to a temporary file while the text is linted; the file
    // replaces the db only if nothing refuses the write.
    PendingWrite write = PendingWrite.start(parsed, db, format, r.policy().replace()
        ? Records.Duplicates.REPLACE : Records.Duplicates.FIRST_WINS, withNul);
    try {
      Checked checked = Checked.of(parsed, cf, r.policy(), OTHERS_BUILT, listener::phase);
      listener.judged(checked);
      if (checked.refused()) {
        return new Result(target, db, format, checked, 0);
      }
      checkReplaceable(db);
      listener.writing(parsed.entries().size());
      write.awaitRecords();
      listener.phase("records");
      int records;
      try {
        records = write.commit();
      } catch (IOException e) {
        throw new WriteFailure(db + ": " + IoProblems.describe(e), e);
      } catch (IllegalArgumentException e) {
        throw new WriteFailure(db + ": " + e.getMessage(), e);
      }
      listener.phase("write");
      return new Result(target, db, format, checked, records);
    } finally {
      write.discard();
    }
  }

  private static void checkReplaceable(Path db) {
    if (Files.exists(db, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(db)
        && !Files.isRegularFile(db, LinkOption.NOFOLLOW_LINKS)) {
      // a rename would put a regular file in the place of a directory, a device, a FIFO …
      throw new WriteFailure(db + ": not a regular file; refusing to replace it", null);
    }
  }
}
