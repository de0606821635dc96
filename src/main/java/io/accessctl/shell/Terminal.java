package io.accessctl.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.TerminalBuilder;

/** The interactive loop on a terminal, with JLine: line editing, completion, a history file. */
final class Terminal {
  static final String PROMPT = "accessctl> ";

  private Terminal() {}

  static void run(Shell shell, Path history) throws IOException {
    try (org.jline.terminal.Terminal t = TerminalBuilder.builder().system(true).build()) {
      run(shell, history, t);
    }
  }

  /** The loop on a given terminal (tests pass a dumb terminal over in-memory streams). */
  static void run(Shell shell, Path history, org.jline.terminal.Terminal t) throws IOException {
    Completion completion = shell.completion();
    LineReaderBuilder b = LineReaderBuilder.builder().terminal(t).appName("accessctl")
        .completer((reader, line, candidates) -> {
          String prefix = line.word().substring(0, line.wordCursor());
          for (String c : completion.candidates(line.words(), line.wordIndex(), prefix)) {
            boolean whole = !c.endsWith(":");
            candidates.add(new Candidate(c, c, null, null, null, null, whole));
          }
        });
    if (history != null) {
      Files.createDirectories(history.toAbsolutePath().getParent());
      b.variable(LineReader.HISTORY_FILE, history);
    }
    LineReader reader = b.build();
    PrintWriter w = t.writer();
    shell.output(w, w);
    w.println("accessctl shell: 'help' lists the commands, Tab completes, Ctrl-D leaves.");
    while (true) {
      String line;
      try {
        line = reader.readLine(PROMPT);
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        break;
      }
      if (!shell.execute(line)) {
        break;
      }
    }
    w.flush();
    reader.getHistory().save();
  }

  /** Where the history goes by default: $XDG_STATE_HOME/accessctl/history. */
  static Path defaultHistory() {
    String state = System.getenv("XDG_STATE_HOME");
    Path base = state != null && !state.isBlank() ? Path.of(state)
        : Path.of(System.getProperty("user.home"), ".local", "state");
    return base.resolve("accessctl").resolve("history");
  }
}
