package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.shell.Docs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The committed man pages are what the picocli model makes today. When this fails, regenerate
 * with {@code mvn -DskipTests package} (or {@code java -cp … io.accessctl.shell.Docs .}) and
 * commit man/ and completions/.
 */
class ManPageTest {
  static final String REGENERATE = "; regenerate with 'mvn -DskipTests package' and commit man/ "
      + "and completions/";

  @Test
  void committedManPagesAreCurrent() throws Exception {
    assertCurrent("man/");
  }

  @Test
  void everyCommandHasItsPage() throws Exception {
    Map<String, String> docs = Docs.generate();
    for (String cmd : Docs.model().getSubcommands().keySet()) {
      assertThat(docs).containsKey("man/accessctl-" + cmd + ".1");
    }
    assertThat(docs.get("man/accessctl.1")).contains(".TH \"ACCESSCTL\" \"1\"")
        .contains("EXIT STATUS");
  }

  @Test
  void manRendersTheCommittedPage() throws Exception {
    boolean haveMan = Files.isExecutable(Path.of("/usr/bin/man"));
    if (System.getenv("CI") == null) {
      Assumptions.assumeTrue(haveMan, "SKIPPED: man is not installed");
    }
    ProcessBuilder pb = new ProcessBuilder("man", "-l", "man/accessctl.1");
    pb.environment().put("MANWIDTH", "80");
    pb.environment().put("MANPAGER", "cat");
    pb.environment().put("MAN_KEEP_FORMATTING", "");
    pb.environment().put("LANG", "C.UTF-8");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(err).isZero();
    assertThat(err).isEmpty();
    assertThat(out.replaceAll(".\b", "")).contains("ACCESSCTL(1)").contains("SYNOPSIS")
        .contains("accessctl [-hV] [--debug] [COMMAND]").contains("lint")
        .contains("EXIT STATUS");
  }

  /** Every generated file under {@code dir} equals the committed one, and no stale one is left. */
  static void assertCurrent(String dir) throws Exception {
    Map<String, String> docs = Docs.generate();
    for (Map.Entry<String, String> e : docs.entrySet()) {
      if (!e.getKey().startsWith(dir)) {
        continue;
      }
      Path committed = Path.of(e.getKey());
      assertThat(committed).as(e.getKey() + " is missing" + REGENERATE).exists();
      assertThat(Files.readString(committed)).as(e.getKey() + " is stale" + REGENERATE)
          .isEqualTo(e.getValue());
    }
    List<String> present;
    try (Stream<Path> s = Files.list(Path.of(dir))) {
      present = s.map(p -> dir + p.getFileName()).toList();
    }
    assertThat(docs.keySet()).as("files the model no longer makes" + REGENERATE + " (delete them)")
        .containsAll(present);
  }
}
