package io.accessctl.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/report/}: whole outputs compared character for
 * character (UTF-8, LF line ends).
 *
 * <p>To regenerate them after an intended change of output, run
 *
 * <pre>mvn -B -q test -Dtest='io.accessctl.report.**' -Daccessctl.updateGolden=true</pre>
 *
 * <p>which rewrites every golden file from the current output instead of comparing (the tests then
 * pass), and review {@code git diff src/test/resources/report} before committing.
 */
final class Golden {
  static final String UPDATE_PROPERTY = "accessctl.updateGolden";

  private Golden() {}

  static void assertMatches(String name, String actual) {
    Path file = dir().resolve(name);
    try {
      if (Boolean.getBoolean(UPDATE_PROPERTY)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(file)) {
        fail("golden file %s is missing; create it with -D%s=true and review it", file,
            UPDATE_PROPERTY);
      }
      assertThat(actual)
          .as("output differs from golden file %s (regenerate with -D%s=true if intended)",
              file, UPDATE_PROPERTY)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path dir() {
    return Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "report");
  }
}
