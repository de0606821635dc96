package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.accessctl.mapfile.MapReader;
import io.accessctl.testutil.Oracle;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compile replaces the db atomically: owner, group and mode kept, a new db gets makemap's mode,
 * never through a symbolic link, whole after a SIGKILL mid-write (and the leftover temp file goes
 * with the next run), and one whole result from concurrent compiles.
 */
class CompileAtomicTest {
  private static final String SMALL = "Try_TLS:broken.example NO\nConnect:192.0.2 REJECT\n";

  @TempDir
  Path dir;

  private Path write(String name, String latin1) throws IOException {
    return CompileFixtures.write(dir, name, latin1);
  }

  private static Map<String, Object> attrs(Path p) throws IOException {
    return Files.readAttributes(p, "unix:uid,gid,mode,ino", LinkOption.NOFOLLOW_LINKS);
  }

  private static boolean isRoot() throws IOException {
    return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
  }

  private static int umask() throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith("Umask:")) {
        return Integer.parseInt(l.substring(6).trim(), 8);
      }
    }
    throw new IllegalStateException("no Umask in /proc/self/status");
  }

  private static List<String> tempFiles(Path dir, String db) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("." + db + ".accessctl-") && n.endsWith(".tmp")).toList();
    }
  }

  @Test
  void theOldDbsOwnerGroupAndModeAreKeptOnANewInode() throws IOException {
    assumeTrue(isRoot(), "giving a file to another owner needs root");
    Path src = write("access", SMALL);
    Path db = dir.resolve("access.db");
    assertThat(Cli.run("compile", "--no-cf", "-q", src.toString()).exit()).isZero();
    Files.setAttribute(db, "unix:uid", 1234);
    Files.setAttribute(db, "unix:gid", 5678);
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw----r--"));
    Object inode = attrs(db).get("ino");
    write("access", SMALL + "From:spammer@ REJECT\n");

    Cli.Run r = Cli.run("compile", "--no-cf", "-q", src.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    Map<String, Object> a = attrs(db);
    assertThat(a.get("uid")).isEqualTo(1234);
    assertThat(a.get("gid")).isEqualTo(5678);
    assertThat(Integer.toOctalString((Integer) a.get("mode") & 07777)).isEqualTo("604");
    assertThat(a.get("ino")).as("replaced by rename, not rewritten").isNotEqualTo(inode);
    try (MapReader m = MapReader.open(db)) {
      assertThat(m.size()).isEqualTo(3);
    }
  }

  @Test
  void aNewDbGets0640LessTheUmaskAsMakemapGivesIt() throws IOException {
    Path src = write("access", SMALL);
    assertThat(Cli.run("compile", "--no-cf", "-q", src.toString()).exit()).isZero();
    int mode = (Integer) attrs(dir.resolve("access.db")).get("mode") & 07777;
    assertThat(Integer.toOctalString(mode)).isEqualTo(Integer.toOctalString(0640 & ~umask()));
  }

  @Test
  void underUmask077ANewDbIs0600() throws Exception {
    Path src = write("access", SMALL);
    Process p = start(List.of("sh", "-c", "umask 077 && exec \"$@\"", "sh"),
        List.of("compile", "--no-cf", "-q", src.toString()));
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    int mode = (Integer) attrs(dir.resolve("access.db")).get("mode") & 07777;
    assertThat(Integer.toOctalString(mode)).isEqualTo("600");
  }

  @Test
  void aSymbolicLinkAtTheDbIsRefusedAndNeitherLinkNorTargetChange() throws IOException {
    Path src = write("access", SMALL);
    Path target = dir.resolve("real.db");
    assertThat(Cli.run("compile", "--no-cf", "-q", "-o", target.toString(), src.toString())
        .exit()).isZero();
    byte[] before = Files.readAllBytes(target);
    Path link = Files.createSymbolicLink(dir.resolve("access.db"), Path.of("real.db"));
    write("access", SMALL + "From:spammer@ REJECT\n");

    Cli.Run r = Cli.run("compile", "--no-cf", src.toString());

    assertThat(r.exit()).isEqualTo(73);
    assertThat(r.err().lines()).singleElement().asString().startsWith("accessctl: ")
        .contains("symbolic link");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("real.db"));
    assertThat(Files.readAllBytes(target)).isEqualTo(before);
    assertThat(tempFiles(dir, "access.db")).isEmpty();
  }

  @Test
  void somethingOtherThanARegularFileAtTheDbIsNeverReplaced() throws IOException {
    Path src = write("access", SMALL);
    Path sub = Files.createDirectory(dir.resolve("sub.db"));
    Path fifo = dir.resolve("fifo.db");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    try {
      assertThat(mkfifo.waitFor()).isZero();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    for (Path db : List.of(sub, fifo)) {
      Cli.Run r = Cli.run("compile", "--no-cf", "-q", "-o", db.toString(), src.toString());
      assertThat(r.exit()).isEqualTo(73);
      assertThat(r.err()).isEqualTo("accessctl: " + db
          + ": not a regular file; refusing to replace it\n");
    }
    assertThat(Files.isDirectory(sub)).isTrue();
    assertThat(Files.isRegularFile(fifo)).isFalse();
    assertThat(Files.exists(fifo)).isTrue();
  }

  /**
   * SIGKILL while the new file of a 1,000,000-entry map is being written: the old db is whole,
   * and the next compile removes the temp file the killed one left.
   */
  @Test
  void aCompileKilledMidWriteLeavesTheOldDbWholeAndTheNextRunCleansUp() throws Exception {
    Path src = write("access", SMALL);
    Path db = dir.resolve("access.db");
    assertThat(Cli.run("compile", "--no-cf", "-q", src.toString()).exit()).isZero();
    byte[] before = Files.readAllBytes(db);
    Path big = dir.resolve("big");
    CompileFixtures.writeBigMap(big, 1_000_000);

    long started = System.nanoTime();
    Path stderr = dir.resolve("stderr");
    // a young generation that holds the parsed map: the run reaches its write sooner
    Process p = start(List.of(), List.of("-XX:+UseParallelGC", "-Xmn1g", "-Xms2g"),
        List.of("compile", "--no-cf", "-q", "-o", db.toString(), big.toString()), stderr);
    Path temp = null;
    while (p.isAlive() && temp == null) {
      List<String> temps = tempFiles(dir, "access.db");
      if (!temps.isEmpty() && Files.size(dir.resolve(temps.get(0))) > 0) {
        temp = dir.resolve(temps.get(0));
      } else {
        Thread.sleep(1);
      }
    }
    p.destroyForcibly(); // SIGKILL
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    System.out.printf("CompileAtomicTest: 1M-entry compile killed %.1f s after its start%n",
        (System.nanoTime() - started) / 1e9);

    assertThat(temp).as("the compile was killed while it wrote its temp file; stderr: %s",
        Files.readString(stderr)).isNotNull();
    assertThat(p.exitValue()).isEqualTo(128 + 9);
    assertThat(Files.readAllBytes(db)).as("the old db, byte for byte").isEqualTo(before);
    assertThat(tempFiles(dir, "access.db")).as("the killed run's leftover").isNotEmpty();

    Cli.Run next = Cli.run("compile", "--no-cf", "-q", src.toString());

    assertThat(next.exit()).as(next.err()).isZero();
    assertThat(tempFiles(dir, "access.db")).as("left over after the next compile").isEmpty();
    try (MapReader m = MapReader.open(db)) {
      assertThat(m.size()).isEqualTo(2);
    }
  }

  /**
   * Threads in this JVM and separate processes compile different sources to one db at once: the
   * db afterwards is one of the inputs, whole and valid.
   */
  @Test
  void concurrentCompilesOfDifferentSourcesLeaveOneWholeDb() throws Exception {
    Path db = dir.resolve("shared.db");
    int threads = 3;
    int processes = 2;
    Map<String, List<String>> expected = new ConcurrentHashMap<>();
    List<Path> sources = new ArrayList<>();
    for (int w = 0; w < threads + processes; w++) {
      StringBuilder sb = new StringBuilder();
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < 1000 + 300 * w; i++) {
        sb.append("Connect:10.").append(w).append('.').append(i / 256).append('.')
            .append(i % 256).append(" ERROR:550 5.7.1 writer").append(w).append('\n');
        lines.add("connect:10." + w + "." + (i / 256) + "." + (i % 256)
            + "\tERROR:550 5.7.1 writer" + w);
      }
      Path src = write("src" + w, sb.toString());
      sources.add(src);
      expected.put("writer" + w, lines.stream().sorted().toList());
    }
    List<Process> procs = new ArrayList<>();
    for (int w = threads; w < threads + processes; w++) {
      procs.add(start(List.of(), List.of("compile", "--no-cf", "-q", "-o", db.toString(),
          sources.get(w).toString())));
    }
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> running = new ArrayList<>();
    Set<Integer> exits = ConcurrentHashMap.newKeySet();
    for (int w = 0; w < threads; w++) {
      Path src = sources.get(w);
      Thread t = new Thread(() -> {
        try {
          go.await();
          for (int round = 0; round < 2; round++) {
            exits.add(Cli.run("compile", "--no-cf", "-q", "-o", db.toString(), src.toString())
                .exit());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      t.start();
      running.add(t);
    }
    go.countDown();
    for (Thread t : running) {
      t.join(60_000);
    }
    for (Process p : procs) {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      exits.add(p.exitValue());
    }

    assertThat(exits).containsExactly(0);
    assertThat(tempFiles(dir, "shared.db")).isEmpty();
    List<String> dump = new ArrayList<>();
    try (MapReader m = MapReader.open(db)) {
      m.forEach((k, v) -> dump.add(new String(k, StandardCharsets.ISO_8859_1) + "\t"
          + new String(v, StandardCharsets.ISO_8859_1)));
    }
    String writer = dump.get(0).substring(dump.get(0).lastIndexOf(' ') + 1);
    assertThat(dump.stream().sorted().toList()).as("the db is exactly %s's input", writer)
        .isEqualTo(expected.get(writer));
    if (Files.isExecutable(Path.of(Oracle.DB_VERIFY))) {
      CompileOracleTest.assertVerified(db, "concurrent compiles");
    }
  }

  /** {@code [prefix…] java -cp CLASSPATH io.accessctl.cli.Main args…}, stdout discarded. */
  private Process start(List<String> prefix, List<String> args) throws IOException {
    return start(prefix, List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), args,
        dir.resolve("stderr-" + System.nanoTime()));
  }

  private static Process start(List<String> prefix, List<String> jvmOptions, List<String> args,
      Path stderr) throws IOException {
    List<String> cmd = new ArrayList<>(prefix);
    List<String> java = javaCommand();
    cmd.add(java.get(0));
    cmd.addAll(jvmOptions);
    cmd.addAll(java.subList(1, java.size()));
    cmd.addAll(args);
    return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(stderr.toFile()).start();
  }

  static List<String> javaCommand() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    String classes = Stream.of(cp.split(File.pathSeparator))
        .filter(e -> !e.isBlank()).collect(Collectors.joining(File.pathSeparator));
    return List.of(java, "-cp", classes, "io.accessctl.cli.Main");
  }
}
