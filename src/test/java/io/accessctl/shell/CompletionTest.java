package io.accessctl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cli.Console;
import io.accessctl.cli.ShellCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Tab offers in the shell: commands, options, tags and the map's keys. */
class CompletionTest {
  @TempDir
  Path tmp;

  Completion completion() throws Exception {
    Path map = tmp.resolve("access");
    Files.writeString(map, "Try_TLS:broken.example\tNO\nTry_TLS:old.example\tNO\n"
        + "Connect:192.0.2.1\tREJECT\n");
    Shell shell = ShellCommand.shell(map, Console.plain(), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
    shell.run(java.io.InputStream.nullInputStream(), false, null);
    return shell.completion();
  }

  List<String> complete(Completion c, String line) {
    List<String> words = new java.util.ArrayList<>(Words.split(line));
    if (line.endsWith(" ")) {
      words.add("");
    }
    String last = words.get(words.size() - 1);
    return c.candidates(words, words.size() - 1, last);
  }

  @Test
  void commandsAndOptions() throws Exception {
    Completion c = completion();
    assertThat(complete(c, "qu")).containsExactly("query");
    assertThat(complete(c, "re")).containsExactly("reload");
    assertThat(complete(c, "lint --fo")).containsExactly("--format");
    assertThat(complete(c, "help ex")).containsExactly("explain", "exit");
  }

  @Test
  void queryCompletesKeysThenTags() throws Exception {
    Completion c = completion();
    assertThat(complete(c, "query try_tls:b")).containsExactly("Try_TLS:broken.example");
    assertThat(complete(c, "query Try_TLS:")).containsExactly("Try_TLS:broken.example",
        "Try_TLS:old.example");
    assertThat(complete(c, "query Srv")).containsExactly("Srv_Features:");
  }

  @Test
  void lookupCompletesTagsThenNamesUnderThatTag() throws Exception {
    Completion c = completion();
    assertThat(complete(c, "lookup Try")).contains("Try_TLS");
    assertThat(complete(c, "lookup Try_TLS ")).containsExactly("broken.example", "old.example");
    assertThat(complete(c, "lookup Connect ")).containsExactly("192.0.2.1");
  }

  @Test
  void explainCompletesRuleIds() throws Exception {
    assertThat(complete(completion(), "explain AC10")).contains("AC101", "AC108");
  }
}
