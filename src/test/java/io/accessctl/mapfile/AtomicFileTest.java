package io.accessctl.mapfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  private static void write(Path target, String text) throws IOException {
    AtomicFile.replace(target, ch -> ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))));
  }

  /** Files in the directory other than the target and the lock file. */
  private List<String> leftovers(String targetName) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals(targetName) && !n.endsWith(AtomicFile.LOCK_SUFFIX))
          .collect(Collectors.toList());
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  @Test
  void replacementKeepsOwnerGroupAndMode() throws IOException {
    Assumptions.assumeTrue(isRoot(), "changing a file's owner needs root");
    Path target = dir.resolve("access.db");
    write(target, "old");
    Files.setAttribute(target, "unix:uid", 1234, LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(target, "unix:gid", 5678, LinkOption.NOFOLLOW_LINKS);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw----r--"));

    write(target, "new");

    assertThat(Files.readString(target)).isEqualTo("new");
    assertThat(Files.getAttribute(target, "unix:uid")).isEqualTo(1234);
    assertThat(Files.getAttribute(target, "unix:gid")).isEqualTo(5678);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw----r--");
  }

  @Test
  void newFileGetsAtMost0640AndTheTempFileIsNamedAfterTheTarget() throws IOException {
    Path target = dir.resolve("access.db");
    List<String> seen = new ArrayList<>();
    AtomicFile.replace(target, ch -> {
      seen.addAll(leftovers("access.db"));
      ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    });
    assertThat(seen).singleElement().asString()
        .matches("\\.access\\.db\\.accessctl-" + ProcessHandle.current().pid() + "-[0-9a-f]+\\.tmp");
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(target);
    assertThat(PosixFilePermissions.fromString("rw-r-----")).containsAll(mode);
    assertThat(mode).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
    assertThat(leftovers("access.db")).isEmpty();
  }

  @Test
  void symbolicLinkTargetIsRefused() throws IOException {
    Path real = dir.resolve("real.db");
    Files.writeString(real, "untouched");
    Path link = Files.createSymbolicLink(dir.resolve("access.db"), real);

    assertThatThrownBy(() -> write(link, "new")).isInstanceOf(IOException.class)
        .hasMessageContaining(link.toString())
        .hasMessageContaining("is a symbolic link; refusing to write through it");
    assertThat(Files.readString(real)).isEqualTo("untouched");
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void staleTempFileOfADeadProcessIsRemovedAndALiveOnesKept() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    Process alive = new ProcessBuilder("sleep", "60").start();
    try {
      Path stale = dir.resolve(".access.db.accessctl-" + dead.pid() + "-0badc0ffee.tmp");
      Path live = dir.resolve(".access.db.accessctl-" + alive.pid() + "-0123456789.tmp");
      Path other = dir.resolve(".other.db.accessctl-" + dead.pid() + "-0badc0ffee.tmp");
      for (Path p : List.of(stale, live, other)) {
        Files.writeString(p, "half a map");
      }
      write(dir.resolve("access.db"), "new");
      assertThat(stale).doesNotExist();
      assertThat(live).exists();
      assertThat(other).as("another target's temp file").exists();
    } finally {
      alive.destroyForcibly();
    }
  }

  @Test
  void failureMidWriteLeavesTheOldFileAndNoTempFile() throws IOException {
    Path target = dir.resolve("access.db");
    write(target, "old content");
    assertThatThrownBy(() -> AtomicFile.replace(target, ch -> {
      ch.write(ByteBuffer.wrap("partial".getBytes(StandardCharsets.UTF_8)));
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThatThrownBy(() -> AtomicFile.replace(target, ch -> {
      ch.write(ByteBuffer.wrap("partial".getBytes(StandardCharsets.UTF_8)));
      throw new IllegalStateException("bug in the writer");
    })).hasMessage("bug in the writer");
    assertThat(Files.readString(target)).isEqualTo("old content");
    assertThat(leftovers("access.db")).isEmpty();
  }

  @Test
  void concurrentReplacementsEachLeaveOneWholeValidFile() throws Exception {
    Path target = dir.resolve("access.db");
    int writers = 6;
    List<List<Record>> maps = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      List<Record> m = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        m.add(Record.of("writer" + w + ":key" + i, "value-" + w + "-" + i));
      }
      maps.add(m);
    }
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        List<Record> m = maps.get(w);
        done.add(pool.submit(() -> {
          for (int round = 0; round < 5; round++) {
            try {
              Tools.write(target, MapFormat.HASH, m);
              // what is there now is always one writer's whole map
              List<String> now = Tools.readAll(target);
              assertThat(maps.stream().map(x -> x.size()).toList()).contains(now.size());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> last = Tools.readAll(target);
    assertThat(maps.stream().map(io.accessctl.testutil.MapGen::dumpLines))
        .anySatisfy(m -> assertThat(last).containsExactlyInAnyOrderElementsOf(m));
    assertThat(leftovers("access.db")).isEmpty();
  }

  @Test
  void aReplacementLeavesNothingButTheTargetInTheDirectory() throws IOException {
    Path target = dir.resolve("access.db");
    write(target, "old");
    write(target, "new");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("access.db");
    }
  }

  @Test
  void aLockFileLeftByAKilledRunIsTakenOverAndRemoved() throws IOException {
    Path target = dir.resolve("access.db");
    Path stale = dir.resolve(".access.db" + AtomicFile.LOCK_SUFFIX);
    Files.write(stale, new byte[] {'x'});
    write(target, "new");
    assertThat(Files.readString(target)).isEqualTo("new");
    assertThat(stale).doesNotExist();
  }

  @Test
  void replacementsInSeveralProcessesRunOneAfterTheOther() throws Exception {
    Path target = dir.resolve("access.db");
    Path marker = dir.resolve("inside");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      children.add(new ProcessBuilder(javaBin, "-XX:TieredStopAtLevel=1", "-cp",
          System.getProperty("java.class.path"), ReplaceLoop.class.getName(),
          target.toString(), marker.toString(), "150")
          .redirectErrorStream(true).redirectOutput(dir.resolve("child" + i).toFile()).start());
    }
    for (Process p : children) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as("exit status 3: a child found another replacement running beside"
          + " its own; output: %s", Files.readString(dir.resolve("child" + children.indexOf(p))))
          .isZero();
    }
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("child")))
          .containsExactly("access.db");
    }
  }
}
