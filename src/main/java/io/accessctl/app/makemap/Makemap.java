package io.accessctl.app.makemap;

import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.MapReader;
import io.accessctl.source.Bytes;
import io.accessctl.source.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * makemap(8) of sendmail 8.17.1 as a use case: the same flags (read with getopt's rules), the same
 * content, messages and exit statuses, for scripts and Debian's /etc/mail/Makefile. Unlike makemap
 * it never truncates the live file: the new file replaces it atomically (except through a hard
 * link with {@code -s}, where makemap's in-place write is the only way to keep the other names
 * pointing at the new content).
 */
public final class Makemap {
  static final String PROG = "makemap";
  private static final Getopt GETOPT = new Getopt(PROG, MakemapFlags.OPTIONS);
  /** makemap's type for "the default database type", which is hash. */
  private static final String IMPLICIT = "implicit";
  /** Known to makemap's library, but not built into Debian's makemap. */
  private static final String DBM = "dbm";

  private final Accounts accounts;
  private final boolean asRoot;

  /**
   * @param accounts where TrustedUser's uid and the map's group members are looked up
   * @param asRoot whether this runs as root, for which makemap reads the cf and checks more
   */
  public Makemap(Accounts accounts, boolean asRoot) {
    this.accounts = accounts;
    this.asRoot = asRoot;
  }

  /** makemap as this process would run it: the host's accounts, and root when we are. */
  public static Makemap forThisProcess() throws IOException {
    int uid = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue();
    return new Makemap(Accounts.system(), uid == 0);
  }

  /**
   * Runs makemap with these arguments (without the program name).
   *
   * @param input the map's text, read only when a map is built
   * @throws IOException when a file's attributes or the input cannot be read
   */
  public MakemapResult run(List<String> argv, InputStream input) throws IOException {
    Transcript t = new Transcript();
    Getopt.Parsed parsed = GETOPT.parse(argv);
    MakemapFlags flags = new MakemapFlags();
    for (Getopt.Option o : parsed.options()) {
      if (MakemapFlags.isListing(o.letter())) {
        listTypes(o.letter(), t);
        return t.end(Sysexits.OK);
      }
      flags.apply(o, t);
    }
    if (parsed.error().isPresent()) {
      t.err(parsed.error().get());
      return usage(t);
    }
    if (parsed.operands().size() != 2) {
      return usage(t);
    }
    return run(flags, parsed.operands().get(0), parsed.operands().get(1), input, t);
  }

  private MakemapResult run(MakemapFlags flags, String typeName, String mapName,
      InputStream input, Transcript t) throws IOException {
    boolean typeFromCf = typeName.equalsIgnoreCase("cf");
    MakemapCf cf = MakemapCf.none();
    if (asRoot || typeFromCf) {
      try {
        cf = MakemapCf.read(Path.of(flags.cf));
      } catch (IOException e) {
        t.err(PROG + ": " + flags.cf + ": " + Strerror.of(e));
        return t.end(Sysexits.NO_INPUT);
      }
    }
    int trustedUid = asRoot ? trustedUid(cf, t) : 0;
    String type = typeFromCf ? cf.classOf(mapName, typeName.equals("cf")) : typeName;
    if ((asRoot || typeFromCf) && type.isEmpty()) {
      if (flags.fallbackType == null || flags.fallbackType.isEmpty()) {
        t.err(PROG + ": mapfile " + mapName + ": not found in " + flags.cf);
        return t.end(Sysexits.DATA_ERROR);
      }
      type = flags.fallbackType;
      if (flags.verbose) {
        t.err(PROG + ": mapfile " + mapName + ": not found in " + flags.cf
            + ", using fallback " + flags.fallbackType);
      }
    }
    String cannotOpen = PROG + ": error opening type " + type + " map " + mapName + ": ";
    if (type.equals(DBM)) {
      t.err(PROG + ": Need to recompile with -DNDBM for dbm support");
      return t.end(Sysexits.CANT_CREATE);
    }
    Optional<MapFormat> named = type.equals(IMPLICIT) ? Optional.of(MapFormat.HASH)
        : MapFormat.named(type);
    if (named.isEmpty()) {
      t.err(cannotOpen + "Unknown database type");
      return t.end(Sysexits.CANT_CREATE);
    }
    MapFormat format = named.get();
    String fileName = mapName.endsWith(format.extension()) ? mapName
        : mapName + format.extension();
    // makemap checks the file and its directory path twice (safefile() before the lock, then
    // again when libdb opens it) and warns each time; a failed first check ends it.
    List<String> warnings = asRoot ? SafeFile.writableDirWarnings(fileName) : List.of();
    warnings.forEach(t::err);
    SafeFile.Target target;
    try {
      target = new SafeFile(accounts, asRoot, trustedUid, flags.linksAllowed)
          .open(Path.of(fileName), format, flags.use());
    } catch (SafeFile.CannotOpen e) {
      if (e.atOpen()) {
        warnings.forEach(t::err);
      }
      t.err(cannotOpen + e.getMessage());
      return t.end(Sysexits.CANT_CREATE);
    }
    warnings.forEach(t::err);
    if (flags.dump) {
      return dump(target.path(), flags.sep, cannotOpen, t);
    }
    return new MakemapBuild(flags, mapName, cannotOpen, t)
        .build(format, target, trustedUid, input.readAllBytes());
  }

  /** The cf's TrustedUser (a number, or a name from the passwd database), else 0. */
  private int trustedUid(MakemapCf cf, Transcript t) {
    int uid = 0;
    for (String user : cf.trustedUsers()) {
      if (!user.isEmpty() && user.charAt(0) >= '0' && user.charAt(0) <= '9') {
        int e = 0;
        while (e < user.length() && user.charAt(e) >= '0' && user.charAt(e) <= '9') {
          e++;
        }
        uid = parseUid(user.substring(0, e));
      } else {
        OptionalInt found = accounts.uidOf(user);
        if (found.isEmpty()) {
          t.err("TrustedUser: unknown user " + user);
        }
        uid = found.orElse(0);
      }
    }
    return uid;
  }

  private static int parseUid(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException tooLarge) {
      return 0;
    }
  }

  /** -u: every record as key, separator, value (a tab without -t), in file order. */
  private static MakemapResult dump(Path file, int sep, String cannotOpen, Transcript t) {
    String s = String.valueOf((char) (sep == ParseOptions.WHITESPACE ? '\t' : sep));
    try (MapReader r = MapReader.open(file)) {
      r.forEach((k, v) -> t.out(Bytes.cString(k) + s + Bytes.cString(v)));
    } catch (IOException | UncheckedIOException e) {
      t.err(cannotOpen + "Invalid argument");
      return t.end(Sysexits.CANT_CREATE);
    }
    return t.end(Sysexits.OK);
  }

  /** -l, -x (with the file extensions) and -L (also the cf types), as makemap lists them. */
  private static void listTypes(char option, Transcript t) {
    if (option == 'L') {
      // makemap's two output buffers put these first
      t.out("cf");
      t.out("CF");
    }
    for (MapFormat f : MapFormat.values()) {
      t.out(option == 'x' ? f + ":" + f.extension().substring(1) : f.toString());
    }
    t.out(option == 'x' ? IMPLICIT + ":" : IMPLICIT);
  }

  private static MakemapResult usage(Transcript t) {
    String indent = " ".repeat("Usage: ".length() + PROG.length());
    t.err("Usage: " + PROG + " [-C cffile] [-N] [-c cachesize] [-D commentchar]");
    t.err(indent + " [-d] [-e] [-f] [-i type] [-l] [-o] [-r] [-s] [-t delimiter]");
    t.err(indent + " [-u] [-v] type mapname");
    return t.end(Sysexits.USAGE);
  }
}
