package io.accessctl.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessctl.mapfile.AtomicFile;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.Record;
import io.accessctl.mapfile.WriteOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What is refused as a text map, and why. */
class SourceFilesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(MapFormat.class)
  void aCompiledMapOfAnyFormatIsNamedAndTheTextSourceSuggested(MapFormat format)
      throws IOException {
    Path db = dir.resolve("access" + format.extension());
    AtomicFile.replace(db, ch -> format.writer().write(List.of(Record.of("k", "v")), ch,
        WriteOptions.defaults()));
    assertThatThrownBy(() -> SourceFiles.read(db)).isInstanceOf(SourceFiles.NotATextMap.class)
        .hasMessage(db + ": line 1: a " + format.description() + " file, not an access text map"
            + " (lint and compile read the text source, e.g. /etc/mail/access)");
  }

  @Test
  void textIsRead() throws IOException {
    Path text = Files.writeString(dir.resolve("access"), "Connect:192.0.2 REJECT\n");
    assertThat(new String(SourceFiles.read(text), StandardCharsets.US_ASCII))
        .isEqualTo("Connect:192.0.2 REJECT\n");
  }
}
