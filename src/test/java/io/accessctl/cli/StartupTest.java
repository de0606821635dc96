package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start loads, which is what it costs: a pre-commit hook must not pay for JLine, Berkeley DB
 * JE or the models of commands it does not run. bench/startup.sh measures the time itself.
 */
class StartupTest {
  @TempDir
  Path tmp;

  /** The classes a fresh JVM loads for these arguments. */
  static List<String> loaded(Path dir, String stdin, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-Xshare:off", "-Xlog:class+load=info", "-cp",
        System.getProperty("java.class.path"), "io.accessctl.cli.Main"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out.lines().filter(l -> l.contains("[class,load]"))
        .map(l -> l.replaceFirst(".*\\[class,load\\] (\\S+).*", "$1")).toList();
  }

  @Test
  void versionBuildsNoSubcommandModel() throws Exception {
    List<String> classes = loaded(tmp, "", "--version");
    // The class literals in AccessctlCommand load the command classes (cheap, from the CDS
    // archive); building a model reflects on fields, which would load their mixin too.
    assertThat(classes).contains("io.accessctl.cli.AccessctlCommand")
        .doesNotContain("io.accessctl.cli.ParseOptionsMixin");
    assertThat(classes).noneMatch(c -> c.startsWith("org.jline.") || c.startsWith("com.sleepycat."));
  }

  @Test
  void aHookRunLoadsNeitherJLineNorTheServerStore() throws Exception {
    Path access = tmp.resolve("access");
    Files.writeString(access, "Connect:192.0.2.1\tREJECT\n");
    List<String> classes = loaded(tmp, "", "lint", "--no-cf", access.toString());
    assertThat(classes).contains("io.accessctl.cli.LintCommand", "io.accessctl.cli.ParseOptionsMixin");
    assertThat(classes).noneMatch(c -> c.startsWith("org.jline.") || c.startsWith("com.sleepycat.")
        || c.startsWith("io.accessctl.shell."));
  }

  @Test
  void aScriptedShellDoesNotNeedJLine() throws Exception {
    Path access = tmp.resolve("access");
    Files.writeString(access, "Connect:192.0.2.1\tREJECT\n");
    List<String> classes = loaded(tmp, "query Connect:192.0.2.1\nexit\n", "shell", "--map",
        access.toString());
    assertThat(classes).contains("io.accessctl.shell.Shell");
    assertThat(classes).noneMatch(c -> c.startsWith("org.jline."));
  }
}
