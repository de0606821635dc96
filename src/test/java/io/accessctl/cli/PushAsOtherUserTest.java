package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.OtherUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push by a user who may not write the store: one line naming the store, exit 73, the map as it
 * was. Needs root (to run accessctl as {@code nobody}), as CI has.
 */
class PushAsOtherUserTest {
  @TempDir Path dir;

  @Test
  void aPushByAUserWhoMayNotWriteTheStoreIsOneLineAndExit73() throws Exception {
    OtherUser.assumeAvailable();
    Path source = Files.writeString(dir.resolve("access"), "Try_TLS:mx.example\tNO\n");
    Path store = dir.resolve("store");
    assertThat(Main.run(new PrintWriter(Writer.nullWriter()),
        new PrintWriter(Writer.nullWriter()), "push", "--no-cf", "--store",
        store.toString(), source.toString())).isZero();
    byte[] before = storeBytes(store);
    Files.writeString(source, "Try_TLS:mx.example\tNO\nConnect:192.0.2\tREJECT\n");

    List<String> command = new ArrayList<>(OtherUser.accessctl(dir, store));
    command.addAll(List.of("push", "--no-cf", "--store", store.toString(), source.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isEqualTo(ExitCodes.CANT_CREATE);
    assertThat(output.lines().toList()).singleElement().asString()
        .startsWith("accessctl: " + store).contains("only the store's owner may write it");
    assertThat(storeBytes(store)).isEqualTo(before);
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
