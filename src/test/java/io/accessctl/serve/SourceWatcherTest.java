package io.accessctl.serve;

import static io.accessctl.serve.TestMaps.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.mapfile.Record;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceWatcherTest {
  @TempDir
  Path dir;

  private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();

  /** A stand-in for push's parse and lint: "KEY VALUE" lines; a line "ERROR" refuses the file. */
  private static MapContent load(Path p) throws IOException {
    byte[] data = Files.readAllBytes(p);
    List<Record> r = new ArrayList<>();
    for (String line : new String(data, StandardCharsets.ISO_8859_1).split("\n")) {
      if (line.equals("ERROR")) {
        throw new SourceWatcher.Refused(p + ": 1 problem(s) block the push");
      }
      String[] kv = line.split(" ", 2);
      r.add(Record.of(kv[0], kv[1]));
    }
    return new MapContent(r, true, p.toString(), MapContent.digest(data));
  }

  private static void await(java.util.function.BooleanSupplier cond) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!cond.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(cond.getAsBoolean()).isTrue();
  }

  private static String value(Store s, String key) throws IOException {
    return s.lookup("access", bytes(key)).map(TestMaps::text).orElse(null);
  }

  @Test
  void pushesAtStartAndOnEveryRealChangeButNotARefusedOne() throws Exception {
    Path src = dir.resolve("access");
    Files.writeString(src, "k one");
    try (Store s = Store.open(dir.resolve("store"));
        SourceWatcher w = new SourceWatcher(s, "access", src, Duration.ofMillis(50),
            SourceWatcherTest::load, log::add)) {
      w.start();
      assertThat(value(s, "k")).isEqualTo("one");

      // an edit in place
      Files.writeString(src, "k two");
      await(() -> "two".equals(valueQuietly(s)));
      long gen = s.info("access").orElseThrow().generation();

      // a file with errors leaves the map alone and says so
      Files.writeString(src, "k three\nERROR");
      await(() -> log.stream().anyMatch(l -> l.contains("block the push")));
      assertThat(value(s, "k")).isEqualTo("two");
      assertThat(log).anyMatch(l -> l.contains("stays at generation " + gen));

      // rename over it, as editors and config managers do
      Path tmp = dir.resolve("access.tmp");
      Files.writeString(tmp, "k four");
      Files.move(tmp, src, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      await(() -> "four".equals(valueQuietly(s)));

      // touching it without a change pushes nothing
      long now = s.info("access").orElseThrow().generation();
      Files.setLastModifiedTime(src, java.nio.file.attribute.FileTime.fromMillis(
          System.currentTimeMillis() + 5000));
      Thread.sleep(300);
      assertThat(s.info("access").orElseThrow().generation()).isEqualTo(now);

      Files.delete(src);
      await(() -> log.stream().anyMatch(l -> l.contains("missing")));
      assertThat(value(s, "k")).isEqualTo("four");
    }
  }

  private static String valueQuietly(Store s) {
    try {
      return value(s, "k");
    } catch (IOException e) {
      return null;
    }
  }

  @Test
  void aFileThatMatchesTheStoredDigestIsNotPushedAgainAtStart() throws Exception {
    Path src = dir.resolve("access");
    Files.writeString(src, "k one");
    try (Store s = Store.open(dir.resolve("store"))) {
      s.replace("access", load(src));
      try (SourceWatcher w = new SourceWatcher(s, "access", src, Duration.ofMillis(50),
          SourceWatcherTest::load, log::add)) {
        w.start();
        assertThat(s.info("access").orElseThrow().generation()).isEqualTo(1);
      }
    }
  }
}
