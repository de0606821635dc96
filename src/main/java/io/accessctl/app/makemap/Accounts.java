package io.accessctl.app.makemap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * The passwd and group databases, read from their files as getpwnam(3) and getgrgid(3) read them
 * on a host without NSS modules: who owns a map (TrustedUser) and whether root is in a file's
 * group. A file that cannot be read has no entries.
 */
public final class Accounts {
  private static final int NAME = 0;
  private static final int ID = 2;
  private static final int MEMBERS = 3;

  private final Path passwd;
  private final Path group;

  public Accounts(Path passwd, Path group) {
    this.passwd = passwd;
    this.group = group;
  }

  /** The host's: /etc/passwd and /etc/group. */
  public static Accounts system() {
    return new Accounts(Path.of("/etc/passwd"), Path.of("/etc/group"));
  }

  /** getpwnam(3): the uid of the first passwd entry of this name. */
  public OptionalInt uidOf(String user) {
    for (String[] f : entries(passwd)) {
      if (f.length > ID && f[NAME].equals(user)) {
        try {
          return OptionalInt.of(Integer.parseInt(f[ID]));
        } catch (NumberFormatException e) {
          return OptionalInt.empty();
        }
      }
    }
    return OptionalInt.empty();
  }

  /** getgrgid(3): is {@code user} listed as a member of the first group with this gid? */
  public boolean groupHasMember(int gid, String user) {
    String id = Integer.toString(gid);
    for (String[] f : entries(group)) {
      if (f.length > MEMBERS && f[ID].equals(id)) {
        return List.of(f[MEMBERS].split(",")).contains(user);
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
