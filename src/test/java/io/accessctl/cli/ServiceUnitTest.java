package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.shell.Docs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

/**
 * The Debian package's unit starts {@code accessctl serve} with options of today's command line,
 * on the directories systemd creates for it: a renamed option or a moved socket would otherwise
 * show only when an admin starts the service.
 */
class ServiceUnitTest {
  private static final Path UNIT = Path.of("packaging/deb/accessctl-serve.service");

  @Test
  void execStartIsAServeCommandLineThatParses() throws IOException {
    ParseResult serve = serveCommandLine();

    assertThat(serve.commandSpec().name()).isEqualTo("serve");
    assertThat(serve.errors()).isEmpty();
  }

  @Test
  void storeAndSocketAreInTheDirectoriesSystemdMakesForTheService() throws IOException {
    ParseResult serve = serveCommandLine();

    assertThat(Path.of(given(serve, "--store").get(0)))
        .isEqualTo(Path.of("/var/lib", setting("StateDirectory")));
    assertThat(given(serve, "--socket")).isNotEmpty().allSatisfy(socket ->
        assertThat(Path.of(socket).getParent()).isEqualTo(Path.of("/run", setting("RuntimeDirectory"))));
    assertThat(given(serve, "--socket-mode")).containsExactly("0660");
  }

  @Test
  void runsAsItsOwnUserHardenedAndNotEnabledByThePackage() throws IOException {
    assertThat(setting("User")).isEqualTo("accessctl");
    assertThat(setting("ProtectSystem")).isEqualTo("strict");
    assertThat(setting("NoNewPrivileges")).isEqualTo("yes");
    assertThat(setting("ProtectHome")).isEqualTo("yes");
    assertThat(setting("PrivateTmp")).isEqualTo("yes");
    assertThat(Files.readString(Path.of("packaging/deb/control/postinst")))
        .doesNotContain("systemd-helper enable").doesNotContain("systemctl enable");
  }

  @Test
  void documentationNamesAManPageThatExists() throws IOException {
    String page = setting("Documentation").replaceFirst("^man:(.+)\\((\\d)\\)$", "man/$1.$2");
    assertThat(Path.of(page)).exists();
  }

  private static ParseResult serveCommandLine() throws IOException {
    String[] words = setting("ExecStart").trim().split("\\s+");
    assertThat(words[0]).isEqualTo("/usr/bin/accessctl");
    return Docs.model().parseArgs(Arrays.copyOfRange(words, 1, words.length)).subcommand();
  }

  /** The option's values as the unit writes them. */
  private static List<String> given(ParseResult command, String option) {
    assertThat(command.hasMatchedOption(option)).as("%s in ExecStart", option).isTrue();
    return command.matchedOption(option).stringValues();
  }

  /** The value of the unit's last {@code KEY=} line (systemd lets a later one win). */
  private static String setting(String key) throws IOException {
    String value = null;
    for (String line : Files.readAllLines(UNIT, StandardCharsets.UTF_8)) {
      if (line.startsWith(key + "=")) {
        value = line.substring(key.length() + 1);
      }
    }
    assertThat(value).as("%s= in %s", key, UNIT).isNotNull();
    return value;
  }
}
