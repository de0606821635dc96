package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.serve.MapInfo;
import io.accessctl.serve.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushCommandTest {
  @TempDir
  Path dir;

  private Path write(String text) throws IOException {
    Path p = dir.resolve("access");
    Files.writeString(p, text, StandardCharsets.ISO_8859_1);
    return p;
  }

  private String store() {
    return dir.resolve("store").toString();
  }

  private Optional<String> lookup(String key) throws IOException {
    try (Store s = Store.open(dir.resolve("store"))) {
      return s.lookup("access", key.getBytes(StandardCharsets.ISO_8859_1))
          .map(v -> new String(v, StandardCharsets.ISO_8859_1));
    }
  }

  private MapInfo info() throws IOException {
    try (Store s = Store.open(dir.resolve("store"))) {
      return s.info("access").orElseThrow();
    }
  }

  @Test
  void aCleanSourceReplacesTheMapWithKeysFoldedAsMakemapFoldsThem() throws Exception {
    Path src = write("Try_TLS:Bagoona.COM\tNO\nSrv_Features:\tA P  \n");
    Cli.Run r = Cli.run("push", "--no-cf", "--store", store(), src.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("accessctl: pushed " + src + " to map access in " + store()
        + " (generation 1, 2 entries)\n");
    assertThat(lookup("try_tls:bagoona.com")).contains("NO");
    assertThat(lookup("Srv_Features:")).contains("A P  "); // the value verbatim, as makemap keeps it
    assertThat(info().fold()).isTrue();
    assertThat(info().source()).isEqualTo(src.toString());

    write("Try_TLS:bagoona.com\tNO\n");
    assertThat(Cli.run("push", "--no-cf", "-q", "--store", store(), src.toString()).out())
        .isEmpty();
    assertThat(info().generation()).isEqualTo(2);
    assertThat(lookup("srv_features:")).isEmpty();
  }

  @Test
  void theExampleMapIsPushedAndTheOneWithMistakesIsRefused() throws Exception {
    assertThat(Cli.run("push", "--no-cf", "-q", "--store", store(), "examples/access").exit())
        .isZero();
    long entries = info().entries();
    Cli.Run bad = Cli.run("push", "--no-cf", "--store", store(), "examples/access-with-mistakes");
    assertThat(bad.exit()).isEqualTo(65);
    assertThat(bad.err()).contains("error:").contains("problem(s) block the push; map access in "
        + store() + " was not changed");
    assertThat(info().generation()).isEqualTo(1);
    assertThat(info().entries()).isEqualTo(entries);
  }

  @Test
  void makemapErrorsRefuseThePush() throws Exception {
    Path src = write(" Connect:10\tRELAY\n");
    Cli.Run r = Cli.run("push", "--no-cf", "--store", store(), src.toString());
    assertThat(r.exit()).isEqualTo(65);
    assertThat(Store.isStore(dir.resolve("store"))).isFalse();
  }

  @Test
  void aRepeatedKeyIsAnErrorUnlessDashR() throws Exception {
    Path src = write("Connect:10\tRELAY\nconnect:10\tREJECT\n");
    assertThat(Cli.run("push", "--no-cf", "--store", store(), src.toString()).exit())
        .isEqualTo(65);
    Cli.Run r = Cli.run("push", "--no-cf", "-r", "--store", store(), src.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(lookup("connect:10")).contains("REJECT");
  }

  @Test
  void dashFKeepsTheCaseOfKeysAndLookups() throws Exception {
    Path src = write("Connect:MixedCase.example\tREJECT\n");
    assertThat(Cli.run("push", "--no-cf", "-f", "--store", store(), src.toString()).exit())
        .isZero();
    assertThat(info().fold()).isFalse();
    assertThat(lookup("Connect:MixedCase.example")).contains("REJECT");
    assertThat(lookup("connect:mixedcase.example")).isEmpty();
  }

  @Test
  void aValueLongerThanASocketmapReplyIsRefused() throws Exception {
    Path src = write("Connect:10\t" + "x".repeat(100_000) + "\n");
    Cli.Run r = Cli.run("push", "--no-cf", "--store", store(), src.toString());
    assertThat(r.exit()).isEqualTo(65);
    assertThat(r.err()).contains("the value of \"connect:10\" is 100000 bytes; a socketmap reply "
        + "holds at most 99997");
  }

  @Test
  void aMissingSourceAndABadMapNameAreOneLineErrors() {
    Cli.Run missing = Cli.run("push", "--no-cf", "--store", store(), dir.resolve("nope").toString());
    assertThat(missing.exit()).isEqualTo(66);
    assertThat(missing.err()).isEqualTo("accessctl: " + dir.resolve("nope")
        + ": No such file or directory\n");
    Cli.Run badName = Cli.run("push", "--no-cf", "--store", store(), "--map", "my map", "x");
    assertThat(badName.exit()).isEqualTo(2);
    assertThat(badName.err()).contains("map name \"my map\"");
  }

  @Test
  void aStoreThatCannotBeCreatedIsExit73() throws Exception {
    Path src = write("Connect:10\tRELAY\n");
    Files.writeString(dir.resolve("file"), "");
    Cli.Run r = Cli.run("push", "--no-cf", "--store", dir.resolve("file").resolve("store")
        .toString(), src.toString());
    assertThat(r.exit()).isEqualTo(73);
    assertThat(r.err()).startsWith("accessctl: ").doesNotContain("Exception");
  }
}
