package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push by a user who may not write the store: one line naming the store, exit 73, the map as it
 * was. Needs root (to run accessctl as {@code nobody} through runuser), as CI has.
 */
class PushAsOtherUserTest {
  private static final String OTHER_USER = "nobody";

  @TempDir Path dir;

  @Test
  void aPushByAUserWhoMayNotWriteTheStoreIsOneLineAndExit73() throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "SKIPPED: running accessctl as another user needs root");
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")),
        "SKIPPED: no runuser here");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path source = Files.writeString(dir.resolve("access"), "Try_TLS:mx.example\tNO\n");
    Path store = dir.resolve("store");
    assertThat(Main.run(new PrintWriter(Writer.nullWriter()),
        new PrintWriter(Writer.nullWriter()), "push", "--no-cf", "--store",
        store.toString(), source.toString())).isZero();
    byte[] before = storeBytes(store);
    Files.writeString(source, "Try_TLS:mx.example\tNO\nConnect:192.0.2\tREJECT\n");

    Process p = new ProcessBuilder(command(store, source)).redirectErrorStream(true).start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isEqualTo(ExitCodes.CANT_CREATE);
    assertThat(output.lines().toList()).singleElement().asString()
        .startsWith("accessctl: " + store).contains("only the store's owner may write it");
    assertThat(storeBytes(store)).isEqualTo(before);
  }

  /** accessctl as {@link #OTHER_USER}, from a copy of the classpath that user can read. */
  private List<String> command(Path store, Path source) throws IOException {
    Path cp = Files.createDirectory(dir.resolve("classpath"));
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
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
        if (!p.startsWith(store)) {
          Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
              Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
        }
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of("/usr/sbin/runuser", "-u", OTHER_USER, "--", java, "-cp",
        String.join(File.pathSeparator, entries), Main.class.getName(), "push", "--no-cf",
        "--store", store.toString(), source.toString());
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

  /** The store's log files, concatenated in name order: what a push would change. */
  private static byte[] storeBytes(Path store) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (Stream<Path> files = Files.list(store)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".jdb")).sorted().toList()) {
        all.write(Files.readAllBytes(f));
      }
    }
    return all.toByteArray();
  }
}
