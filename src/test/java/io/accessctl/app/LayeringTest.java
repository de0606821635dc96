package io.accessctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of design.md hold in the sources: cli on top, then shell, then app, then the rest;
 * no package names one above it, and cli and shell do not name each other both ways.
 */
class LayeringTest {
  static final Path MAIN = Path.of("src/main/java/io/accessctl");
  static final Pattern REFERENCE = Pattern.compile("\\bio\\.accessctl\\.([a-z]+)\\.");

  /** "file: package" for every reference from {@code from} to one of {@code above}. */
  private static List<String> references(String from, Set<String> above) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN.resolve(from))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
          if (above.contains(m.group(1))) {
            found.add(MAIN.relativize(f) + ": " + m.group(1));
          }
        }
      }
    }
    return found;
  }

  @Test
  void theShellUsesTheAppLayerAndNotTheCli() throws IOException {
    assertThat(references("shell", Set.of("cli"))).isEmpty();
    assertThat(references("shell", Set.of("app"))).isNotEmpty();
  }

  @Test
  void theAppLayerUsesNeitherTheCliNorTheShell() throws IOException {
    assertThat(references("app", Set.of("cli", "shell"))).isEmpty();
  }

  @Test
  void thePackagesBelowTheAppLayerUseNothingAboveThem() throws IOException {
    for (String below : List.of("source", "catalog", "cf", "mapfile", "lint", "report",
        "sendmail", "serve", "status", "maillog")) {
      assertThat(references(below, Set.of("app", "cli", "shell"))).as(below).isEmpty();
    }
  }
}
