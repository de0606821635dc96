package io.accessctl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cli.Console;
import io.accessctl.cli.ShellCommand;
import io.accessctl.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accessctl shell} scripted through standard input, and on a (dumb) JLine terminal. */
class ShellSessionTest {
  static final String MAP = "# hand-made\nTry_TLS:broken.example\tNO\nConnect:192.0.2.1\tREJECT\n"
      + "Connect:bad.example\tREJECT # spam\n";

  @TempDir
  Path tmp;
  Path map;

  record Session(int exit, String out, String err) {}

  @BeforeEach
  void map() throws Exception {
    map = tmp.resolve("access");
    Files.writeString(map, MAP);
  }

  Session session(String script) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), Console.plain(),
        new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), "shell", "--map",
        map.toString());
    return new Session(code, out.toString(), err.toString());
  }

  @Test
  void aScriptedSessionAnswersQueriesLintExplainAndHelp() {
    Session s = session("""
        # comments and blank lines are skipped

        query Try_TLS:broken.example
        query try_tls:BROKEN.example Connect:192.0.2.1
        lint --format gcc
        explain AC108
        help
        exit
        query Connect:192.0.2.1
        """);
    assertThat(s.exit()).isZero();
    assertThat(s.out()).startsWith("NO\n")
        .contains("try_tls:BROKEN.example\tNO\nConnect:192.0.2.1\tREJECT\n")
        .contains(map + ":4:").contains("[AC108 inline-comment]")
        .contains("AC108 inline-comment (")
        .contains("  query KEY...").contains("  reload").contains("Map: " + map);
    // nothing after exit runs
    assertThat(s.out().indexOf("Connect:192.0.2.1\tREJECT")).isEqualTo(s.out().lastIndexOf(
        "Connect:192.0.2.1\tREJECT"));
    assertThat(s.out()).doesNotContain("accessctl>");
  }

  @Test
  void lookupAnswersWhenTheCliHasIt() {
    Shell shell = ShellCommand.shell(map, Console.plain(), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
    if (!shell.commands().contains("lookup")) {
      assertThat(session("lookup Try_TLS broken.example\n").err()).contains("unknown command 'lookup'");
      return;
    }
    Session s = session("lookup Try_TLS broken.example\n");
    assertThat(s.out()).contains("NO");
  }

  @Test
  void errorsAreOneLineAndTheSessionGoesOn() {
    Session s = session("frobnicate\nquery 'unterminated\nexplain NOPE\nquery Connect:192.0.2.1\n");
    assertThat(s.err()).contains("accessctl: unknown command 'frobnicate'; 'help' lists them")
        .contains("unterminated ' quote").contains("no rule 'NOPE'");
    assertThat(s.out()).isEqualTo("REJECT\n");
  }

  @Test
  void reloadRereadsTheMapAndHelpShowsACommandsOptions() throws Exception {
    Files.writeString(map, MAP + "Try_TLS:new.example\tNO\n");
    Session s = session("reload\nhelp query\n");
    assertThat(s.out()).contains("reloaded " + map + ": 4 keys").contains("--map=MAP");
  }

  @Test
  void onATerminalItPromptsCompletesAndKeepsAHistory() throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    Path history = tmp.resolve("state/history");
    byte[] typed = "query Try_TLS:broken.example\nexit\n".getBytes(StandardCharsets.UTF_8);
    try (org.jline.terminal.Terminal t = TerminalBuilder.builder().streams(
        new ByteArrayInputStream(typed), screen).dumb(true).build()) {
      Shell shell = ShellCommand.shell(map, Console.plain(), new PrintWriter(new StringWriter()),
          new PrintWriter(new StringWriter()));
      Terminal.run(shell, history, t);
    }
    String shown = screen.toString(StandardCharsets.UTF_8);
    assertThat(shown).contains(Terminal.PROMPT).contains("NO");
    assertThat(Files.readString(history)).contains("query Try_TLS:broken.example");
  }
}
