package io.accessctl.cli;

import io.accessctl.mapfile.AtomicFile;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.MapReader;
import io.accessctl.mapfile.Record;
import io.accessctl.mapfile.WriteOptions;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Bytes;
import io.accessctl.source.Entry;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SyntaxIssue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code accessctl makemap}: a drop-in for makemap(8) — same flags, same content, same messages
 * and exit codes — for scripts and Debian's /etc/mail/Makefile. Unlike makemap it never truncates
 * the live file: the new file replaces it atomically.
 */
@Command(name = "makemap", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.EX_USAGE,
    description = {"Drop-in for makemap(8): read a map from standard input and write TYPE MAPNAME.",
        "Like makemap, lines with errors are reported and skipped, the rest is written, and the "
            + "exit status is 65; unlike makemap, the file is replaced atomically."},
    exitCodeListHeading = "%nExit status (as makemap's):%n",
    exitCodeList = {"0:success", "64:usage error", "65:data errors (what parsed was written)",
        "66:the cf cannot be read", "73:the map cannot be created", "74:I/O error"})
public final class MakemapCommand implements Callable<Integer> {
  private static final String PROG = "makemap";

  @Spec
  CommandSpec spec;

  @Option(names = "-C", paramLabel = "CF", description = "sendmail.cf for TrustedUser and the cf type.")
  Path cf;

  @Option(names = "-N", description = "Store a trailing NUL in keys and values.")
  boolean nul;

  @Option(names = "-c", paramLabel = "SIZE", description = "Cache size (accepted, no effect).")
  String cacheSize;

  @Option(names = "-D", paramLabel = "CHAR", description = "Comment character ('' for none).")
  String commentChar;

  @Option(names = "-d", description = "Allow duplicate keys.")
  boolean duplicates;

  @Option(names = "-e", description = "Allow empty values.")
  boolean allowEmpty;

  @Option(names = "-f", description = "Do not fold keys to lower case.")
  boolean noFold;

  @Option(names = "-i", paramLabel = "TYPE", description = "Type to use when cf/CF finds no K line.")
  String fallbackType;

  @Option(names = "-l", description = "List the supported types.")
  boolean list;

  @Option(names = "-x", description = "List the supported types with their file extensions.")
  boolean listExt;

  @Option(names = "-L", description = "List the supported types, with cf and CF.")
  boolean listAll;

  @Option(names = "-o", description = "Append to an existing map.")
  boolean append;

  @Option(names = "-r", description = "Replace existing keys.")
  boolean replace;

  @Option(names = "-s", description = "Skip the link safety checks.")
  boolean unsafe;

  @Option(names = "-t", paramLabel = "DELIM", description = "Key/value separator.")
  String delimiter;

  @Option(names = "-u", description = "Dump (unmake) the map.")
  boolean dump;

  @Option(names = "-v", description = "Print each record stored.")
  boolean verbose;

  @Parameters(arity = "0..2", paramLabel = "TYPE MAPNAME", description = "Map type and name.")
  List<String> args = new ArrayList<>();

  @picocli.CommandLine.ParentCommand
  AccessctlCommand root;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (list || listExt || listAll) {
      if (listAll) {
        out.println("cf");
        out.println("CF");
      }
      for (String t : List.of("hash", "btree", "cdb")) {
        out.println(listExt ? t + ":" + MapFormat.parse(t).extension().substring(1) : t);
      }
      out.println(listExt ? "implicit:" : "implicit");
      return ExitCodes.OK;
    }
    if (args.size() != 2) {
      usage(err);
      return ExitCodes.EX_USAGE;
    }
    String typeName = args.get(0);
    String mapName = args.get(1);
    int sep = ParseOptions.WHITESPACE;
    if (delimiter != null) {
      if (delimiter.isEmpty()) {
        err.println("Invalid separator");
      } else {
        sep = delimiter.charAt(0) & 0xff;
      }
    }
    Optional<MapFormat> format = resolveType(typeName, mapName, err);
    if (format.isEmpty()) {
      return exitStatus;
    }
    Path file = Path.of(mapName.endsWith(format.get().extension())
        ? mapName : mapName + format.get().extension());
    int status = checkLinks(file, typeName, mapName, err);
    if (status != ExitCodes.OK) {
      return status;
    }
    if (dump) {
      return dump(file, sep, out, err, typeName, mapName);
    }
    Optional<UserPrincipal> trusted = trustedUser(err);
    if (exitStatus != ExitCodes.OK) {
      return exitStatus;
    }
    return build(format.get(), file, sep, typeName, mapName, trusted, out, err);
  }

  private int exitStatus = ExitCodes.OK;

  private int build(MapFormat format, Path file, int sep, String typeName, String mapName,
      Optional<UserPrincipal> trusted, PrintWriter out, PrintWriter err) throws IOException {
    ParseOptions opts = new ParseOptions(sep, commentChar == null ? '#'
        : commentChar.isEmpty() ? ParseOptions.NONE : commentChar.charAt(0) & 0xff,
        !noFold, allowEmpty, true);
    AccessSource src = new AccessParser(opts).parse(mapName, readAll(root.stdin));
    List<Record> existing = new ArrayList<>();
    if (append) {
      if (!Files.exists(file)) {
        err.println(PROG + ": error opening type " + typeName + " map " + mapName
            + ": No such file or directory");
        return ExitCodes.CANT_CREATE;
      }
      try (MapReader r = MapReader.open(file)) {
        r.forEach((k, v) -> existing.add(new Record(k, v)));
      }
    }
    int status = ExitCodes.OK;
    List<Record> records = new ArrayList<>(existing);
    Set<String> seen = new HashSet<>();
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < existing.size(); i++) {
      String k = Bytes.latin1(existing.get(i).key());
      seen.add(k);
      index.putIfAbsent(k, i);
    }
    List<SyntaxIssue> issues = new ArrayList<>(src.issues());
    issues.removeIf(i -> i.kind() == SyntaxIssue.Kind.DUPLICATE_KEY);
    int next = 0;
    for (Entry e : src.entries()) {
      while (next < issues.size() && issues.get(next).line() < e.lineNumber()) {
        status = report(issues.get(next++), mapName, err);
      }
      Record rec = Records.record(e, nul);
      if (verbose) {
        out.println("key=`" + cString(rec.key()) + "', val=`" + cString(rec.value()) + "'");
      }
      String k = Bytes.latin1(rec.key());
      if (duplicates) {
        records.add(rec);
      } else if (!seen.add(k)) {
        if (replace) {
          records.set(index.get(k), rec);
        } else {
          err.println(PROG + ": " + mapName + ": line " + e.lineNumber() + ": key "
              + cString(rec.key()) + ": duplicate key");
          status = ExitCodes.DATA_ERROR;
        }
      } else {
        index.put(k, records.size());
        records.add(rec);
      }
    }
    while (next < issues.size()) {
      status = report(issues.get(next++), mapName, err);
    }
    try {
      Path target = unsafe && Files.isSymbolicLink(file) ? file.toRealPath() : file;
      AtomicFile.replace(target, ch -> format.writer().write(records, ch,
          WriteOptions.defaults().withAllowDuplicates(duplicates)));
      if (trusted.isPresent()) {
        try {
          Files.setOwner(target, trusted.get());
        } catch (IOException e) {
          err.print("WARNING: ownership change on " + mapName + " failed: " + e.getMessage());
          err.println();
        }
      }
    } catch (IOException e) {
      err.println(PROG + ": error opening type " + typeName + " map " + mapName + ": "
          + ErrorHandler.describe(e));
      return ExitCodes.CANT_CREATE;
    }
    return status;
  }

  private static int report(SyntaxIssue issue, String mapName, PrintWriter err) {
    err.println(PROG + ": " + mapName + ": line " + issue.line() + ": " + issue.makemapMessage());
    return ExitCodes.DATA_ERROR;
  }

  private int dump(Path file, int sep, PrintWriter out, PrintWriter err, String typeName,
      String mapName) {
    try (MapReader r = MapReader.open(file)) {
      char s = sep == ParseOptions.WHITESPACE ? '\t' : (char) sep;
      r.forEach((k, v) -> out.print(cString(k) + s + cString(v) + "\n"));
      return ExitCodes.OK;
    } catch (IOException e) {
      err.println(PROG + ": error opening type " + typeName + " map " + mapName + ": "
          + ErrorHandler.describe(e));
      return ExitCodes.CANT_CREATE;
    }
  }

  /** Bytes up to the first NUL, as makemap's printf("%s") shows them. */
  static String cString(byte[] b) {
    int n = 0;
    while (n < b.length && b[n] != 0) {
      n++;
    }
    return new String(b, 0, n, StandardCharsets.UTF_8);
  }

  private Optional<MapFormat> resolveType(String typeName, String mapName, PrintWriter err)
      throws IOException {
    String t = typeName;
    if (t.equals("cf") || t.equals("CF")) {
      t = typeFromCf(t.equals("CF"), mapName).orElse(fallbackType);
      if (t == null) {
        err.println(PROG + ": mapfile " + mapName + ": not found in CF");
        exitStatus = ExitCodes.DATA_ERROR;
        return Optional.empty();
      }
    }
    if (t.equals("implicit")) {
      t = "hash";
    }
    try {
      return Optional.of(MapFormat.parse(t.toLowerCase(Locale.ROOT).equals(t) ? t : "?"));
    } catch (IllegalArgumentException e) {
      err.println(PROG + ": error opening type " + typeName + " map " + mapName
          + ": Unknown database type");
      exitStatus = ExitCodes.CANT_CREATE;
      return Optional.empty();
    }
  }

  private static final Pattern K_LINE = Pattern.compile("^K\\S+\\s+(\\S+)\\s.*?(\\S+)\\s*$");

  private Optional<String> typeFromCf(boolean fullPath, String mapName) throws IOException {
    Path cfPath = cf != null ? cf : Path.of("/etc/mail/sendmail.cf");
    for (String line : Files.readAllLines(cfPath, StandardCharsets.ISO_8859_1)) {
      Matcher m = K_LINE.matcher(line);
      if (m.matches()) {
        String path = m.group(2);
        boolean same = fullPath ? stripExt(path).equals(stripExt(mapName))
            : baseName(path).equals(baseName(mapName));
        if (same) {
          return Optional.of(m.group(1));
        }
      }
    }
    return Optional.empty();
  }

  private static String stripExt(String p) {
    int dot = p.lastIndexOf('.');
    int slash = p.lastIndexOf('/');
    return dot > slash ? p.substring(0, dot) : p;
  }

  private static String baseName(String p) {
    return stripExt(p.substring(p.lastIndexOf('/') + 1));
  }

  private int checkLinks(Path file, String typeName, String mapName, PrintWriter err)
      throws IOException {
    if (unsafe || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return ExitCodes.OK;
    }
    String why = null;
    if (Files.isSymbolicLink(file)) {
      why = "Symbolic links not allowed";
    } else if (((Number) Files.getAttribute(file, "unix:nlink")).intValue() > 1) {
      why = "Hard links not allowed";
    }
    if (why == null) {
      return ExitCodes.OK;
    }
    err.println(PROG + ": error opening type " + typeName + " map " + mapName + ": " + why);
    return ExitCodes.CANT_CREATE;
  }

  /** As root, makemap gives the map to the cf's TrustedUser. */
  private Optional<UserPrincipal> trustedUser(PrintWriter err) throws IOException {
    if (((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() != 0) {
      return Optional.empty();
    }
    Path cfPath = cf != null ? cf : Path.of("/etc/mail/sendmail.cf");
    List<String> lines;
    try {
      lines = Files.readAllLines(cfPath, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      err.println(PROG + ": " + cfPath + ": " + (Files.exists(cfPath)
          ? "Permission denied" : "No such file or directory"));
      exitStatus = ExitCodes.NO_INPUT;
      return Optional.empty();
    }
    for (String line : lines) {
      if (line.startsWith("O TrustedUser=")) {
        String user = line.substring("O TrustedUser=".length()).trim();
        try {
          return Optional.of(cfPath.getFileSystem().getUserPrincipalLookupService()
              .lookupPrincipalByName(user));
        } catch (IOException e) {
          err.println("TrustedUser: unknown user " + user);
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    in.transferTo(buf);
    return buf.toByteArray();
  }

  private static void usage(PrintWriter err) {
    err.println("Usage: makemap [-C cffile] [-N] [-c cachesize] [-D commentchar]");
    err.println("               [-d] [-e] [-f] [-i type] [-l] [-o] [-r] [-s] [-t delimiter]");
    err.println("               [-u] [-v] type mapname");
  }
}
