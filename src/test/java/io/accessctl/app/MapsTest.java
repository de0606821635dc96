package io.accessctl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessctl.mapfile.MapFormat;
import io.accessctl.serve.Store;
import io.accessctl.source.ParseOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Any map opened by its path answers the same keys the same way. */
class MapsTest {
  static final String TEXT = "Connect:192.0.2.1 REJECT\nTry_TLS:Broken.Example NO\n";

  @TempDir
  Path dir;

  private Path text() throws IOException {
    return Files.writeString(dir.resolve("access"), TEXT);
  }

  private static void assertAnswers(MapSource m) throws IOException {
    assertThat(m.getLatin1("connect:192.0.2.1")).contains("REJECT");
    assertThat(m.getLatin1("try_tls:broken.example")).contains("NO");
    assertThat(m.getLatin1("Try_TLS:Broken.Example")).isEmpty();
  }

  @Test
  void aTextMapIsParsedAsCompileParsesIt() throws IOException {
    try (MapSource m = Maps.open(text(), ParseOptions.defaults())) {
      assertAnswers(m);
      assertThat(m.keys(10)).containsExactly("Connect:192.0.2.1", "Try_TLS:Broken.Example");
      assertThat(m.keys(1)).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(MapFormat.class)
  void aCompiledMapIsReadNatively(MapFormat format) throws IOException {
    Path db = dir.resolve("access" + format.extension());
    Compile.run(new Compile.Request(text(), db, format, CfChoice.noCf(), ParseOptions.defaults(),
        false, WritePolicy.DEFAULT), w -> { }, new Compile.Listener() { });
    try (MapSource m = Maps.open(db, ParseOptions.defaults())) {
      assertThat(m.path()).isEqualTo(db);
      assertAnswers(m);
      assertThat(m.keys(10)).containsExactly("connect:192.0.2.1", "try_tls:broken.example");
    }
  }

  @Test
  void aStoreIsReadThroughItsAccessMap() throws IOException {
    Path store = dir.resolve("store");
    Push.Loaded loaded = Push.load(text(), new Push.Gate(CfChoice.noCf(), ParseOptions.defaults(),
        WritePolicy.DEFAULT), w -> { });
    try (Store s = Store.open(store)) {
      s.replace("access", loaded.content());
    }
    try (MapSource m = Maps.open(store, ParseOptions.defaults())) {
      assertAnswers(m);
      assertThat(m.keys(10)).isEmpty();
    }
  }

  @Test
  void aMissingFileOrAPlainDirectoryIsAnIoError() {
    assertThatThrownBy(() -> Maps.open(dir.resolve("nope"), ParseOptions.defaults()))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> Maps.open(dir, ParseOptions.defaults()))
        .isInstanceOf(IOException.class).hasMessageContaining("is a directory, not a map");
  }
}
