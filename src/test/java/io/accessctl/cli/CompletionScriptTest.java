package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.shell.Docs;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The committed completions are current, and bash really completes with them. */
class CompletionScriptTest {
  @TempDir
  Path tmp;

  @Test
  void committedCompletionsAreCurrent() throws Exception {
    ManPageTest.assertCurrent("completions/");
  }

  @Test
  void bashCompletesSubcommandsAndTheirOptions() throws Exception {
    Path script = Path.of("completions/accessctl.bash").toAbsolutePath();
    assertThat(complete(script, "accessctl", "")).contains("lint", "explain", "query", "hook",
        "shell");
    assertThat(complete(script, "accessctl", "li")).containsExactly("lint");
    assertThat(complete(script, "accessctl", "lint", "--fo")).containsExactly("--format");
    assertThat(complete(script, "accessctl", "hook", "")).contains("install", "run");
    if (Docs.model().getSubcommands().containsKey("lookup")) {
      assertThat(complete(script, "accessctl", "lookup", "Try")).contains("Try_TLS");
    }
  }

  @Test
  void bashCompletesTheMapFormatsForType() throws Exception {
    Path script = Path.of("completions/accessctl.bash").toAbsolutePath();
    assertThat(complete(script, "accessctl", "compile", "--type", ""))
        .containsExactly("hash", "btree", "cdb");
    assertThat(complete(script, "accessctl", "dump", "--type", "b")).containsExactly("btree");
  }

  /** Stands in for lookup until it exists; the real one gets the same treatment from Docs. */
  @Command(name = "lookup")
  static final class StubLookup implements Runnable {
    @Parameters(index = "0", paramLabel = "TAG")
    String tag;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Override
    public void run() {}
  }

  @Test
  void bashCompletesTagNamesForLookup() throws Exception {
    CommandLine cl = Main.commandLine(Console.plain(), InputStream.nullInputStream());
    if (!cl.getSubcommands().containsKey("lookup")) {
      cl.addSubcommand("lookup", new StubLookup());
    }
    Docs.withTagCandidates(cl.getSubcommands().get("lookup").getCommandSpec());
    Path script = tmp.resolve("accessctl.bash");
    Files.writeString(script, AutoComplete.bash("accessctl", cl));
    assertThat(complete(script, "accessctl", "lookup", "Try")).contains("Try_TLS");
    assertThat(complete(script, "accessctl", "lookup", "")).contains("Connect", "From", "To",
        "Spam", "Try_TLS", "Srv_Features");
  }

  @Test
  void fishAndZshScriptsCoverEveryCommand() throws Exception {
    String fish = Docs.generate().get("completions/accessctl.fish");
    for (String cmd : Docs.model().getSubcommands().keySet()) {
      assertThat(fish).contains("-a " + cmd + " -d");
    }
    assertThat(Docs.generate().get("completions/accessctl.zsh")).contains("bashcompinit");
  }

  /** What bash's completion function offers for the last word of {@code words} (compopt only
   * works inside real completion, so it is stubbed). */
  static List<String> complete(Path script, String... words) throws Exception {
    StringBuilder arr = new StringBuilder();
    for (String w : words) {
      arr.append(" '").append(w.replace("'", "'\\''")).append('\'');
    }
    String line = String.join(" ", words);
    String cmd = "source '" + script + "'; compopt() { :; }; COMP_WORDS=(" + arr + "); COMP_CWORD="
        + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=" + line.length()
        + "; _complete_accessctl; printf '%s\\n' \"${COMPREPLY[@]}\"";
    Process p = new ProcessBuilder("bash", "--norc", "-c", cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out.lines().filter(l -> !l.isEmpty()).map(String::strip).toList();
  }
}
