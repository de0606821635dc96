package io.accessctl.app.makemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessctl.app.makemap.SafeFile.CannotOpen;
import io.accessctl.app.makemap.SafeFile.Target;
import io.accessctl.app.makemap.SafeFile.Use;
import io.accessctl.mapfile.AtomicFile;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.Record;
import io.accessctl.mapfile.WriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** makemap's checks of the map file and its directories, and their reasons. */
class SafeFileTest {
  private static final int S_IFREG = 0100000;

  @TempDir Path dir;

  private Accounts accounts() throws IOException {
    return new Accounts(Files.writeString(dir.resolve("passwd"), "root:x:0:0::/:/bin/sh\n"),
        Files.writeString(dir.resolve("group"), "withroot:x:300:root\nwithout:x:400:bin\n"));
  }

  private SafeFile checks(boolean linksAllowed) throws IOException {
    return new SafeFile(accounts(), false, 0, linksAllowed);
  }

  private Path map(String name, MapFormat format) throws IOException {
    Path p = dir.resolve(name);
    AtomicFile.replace(p, ch -> format.writer().write(List.of(Record.of("k", "v")), ch,
        WriteOptions.defaults()));
    return p;
  }

  private static String reason(ThrowingOpen open) {
    try {
      open.run();
    } catch (CannotOpen e) {
      return e.getMessage() + (e.atOpen() ? " (at open)" : "");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("opened");
  }

  @FunctionalInterface
  interface ThrowingOpen {
    void run() throws CannotOpen, IOException;
  }

  @Test
  void aNewMapNeedsOnlyItsDirectory() throws IOException, CannotOpen {
    Target t = checks(false).open(dir.resolve("m.db"), MapFormat.HASH, Use.BUILD);
    assertThat(t).isEqualTo(new Target(dir.resolve("m.db"), false, false));
    assertThat(reason(() -> checks(false).open(dir.resolve("none/m.db"), MapFormat.HASH,
        Use.BUILD))).isEqualTo("No such file or directory");
    assertThat(reason(() -> checks(false).open(dir.resolve("m.db"), MapFormat.HASH,
        Use.APPEND))).as("-o needs the map").isEqualTo("No such file or directory");
  }

  @Test
  void anExistingMapMustBeARegularFileOfTheTypeToBeReadOrAppendedTo() throws IOException, CannotOpen {
    Path m = map("m.db", MapFormat.BTREE);
    assertThat(checks(false).open(m, MapFormat.BTREE, Use.DUMP).exists()).isTrue();
    assertThat(reason(() -> checks(false).open(m, MapFormat.HASH, Use.APPEND)))
        .isEqualTo("Invalid argument (at open)");
    assertThat(checks(false).open(m, MapFormat.HASH, Use.BUILD).exists())
        .as("a build replaces whatever was there").isTrue();
    Files.createDirectory(dir.resolve("d.db"));
    assertThat(reason(() -> checks(false).open(dir.resolve("d.db"), MapFormat.HASH, Use.BUILD)))
        .isEqualTo("Regular files only");
  }

  @Test
  void linksAreRefusedUnlessAllowedAndThenFollowed() throws IOException, CannotOpen {
    Path target = map("target.db", MapFormat.HASH);
    Path link = Files.createSymbolicLink(dir.resolve("m.db"), Path.of("target.db"));
    assertThat(reason(() -> checks(false).open(link, MapFormat.HASH, Use.BUILD)))
        .isEqualTo("Symbolic links not allowed");
    assertThat(checks(true).open(link, MapFormat.HASH, Use.BUILD).path()).isEqualTo(target);

    Path hard = Files.createLink(dir.resolve("other.db"), target);
    assertThat(reason(() -> checks(false).open(hard, MapFormat.HASH, Use.BUILD)))
        .isEqualTo("Hard links not allowed");
    assertThat(checks(true).open(hard, MapFormat.HASH, Use.BUILD).hardLinked()).isTrue();
  }

  @Test
  void aLinkToNowhereFailsAsLibdbsExclusiveCreateDoes() throws IOException {
    Path dangling = Files.createSymbolicLink(dir.resolve("m.db"), Path.of("nowhere.db"));
    assertThat(reason(() -> checks(true).open(dangling, MapFormat.HASH, Use.BUILD)))
        .isEqualTo("File exists (at open)");
    assertThat(reason(() -> checks(true).open(dangling, MapFormat.HASH, Use.DUMP)))
        .isEqualTo("No such file or directory (at open)");
    Files.createSymbolicLink(dir.resolve("a.db"), Path.of("b.db"));
    Files.createSymbolicLink(dir.resolve("b.db"), Path.of("a.db"));
    assertThat(reason(() -> checks(true).open(dir.resolve("a.db"), MapFormat.HASH, Use.BUILD)))
        .isEqualTo("Too many levels of symbolic links");
  }

  @Test
  void rootIsJudgedByTheModeBitsOfWhoeverItCountsAs() throws IOException {
    SafeFile asRoot = new SafeFile(accounts(), true, 1234, false);
    int rwOwner = S_IFREG | 0600;
    assertThat(asRoot.rootMayOpen(rwOwner, 0, 0, Use.BUILD)).as("root's file").isTrue();
    assertThat(asRoot.rootMayOpen(rwOwner, 1234, 0, Use.BUILD)).as("TrustedUser's").isTrue();
    assertThat(asRoot.rootMayOpen(rwOwner, 77, 0, Use.BUILD)).as("another's, group root")
        .isFalse();
    assertThat(asRoot.rootMayOpen(S_IFREG | 0660, 77, 0, Use.BUILD)).isTrue();
    assertThat(asRoot.rootMayOpen(S_IFREG | 0660, 77, 300, Use.BUILD))
        .as("a group root belongs to").isTrue();
    assertThat(asRoot.rootMayOpen(S_IFREG | 0660, 77, 400, Use.BUILD))
        .as("a group root is not in: the other bits").isFalse();
    assertThat(asRoot.rootMayOpen(S_IFREG | 0664, 77, 400, Use.DUMP)).as("reading").isTrue();
    assertThat(asRoot.rootMayOpen(S_IFREG | 0444, 0, 0, Use.BUILD)).as("read-only").isFalse();
    assertThat(new SafeFile(accounts(), true, 0, false).rootMayOpen(rwOwner, 1234, 0, Use.BUILD))
        .as("without TrustedUser, uid 1234 is anyone").isFalse();
  }

  @Test
  void writableDirectoriesOnThePathAreNamedAsTyped() throws IOException {
    Path ww = Files.createDirectories(dir.resolve("ww/g/sub"));
    Files.setPosixFilePermissions(dir.resolve("ww"), PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.setPosixFilePermissions(dir.resolve("ww/g"),
        PosixFilePermissions.fromString("rwxrwxr-x"));
    Files.setPosixFilePermissions(ww, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    // the temporary directory's parents (/tmp) may warn too: only those below it are looked at
    assertThat(below(SafeFile.writableDirWarnings(dir + "/ww/g/sub/m.db"))).containsExactly(
        "WARNING: World writable directory " + dir + "/ww",
        "WARNING: Group writable directory " + dir + "/ww/g");
    assertThat(below(SafeFile.writableDirWarnings(dir + "/ww/./g/../m.db"))).containsExactly(
        "WARNING: World writable directory " + dir + "/ww",
        "WARNING: Group writable directory " + dir + "/ww/./g");
    assertThat(below(SafeFile.writableDirWarnings(dir + "/missing/m.db"))).isEmpty();
  }

  private List<String> below(List<String> warnings) {
    return warnings.stream().filter(w -> w.contains(dir.toString())).toList();
  }
}
