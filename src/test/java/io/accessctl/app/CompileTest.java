package io.accessctl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.Severity;
import io.accessctl.mapfile.AtomicFile;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.MapReader;
import io.accessctl.source.ParseOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compile as an API: what refuses the write, what is only counted, and what is written. */
class CompileTest {
  @TempDir
  Path dir;

  private final List<String> warnings = new ArrayList<>();

  private Compile.Result compile(Path src, WritePolicy policy) throws IOException {
    return Compile.run(new Compile.Request(src, null, null, CfChoice.noCf(),
        ParseOptions.defaults(), false, policy), warnings::add, new Compile.Listener() { });
  }

  private static String get(Path db, String key) throws IOException {
    try (MapReader r = MapReader.open(db)) {
      return r.get(key.getBytes(StandardCharsets.ISO_8859_1))
          .map(v -> new String(v, StandardCharsets.ISO_8859_1)).orElse(null);
    }
  }

  /**
   * Compiles a sound map to access.db, then gives the text a line makemap rejects (a key without
   * a value).
   *
   * @return the text map
   */
  private Path compiledThenBroken(String sound) throws IOException {
    Path src = Files.writeString(dir.resolve("access"), sound);
    assertThat(compile(src, WritePolicy.DEFAULT).written()).isTrue();
    Files.writeString(src, "Connect:192.0.2.1 OK\nConnect:192.0.2.2\n");
    return src;
  }

  @Test
  void aMakemapErrorRefusesTheWriteAndLeavesTheDbAsItWas() throws IOException {
    Path src = compiledThenBroken("Connect:192.0.2.1 REJECT\n");
    Path db = dir.resolve("access.db");
    byte[] before = Files.readAllBytes(db);

    Compile.Result r = compile(src, WritePolicy.DEFAULT);

    assertThat(r.written()).isFalse();
    assertThat(r.records()).isZero();
    assertThat(r.checked().problems()).isEqualTo(1);
    assertThat(r.checked().count()).isEqualTo(new Checked.Count(1, 0, 0));
    assertThat(r.checked().blocking()).extracting(Diagnostic::ruleId, Diagnostic::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("AC102", 2));
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void lintFindingsBlockOnlyUnderStrict() throws IOException {
    Path src = Files.writeString(dir.resolve("access"), "Connect:IPv6:::1 RELAY\n"); // AC206

    Compile.Result plain = compile(src, WritePolicy.DEFAULT);
    Files.delete(dir.resolve("access.db"));
    Compile.Result strict = compile(src, new WritePolicy(true, false, false));

    assertThat(plain.written()).isTrue();
    assertThat(plain.checked().others()).isNotEmpty();
    assertThat(strict.written()).isFalse();
    assertThat(strict.checked().count()).isEqualTo(new Checked.Count(0, 0, 1));
    assertThat(strict.checked().blocking()).allMatch(d -> d.severity().atLeast(Severity.WARNING));
    assertThat(dir.resolve("access.db")).doesNotExist();
  }

  @Test
  void aLintErrorRefusesCompileAndPushAlikeUnlessForced() throws IOException {
    Path src = Files.writeString(dir.resolve("access"), "Connect:192.0.2.1 OK writer\n");

    Compile.Result compiled = compile(src, WritePolicy.DEFAULT);
    Push.Loaded pushed = Push.load(src, new Push.Gate(CfChoice.noCf(), ParseOptions.defaults(),
        WritePolicy.DEFAULT), warnings::add);

    assertThat(compiled.written()).isFalse();
    assertThat(compiled.checked().blocking()).extracting(Diagnostic::ruleId)
        .containsExactly("AC313");
    assertThat(dir.resolve("access.db")).doesNotExist();
    assertThat(pushed.problems()).isEqualTo(1);
    assertThat(pushed.checked().blocking()).extracting(Diagnostic::ruleId).containsExactly("AC313");

    WritePolicy force = new WritePolicy(false, true, false);
    Compile.Result forced = compile(src, force);
    Push.Loaded forcedPush = Push.load(src, new Push.Gate(CfChoice.noCf(),
        ParseOptions.defaults(), force), warnings::add);

    assertThat(forced.written()).isTrue();
    assertThat(forced.checked().overridden()).isTrue();
    assertThat(forced.checked().count()).isEqualTo(new Checked.Count(0, 1, 0));
    assertThat(get(forced.db(), "connect:192.0.2.1")).isEqualTo("OK writer");
    assertThat(forcedPush.refused()).isFalse();
    assertThat(forcedPush.checked().overridden()).isTrue();
  }

  @Test
  void aMapOfMoreThanTenThousandEntriesIsLintedInFull() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 12_000; i++) {
      sb.append("Try_TLS:host").append(i).append(".example YES\n");
    }
    Path src = Files.writeString(dir.resolve("access"), sb);

    Compile.Result r = compile(src, WritePolicy.DEFAULT);

    assertThat(r.written()).isTrue();
    assertThat(r.records()).isEqualTo(12_000);
    // every entry draws AC301, a warning: the first few are built, the rest counted
    assertThat(r.checked().others().size() + r.checked().counted())
        .isGreaterThanOrEqualTo(12_000);
    assertThat(r.checked().others()).allMatch(d -> d.ruleId().equals("AC301"));
  }

  @Test
  void minusRKeepsTheLastValueAndTheRepeatIsNoFinding() throws IOException {
    Path src = Files.writeString(dir.resolve("access"),
        "Try_TLS:a.example NO\ntry_tls:A.Example YES\n");

    Compile.Result r = compile(src, new WritePolicy(true, false, true));

    assertThat(r.checked().findings()).noneMatch(d -> d.ruleName().equals("duplicate-key"));
    assertThat(r.format()).isEqualTo(MapFormat.HASH);
    assertThat(get(r.db(), "try_tls:a.example")).isEqualTo(r.written() ? "YES" : null);
  }

  @Test
  void theCompiledFileSaysWhatTheTextSays() throws IOException {
    Path src = Files.writeString(dir.resolve("access"), "Connect:192.0.2.1 REJECT\n"
        + "Try_TLS:Broken.Example NO\n");
    Path out = dir.resolve("out.cdb");

    Compile.Result r = Compile.run(new Compile.Request(src, out, MapFormat.CDB, CfChoice.noCf(),
        ParseOptions.defaults(), true, WritePolicy.DEFAULT), warnings::add,
        new Compile.Listener() { });

    assertThat(r.db()).isEqualTo(out);
    assertThat(r.records()).isEqualTo(2);
    assertThat(MapFormat.detect(out)).isEqualTo(MapFormat.CDB);
    assertThat(get(out, "try_tls:broken.example\0")).isEqualTo("NO\0");
    assertThat(warnings).isEmpty();
  }

  @Test
  void aRefusedCompileNeitherWaitsForAnotherWriterNorLeavesATemporaryFile() throws Exception {
    Path src = compiledThenBroken("Connect:192.0.2.1 OK\n");
    Path db = dir.resolve("access.db");
    byte[] before = Files.readAllBytes(db);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread other = new Thread(() -> {
      try {
        AtomicFile.replace(db, ch -> {
          holding.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new IOException("abandoned");
        });
      } catch (IOException expected) {
        // the other writer gives up; the db stays as it was
      }
    });
    other.start();
    try {
      assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

      Compile.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60),
          () -> compile(src, WritePolicy.DEFAULT));

      assertThat(r.written()).isFalse();
      try (Stream<Path> files = Files.list(dir)) {
        // the other writer's temporary file and lock file, and no file of the refused compile
        assertThat(files.map(p -> p.getFileName().toString())
            .filter(n -> n.contains(".accessctl-") && n.endsWith(".tmp")))
            .hasSize(1);
      }
    } finally {
      release.countDown();
      other.join();
    }
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("access", "access.db");
    }
  }
}
