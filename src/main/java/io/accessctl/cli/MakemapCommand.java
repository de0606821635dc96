package io.accessctl.cli;

import io.accessctl.app.Records;
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
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code accessctl makemap}: a drop-in for makemap(8) of sendmail 8.17.1 — same flags (read with
 * getopt's rules), same content, same messages and exit codes — for scripts and Debian's
 * /etc/mail/Makefile. Unlike makemap it never truncates the live file: the new file replaces it
 * atomically (except through a hard link with {@code -s}, where makemap's in-place write is the
 * only way to keep the other names pointing at the new content).
 *
 * <p>The arguments are not parsed by picocli: makemap's scripts rely on getopt's behaviour
 * (clustered flags, {@code -t:} and {@code -t :}, options after the operands, {@code --}), and on
 * its usage message ({@code --x} is the invalid option {@code -}). {@code --help} alone prints
 * accessctl's help.
 */
@Command(name = "makemap",
    customSynopsis = "accessctl makemap [-C cf] [-N] [-c cachesize] [-D commentchar] [-d] [-e] "
        + "[-f] [-i type] [-l] [-L] [-o] [-r] [-s] [-t delim] [-u] [-v] [-x] type mapname < input",
    description = {"Drop-in for makemap(8): read a map from standard input and write TYPE MAPNAME "
        + "(hash, btree, cdb, implicit, or cf/CF: the class of MAPNAME's K line in the cf).",
        "Like makemap, lines with errors are reported and skipped, the rest is written, and the "
            + "exit status is 65; unlike makemap, the file is replaced atomically.",
        "",
        "  -C cf        sendmail.cf for TrustedUser (as root) and the cf/CF types",
        "  -N           store a trailing NUL in keys and values",
        "  -c size      cache size (accepted, no effect)",
        "  -D c         comment character (first byte; '' for none; default #)",
        "  -d           allow duplicate keys (all are stored; lookups find the first)",
        "  -e           allow empty values",
        "  -f           do not fold keys to lower case",
        "  -i type      type to use when cf/CF finds no K line",
        "  -l, -x, -L   list the types (-x with file extensions, -L also cf and CF)",
        "  -o           append to an existing map",
        "  -r           a repeated key replaces the earlier one",
        "  -s           skip the link and directory safety checks",
        "  -t c         key/value separator (first byte) instead of white space",
        "  -u           dump the map as key<TAB>value (the -t byte with -t)",
        "  -v           print each record as it is stored"},
    exitCodeListHeading = "%nExit status (as makemap's):%n",
    exitCodeList = {"0:success", "64:usage error", "65:data errors (what parsed was written)",
        "66:the cf cannot be read", "73:the map cannot be opened or created",
        "74:I/O error while writing"})
public final class MakemapCommand implements Callable<Integer> {
  private static final String PROG = "makemap";
  static final String DEFAULT_CF = "/etc/mail/sendmail.cf";
  /** getopt's option string of makemap 8.17.1: a colon follows an option that takes a value. */
  private static final String OPTIONS = "C:D:Nc:defi:Llorst:uvx";
  private static final int S_IWGRP = 0020;
  private static final int S_IWOTH = 0002;
  private static final int S_IRUSR = 0400;
  private static final int S_IWUSR = 0200;
  private static final int S_IFMT = 0170000;
  private static final int S_IFREG = 0100000;
  private static final int BITS_PER_CLASS = 3;

  @Spec
  CommandSpec spec;

  @ParentCommand
  AccessctlCommand root;

  @Unmatched
  List<String> argv = new ArrayList<>();

  private String cf = DEFAULT_CF;
  private boolean nul;
  private boolean duplicates;
  private boolean allowEmpty;
  private boolean noFold;
  private String fallbackType;
  private boolean append;
  private boolean replace;
  private boolean unsafe;
  private int sep = ParseOptions.WHITESPACE;
  private int comment = '#';
  private boolean dump;
  private boolean verbose;

  /** Thrown by the option parser: the exit status has been decided and its message printed. */
  private static final class Done extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    Done(int status) {
      super(null, null, false, false);
      this.status = status;
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (argv.size() == 1 && argv.get(0).equals("--help")) {
      spec.commandLine().usage(out);
      return ExitCodes.OK;
    }
    try {
      List<String> operands = parseOptions(out, err);
      if (operands.size() != 2) {
        throw usage(err);
      }
      return run(operands.get(0), operands.get(1), out, err);
    } catch (Done d) {
      return d.status;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** getopt(3) as glibc does it: clusters, attached or separate values, permutation, "--". */
  private List<String> parseOptions(PrintWriter out, PrintWriter err) throws Done {
    List<String> operands = new ArrayList<>();
    for (int i = 0; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.equals("--")) {
        operands.addAll(argv.subList(i + 1, argv.size()));
        break;
      }
      if (!a.startsWith("-") || a.length() == 1) {
        operands.add(a);
        continue;
      }
      for (int j = 1; j < a.length(); j++) {
        char c = a.charAt(j);
        int at = c == ':' ? -1 : OPTIONS.indexOf(c);
        if (at < 0) {
          err.println(PROG + ": invalid option -- '" + c + "'");
          throw usage(err);
        }
        if (at + 1 < OPTIONS.length() && OPTIONS.charAt(at + 1) == ':') {
          String value;
          if (j + 1 < a.length()) {
            value = a.substring(j + 1);
          } else if (i + 1 < argv.size()) {
            value = argv.get(++i);
          } else {
            err.println(PROG + ": option requires an argument -- '" + c + "'");
            throw usage(err);
          }
          option(c, value, out, err);
          break;
        }
        option(c, null, out, err);
      }
    }
    return operands;
  }

  private void option(char c, String value, PrintWriter out, PrintWriter err) throws Done {
    switch (c) {
      case 'C' -> cf = value;
      case 'N' -> nul = true;
      case 'c' -> { } // Berkeley DB cache size: no effect on the file
      case 'd' -> duplicates = true;
      case 'e' -> allowEmpty = true;
      case 'f' -> noFold = true;
      case 'i' -> fallbackType = value;
      case 'D' -> comment = value.isEmpty() ? ParseOptions.NONE : value.charAt(0) & 0xff;
      case 'l', 'L', 'x' -> {
        if (c == 'L') {
          // makemap's two output buffers put these first
          out.println("cf");
          out.println("CF");
        }
        for (MapFormat f : MapFormat.values()) {
          out.println(c == 'x' ? f + ":" + f.extension().substring(1) : f.toString());
        }
        out.println(c == 'x' ? "implicit:" : "implicit");
        throw new Done(ExitCodes.OK);
      }
      case 'o' -> append = true;
      case 'r' -> replace = true;
      case 's' -> unsafe = true;
      case 't' -> {
        if (value.isEmpty()) {
          err.println("Invalid separator");
        } else {
          sep = value.charAt(0) & 0xff;
        }
      }
      case 'u' -> dump = true;
      case 'v' -> verbose = true;
      default -> throw new IllegalStateException("option -" + c);
    }
  }

  private int run(String typeName, String mapName, PrintWriter out, PrintWriter err)
      throws IOException, Done {
    boolean asRoot = Posix.isRoot();
    boolean typeFromCf = typeName.equalsIgnoreCase("cf");
    List<String> cfLines = List.of();
    if (asRoot || typeFromCf) {
      cfLines = readCf(err);
    }
    int trustedUid = asRoot ? trustedUid(cfLines, err) : 0;
    String type = typeName;
    if (typeFromCf) {
      type = classFromCf(cfLines, mapName, typeName.equals("cf"));
    }
    if ((asRoot || typeFromCf) && type.isEmpty()) {
      if (fallbackType == null || fallbackType.isEmpty()) {
        err.println(PROG + ": mapfile " + mapName + ": not found in " + cf);
        return ExitCodes.DATA_ERROR;
      }
      type = fallbackType;
      if (verbose) {
        err.println(PROG + ": mapfile " + mapName + ": not found in " + cf
            + ", using fallback " + fallbackType);
      }
    }
    MapFormat format = switch (type) {
      case "hash", "implicit" -> MapFormat.HASH;
      case "btree" -> MapFormat.BTREE;
      case "cdb" -> MapFormat.CDB;
      default -> null;
    };
    String cannotOpen = PROG + ": error opening type " + type + " map " + mapName + ": ";
    if (type.equals("dbm")) { // known to libsmdb, but not built in (as in Debian's makemap)
      err.println(PROG + ": Need to recompile with -DNDBM for dbm support");
      return ExitCodes.CANT_CREATE;
    }
    if (format == null) {
      err.println(cannotOpen + "Unknown database type");
      return ExitCodes.CANT_CREATE;
    }
    String fileName = mapName.endsWith(format.extension()) ? mapName
        : mapName + format.extension();
    // makemap checks the file and its directory path twice (safefile() before the lock, then
    // again when libdb opens it) and warns each time; a failed first check ends it.
    List<String> warnings = asRoot ? writableDirWarnings(fileName) : List.of();
    warnings.forEach(err::println);
    Path file = Path.of(fileName);
    Target target;
    try {
      target = open(file, format, asRoot, trustedUid);
    } catch (CannotOpen e) {
      if (e.atOpen) {
        warnings.forEach(err::println);
      }
      err.println(cannotOpen + e.getMessage());
      return ExitCodes.CANT_CREATE;
    }
    warnings.forEach(err::println);
    if (dump) {
      try (MapReader r = MapReader.open(target.path)) {
        String s = String.valueOf((char) (sep == ParseOptions.WHITESPACE ? '\t' : sep));
        r.forEach((k, v) -> out.print(cString(k) + s + cString(v) + "\n"));
      } catch (IOException | UncheckedIOException e) {
        err.println(cannotOpen + "Invalid argument");
        return ExitCodes.CANT_CREATE;
      }
      return ExitCodes.OK;
    }
    return build(format, target, trustedUid, mapName, cannotOpen, out, err);
  }

  /** What to write: the file itself, or with -s the file a symbolic link points to. */
  private record Target(Path path, boolean exists, boolean hardLinked) {}

  /** makemap's "error opening …" reason, as strerror or libsmdb words it. */
  private static final class CannotOpen extends Exception {
    private static final long serialVersionUID = 1L;
    /** Failed when libdb opened the file, after both safety checks, not in the first one. */
    final boolean atOpen;

    CannotOpen(String why) {
      this(why, false);
    }

    CannotOpen(String why, boolean atOpen) {
      super(why, null, false, false);
      this.atOpen = atOpen;
    }
  }

  /** The checks of makemap's safefile() and of libdb's open, in their order. */
  private Target open(Path file, MapFormat format, boolean asRoot, int trustedUid)
      throws CannotOpen, IOException {
    Path path = file;
    if (Files.isSymbolicLink(file)) {
      if (!unsafe) {
        throw new CannotOpen("Symbolic links not allowed");
      }
      path = Posix.followLinks(file);
      if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        // makemap creates the map with O_EXCL, which fails on a link to nowhere
        throw new CannotOpen(dump || append ? "No such file or directory" : "File exists", true);
      }
    }
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      Path dir = path.toAbsolutePath().getParent();
      if (dump || append || dir == null || !Files.isDirectory(dir)) {
        throw new CannotOpen("No such file or directory");
      }
      return new Target(path, false, false);
    }
    Map<String, Object> st = Files.readAttributes(path, "unix:mode,nlink,uid,gid",
        LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) st.get("mode");
    if ((mode & S_IFMT) != S_IFREG) {
      throw new CannotOpen("Regular files only");
    }
    int nlink = (Integer) st.get("nlink");
    if (nlink > 1 && !unsafe) {
      throw new CannotOpen("Hard links not allowed");
    }
    if (asRoot && !rootMayOpen(mode, (Integer) st.get("uid"), (Integer) st.get("gid"),
        trustedUid)) {
      throw new CannotOpen("Permission denied");
    }
    if (dump || append) {
      try {
        if (MapFormat.detect(path) != format) {
          throw new CannotOpen("Invalid argument", true);
        }
      } catch (IOException notAMap) {
        throw new CannotOpen("Invalid argument", true);
      }
    }
    return new Target(path, true, nlink > 1);
  }

  /**
   * safefile() treats root like anyone else unless the file is root's or TrustedUser's: the owner,
   * group or other bits must allow reading (and, to build, writing).
   */
  private boolean rootMayOpen(int mode, int uid, int gid, int trustedUid) {
    int need = dump ? S_IRUSR : S_IRUSR | S_IWUSR;
    if (uid != 0 && (trustedUid == 0 || uid != trustedUid)) {
      need >>= BITS_PER_CLASS;
      if (gid != 0 && !Posix.groupHasMember(gid, "root")) {
        need >>= BITS_PER_CLASS;
      }
    }
    return (mode & need) == need;
  }

  private int build(MapFormat format, Target target, int trustedUid, String mapName,
      String cannotOpen, PrintWriter out, PrintWriter err) throws IOException {
    ParseOptions opts = new ParseOptions(sep, comment, !noFold, allowEmpty, true);
    AccessSource src = new AccessParser(opts).parse(mapName, readAll(root.stdin));
    List<Record> records = new ArrayList<>();
    if (append) {
      try (MapReader r = MapReader.open(target.path)) {
        r.forEach((k, v) -> records.add(new Record(k, v)));
      } catch (IOException | UncheckedIOException e) {
        err.println(cannotOpen + "Invalid argument");
        return ExitCodes.CANT_CREATE;
      }
    }
    Map<ByteBuffer, Integer> index = new HashMap<>();
    boolean existingDuplicates = false;
    for (int i = 0; i < records.size(); i++) {
      existingDuplicates |= index.putIfAbsent(ByteBuffer.wrap(records.get(i).key()), i) != null;
    }
    int status = ExitCodes.OK;
    List<SyntaxIssue> issues = src.issues().stream()
        .filter(i -> i.kind() != SyntaxIssue.Kind.DUPLICATE_KEY).toList();
    int next = 0;
    for (Entry e : src.entries()) {
      while (next < issues.size() && issues.get(next).line() < e.lineNumber()) {
        status = report(issues.get(next++), mapName, err);
      }
      Record rec = Records.record(e, nul);
      if (verbose) {
        out.println("key=`" + cString(rec.key()) + "', val=`" + cString(rec.value()) + "'");
      }
      Integer seen = index.putIfAbsent(ByteBuffer.wrap(rec.key()), records.size());
      if (seen == null || duplicates) {
        records.add(rec);
      } else if (replace) {
        records.set(seen, rec);
      } else {
        err.println(PROG + ": " + mapName + ": line " + e.lineNumber() + ": key "
            + cString(rec.key()) + ": duplicate key");
        status = ExitCodes.DATA_ERROR;
      }
    }
    while (next < issues.size()) {
      status = report(issues.get(next++), mapName, err);
    }
    WriteOptions wo = WriteOptions.defaults().withAllowDuplicates(duplicates || existingDuplicates);
    try {
      if (target.hardLinked) {
        writeInPlace(target.path, ch -> format.writer().write(records, ch, wo));
      } else {
        AtomicFile.replace(target.path, ch -> format.writer().write(records, ch, wo));
      }
    } catch (IOException e) {
      err.println(cannotOpen + reason(e));
      return ExitCodes.CANT_CREATE;
    } catch (IllegalArgumentException e) {
      err.println(PROG + ": " + mapName + ": put error: " + e.getMessage());
      return ExitCodes.IO_ERROR;
    }
    if (trustedUid != 0) {
      try {
        Files.setAttribute(target.path, "unix:uid", trustedUid, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        err.print("WARNING: ownership change on " + mapName + " failed " + reason(e));
      }
    }
    return status;
  }

  /** makemap -s through a hard link: truncate and rewrite the shared inode, as makemap does. */
  private static void writeInPlace(Path file, AtomicFile.IOConsumer<FileChannel> body)
      throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE,
        StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING)) {
      body.accept(ch);
      ch.force(true);
    }
  }

  /** strerror-style text for an I/O failure. */
  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "Permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  private static int report(SyntaxIssue issue, String mapName, PrintWriter err) {
    err.println(PROG + ": " + mapName + ": line " + issue.line() + ": "
        + asPrinted(issue.makemapMessage()));
    return ExitCodes.DATA_ERROR;
  }

  /** Map text (one char a byte) as the writers must print it to reproduce the bytes: UTF-8. */
  static String asPrinted(String latin1) {
    return new String(Bytes.bytes(latin1), StandardCharsets.UTF_8);
  }

  /**
   * Bytes up to the first NUL, as makemap's {@code %s} and {@code %.*s} print them. The writers
   * encode UTF-8, so bytes that are not UTF-8 come out as U+FFFD.
   */
  static String cString(byte[] b) {
    int n = 0;
    while (n < b.length && b[n] != 0) {
      n++;
    }
    return new String(b, 0, n, StandardCharsets.UTF_8);
  }

  private List<String> readCf(PrintWriter err) throws Done {
    try {
      return Files.readAllLines(Path.of(cf), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      err.println(PROG + ": " + cf + ": " + reason(e));
      throw new Done(ExitCodes.NO_INPUT);
    }
  }

  /** The cf's {@code O TrustedUser=} (a name or a number; the last one wins), else 0. */
  static int trustedUid(List<String> cfLines, PrintWriter err) {
    int uid = 0;
    for (String line : cfLines) {
      if (!line.startsWith("O") || !line.regionMatches(true, 1, " TrustedUser", 0, 12)
          || (line.length() > 13 && isAlnum(line.charAt(13)))) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      int b = eq + 1;
      while (b < line.length() && Bytes.isSpace(line.charAt(b))) {
        b++;
      }
      String user = line.substring(b);
      if (!user.isEmpty() && user.charAt(0) >= '0' && user.charAt(0) <= '9') {
        int e = 0;
        while (e < user.length() && user.charAt(e) >= '0' && user.charAt(e) <= '9') {
          e++;
        }
        uid = parseUid(user.substring(0, e));
      } else {
        OptionalInt found = Posix.uidOf(user);
        if (found.isEmpty()) {
          err.println("TrustedUser: unknown user " + user);
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

  private static boolean isAlnum(char c) {
    return c < 0x80 && Character.isLetterOrDigit(c);
  }

  /**
   * makemap's readcf(): the class of the first K line whose file (its last word) names this map —
   * compared whole for "cf", by base name without extension for "CF".
   */
  static String classFromCf(List<String> cfLines, String mapName, boolean fullPath) {
    String name = mapName;
    if (!fullPath) {
      name = name.substring(name.lastIndexOf('/') + 1);
      int dot = name.indexOf('.');
      if (dot >= 0) {
        name = name.substring(0, dot);
      }
    }
    if (name.isEmpty()) {
      return "";
    }
    for (String raw : cfLines) {
      if (!raw.startsWith("K")) {
        continue;
      }
      int end = raw.length();
      while (end > 1 && Bytes.isSpace(raw.charAt(end - 1))) {
        end--;
      }
      String line = raw.substring(0, end);
      int lastSpace = line.lastIndexOf(' ');
      if (lastSpace < 0) {
        continue;
      }
      int b = line.indexOf(name, lastSpace);
      if (b <= 0) {
        continue;
      }
      String word = line.substring(b);
      if (!fullPath && word.lastIndexOf('.') >= 0) {
        word = word.substring(0, word.lastIndexOf('.'));
      }
      char before = line.charAt(b - 1);
      if (!word.equals(name) || before >= 0x80
          || (fullPath ? !Bytes.isSpace(before) : !(before == '/' || Bytes.isSpace(before)))) {
        continue;
      }
      int p = 1;
      while (p < line.length() && Bytes.isSpace(line.charAt(p))) {
        p++;
      }
      if (p >= line.length() || !isAlnum(line.charAt(p))) {
        return "";
      }
      while (++p < line.length() && (isAlnum(line.charAt(p)) || line.charAt(p) == '_'
          || line.charAt(p) == '.')) {
        // the map's name
      }
      p++;
      while (p < line.length() && Bytes.isSpace(line.charAt(p))) {
        p++;
      }
      if (p >= line.length() || !isAlnum(line.charAt(p))) {
        return "";
      }
      int start = p;
      while (++p < line.length() && isAlnum(line.charAt(p))) {
        // the class
      }
      return line.substring(start, p);
    }
    return "";
  }

  /**
   * sendmail's safedirpath() warnings for root: every group- or world-writable directory on the
   * way to the map's directory, named as the path was typed ("." for a bare file name).
   */
  static List<String> writableDirWarnings(String fileName) {
    int slash = fileName.lastIndexOf('/');
    String dir = slash < 0 ? "." : slash == 0 ? "/" : fileName.substring(0, slash);
    List<String> warnings = new ArrayList<>();
    int p = 0;
    while (true) {
      int next = dir.indexOf('/', p);
      String prefix = next == 0 ? "/" : next < 0 ? dir : dir.substring(0, next);
      int last = prefix.lastIndexOf('/');
      String tail = last < 0 ? "" : prefix.substring(last);
      if (!tail.equals("/.") && !tail.equals("/..")) {
        Path d = Path.of(prefix);
        if (Files.isSymbolicLink(d)) {
          // sendmail follows the link and checks the target's path; not modelled
        } else if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
          int mode = Posix.mode(d);
          if ((mode & (S_IWOTH | S_IWGRP)) != 0) {
            warnings.add("WARNING: " + ((mode & S_IWOTH) != 0 ? "World" : "Group")
                + " writable directory " + prefix);
          }
        } else {
          break;
        }
      }
      if (next < 0 || next + 1 >= dir.length()) {
        break;
      }
      p = next + 1;
    }
    return warnings;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    in.transferTo(buf);
    return buf.toByteArray();
  }

  private static Done usage(PrintWriter err) {
    String indent = " ".repeat("Usage: ".length() + PROG.length());
    err.println("Usage: " + PROG + " [-C cffile] [-N] [-c cachesize] [-D commentchar]");
    err.println(indent + " [-d] [-e] [-f] [-i type] [-l] [-o] [-r] [-s] [-t delimiter]");
    err.println(indent + " [-u] [-v] type mapname");
    return new Done(ExitCodes.EX_USAGE);
  }

  /** The few POSIX facts makemap's checks need: uid, modes, links, passwd and group entries. */
  static final class Posix {
    private Posix() {}

    static boolean isRoot() throws IOException {
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
    }

    static int mode(Path p) {
      try {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        return 0;
      }
    }

    /** Follows symbolic links to the final name, which need not exist (open(2) would create it). */
    static Path followLinks(Path link) throws IOException {
      Path p = link.toAbsolutePath();
      for (int hops = 0; Files.isSymbolicLink(p); hops++) {
        if (hops > MAX_SYMLINKS) {
          throw new java.nio.file.FileSystemException(link.toString(), null,
              "Too many levels of symbolic links");
        }
        p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
      }
      return p;
    }

    private static final int MAX_SYMLINKS = 40;

    /** getpwnam(3) on /etc/passwd. */
    static OptionalInt uidOf(String user) {
      for (String[] f : entries(Path.of("/etc/passwd"))) {
        if (f.length > 2 && f[0].equals(user)) {
          try {
            return OptionalInt.of(Integer.parseInt(f[2]));
          } catch (NumberFormatException e) {
            return OptionalInt.empty();
          }
        }
      }
      return OptionalInt.empty();
    }

    /** getgrgid(3) on /etc/group: is {@code user} listed as a member of group {@code gid}? */
    static boolean groupHasMember(int gid, String user) {
      for (String[] f : entries(Path.of("/etc/group"))) {
        if (f.length > 3 && f[2].equals(Integer.toString(gid))) {
          return List.of(f[3].split(",")).contains(user);
        }
      }
      return false;
    }

    private static List<String[]> entries(Path file) {
      try {
        return Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream()
            .map(l -> l.split(":", -1)).toList();
      } catch (IOException e) {
        return List.of();
      }
    }
  }
}
