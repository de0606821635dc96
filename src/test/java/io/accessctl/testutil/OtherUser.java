package io.accessctl.testutil;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * accessctl run as another user than the test's ({@value #NAME}, through setpriv, which executes
 * the command itself, so that killing the process kills accessctl), for what file ownership
 * decides. Needs root, as CI has; elsewhere the test is skipped visibly.
 */
public final class OtherUser {
  public static final String NAME = "nobody";
  private static final String GROUP = "nogroup";
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  private OtherUser() {}

  /** Skips the calling test, saying why, unless this process can run commands as {@link #NAME}. */
  public static void assumeAvailable() {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "SKIPPED: running accessctl as another user needs root");
    Assumptions.assumeTrue(Files.isExecutable(SETPRIV), "SKIPPED: no " + SETPRIV + " here");
  }

  /**
   * The command that runs accessctl's Main as {@link #NAME}, from a copy of the test class path in
   * {@code dir/classpath} (the user cannot read the build's). {@code dir} and everything in it
   * but the paths in {@code keep} become readable by everyone.
   */
  public static List<String> accessctl(Path dir, Path... keep) throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path cp = Files.createDirectories(dir.resolve("classpath"));
    List<String> entries = new ArrayList<>();
    int n = 0;
    String path = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    for (String e : path.split(File.pathSeparator)) {
      Path from = Path.of(e);
      if (!Files.exists(from)) {
        continue;
      }
      Path to = cp.resolve((n++) + "-" + from.getFileName());
      copyTree(from, to);
      entries.add(to.toString());
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        if (Stream.of(keep).noneMatch(p::startsWith)) {
          Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
              Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
        }
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(SETPRIV.toString(), "--reuid=" + NAME, "--regid=" + GROUP, "--clear-groups",
        "--", java, "-XX:+UseSerialGC", "-Xmx256m",
        "-cp", String.join(File.pathSeparator, entries), "io.accessctl.cli.Main");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
