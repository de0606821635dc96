package io.accessctl.app.makemap;

import io.accessctl.mapfile.MapFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * makemap's checks of the map file before it touches it — sendmail's safefile() and safedirpath(),
 * then libdb's own when it opens the file — with their reasons worded as makemap words them.
 */
public final class SafeFile {
  private static final int S_IWGRP = 0020;
  private static final int S_IWOTH = 0002;
  private static final int S_IRUSR = 0400;
  private static final int S_IWUSR = 0200;
  private static final int S_IFMT = 0170000;
  private static final int S_IFREG = 0100000;
  private static final int BITS_PER_CLASS = 3;
  private static final int MAX_SYMLINKS = 40;

  /** What makemap is about to do with the file. */
  public enum Use {
    /** Write a new map (the file need not exist). */
    BUILD,
    /** -o: add to the existing map, which must be of the type. */
    APPEND,
    /** -u: read the existing map, which must be of the type. */
    DUMP;

    boolean needsExisting() {
      return this != BUILD;
    }
  }

  /**
   * What to write or read.
   *
   * @param path the file itself, or with links allowed the file a symbolic link points to
   * @param exists whether it exists now
   * @param hardLinked whether other names share it (only with links allowed)
   */
  public record Target(Path path, boolean exists, boolean hardLinked) {}

  /** makemap's "error opening …" reason, as strerror or libsmdb words it. */
  public static final class CannotOpen extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean atOpen;

    CannotOpen(String reason) {
      this(reason, false);
    }

    CannotOpen(String reason, boolean atOpen) {
      super(reason, null, false, false);
      this.atOpen = atOpen;
    }

    /**
     * True when libdb's open failed, after both safety checks had passed (and warned), rather than
     * the first check.
     */
    public boolean atOpen() {
      return atOpen;
    }
  }

  private final Accounts accounts;
  private final boolean asRoot;
  private final int trustedUid;
  private final boolean linksAllowed;

  /**
   * @param asRoot whether makemap runs as root, whose access safefile() judges by the mode bits
   * @param trustedUid the cf's TrustedUser, who counts as root for that; 0 for none
   * @param linksAllowed -s: symbolic and hard links are followed instead of refused
   */
  public SafeFile(Accounts accounts, boolean asRoot, int trustedUid, boolean linksAllowed) {
    this.accounts = accounts;
    this.asRoot = asRoot;
    this.trustedUid = trustedUid;
    this.linksAllowed = linksAllowed;
  }

  /**
   * The file to use for {@code file}, after the checks in makemap's order.
   *
   * @throws CannotOpen with the reason makemap gives
   * @throws IOException when the file's attributes cannot be read
   */
  public Target open(Path file, MapFormat format, Use use) throws CannotOpen, IOException {
    Path path = file;
    if (Files.isSymbolicLink(file)) {
      if (!linksAllowed) {
        throw new CannotOpen("Symbolic links not allowed");
      }
      path = followLinks(file);
      if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        // makemap creates the map with O_EXCL, which fails on a link to nowhere
        throw new CannotOpen(use.needsExisting() ? "No such file or directory" : "File exists",
            true);
      }
    }
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      Path dir = path.toAbsolutePath().getParent();
      if (use.needsExisting() || dir == null || !Files.isDirectory(dir)) {
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
    if (nlink > 1 && !linksAllowed) {
      throw new CannotOpen("Hard links not allowed");
    }
    if (asRoot && !rootMayOpen(mode, (Integer) st.get("uid"), (Integer) st.get("gid"), use)) {
      throw new CannotOpen("Permission denied");
    }
    if (use.needsExisting() && !isOfFormat(path, format)) {
      throw new CannotOpen("Invalid argument", true);
    }
    return new Target(path, true, nlink > 1);
  }

  /**
   * safefile() treats root like anyone else unless the file is root's or TrustedUser's: the owner,
   * group or other bits must allow reading (and, to build, writing).
   */
  boolean rootMayOpen(int mode, int uid, int gid, Use use) {
    int need = use == Use.DUMP ? S_IRUSR : S_IRUSR | S_IWUSR;
    if (uid != 0 && (trustedUid == 0 || uid != trustedUid)) {
      need >>= BITS_PER_CLASS;
      if (gid != 0 && !accounts.groupHasMember(gid, "root")) {
        need >>= BITS_PER_CLASS;
      }
    }
    return (mode & need) == need;
  }

  private static boolean isOfFormat(Path path, MapFormat format) {
    try {
      return MapFormat.detect(path) == format;
    } catch (IOException notAMap) {
      return false;
    }
  }

  /**
   * safedirpath()'s warnings for root: every group- or world-writable directory on the way to the
   * map's directory, named as the path was typed ("." for a bare file name).
   */
  public static List<String> writableDirWarnings(String fileName) {
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
          int mode = mode(d);
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

  private static int mode(Path p) {
    try {
      return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Follows symbolic links to the final name, which need not exist (open(2) would create it). */
  private static Path followLinks(Path link) throws CannotOpen, IOException {
    Path p = link.toAbsolutePath();
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      if (hops > MAX_SYMLINKS) {
        throw new CannotOpen("Too many levels of symbolic links");
      }
      p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
    }
    return p;
  }
}
