package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.mapfile.MapReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compile's progress bar: on a terminal, for large maps, on stderr; never anywhere else. */
class CompileProgressTest {
  private static final int LARGE = CompileProgress.MIN_ENTRIES + 1;

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(Console console, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), console, args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aLargeMapOnATerminalShowsABarOnStderrThatIsErasedAtTheEnd() throws Exception {
    Path src = dir.resolve("access");
    CompileFixtures.writeBigMap(src, LARGE);
    Path db = dir.resolve("access.db");
    Run r = run(new Console(true), "compile", "--no-cf", "-q", "-o", db.toString(), src.toString());
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("\raccessctl: compiling " + LARGE + " entries [")
        .contains("] 100% written").endsWith("\r");
    // erased: the last redraw is blanks only
    String last = r.err().substring(r.err().lastIndexOf('\r', r.err().length() - 2) + 1);
    assertThat(last.strip()).isEmpty();
    try (MapReader reader = MapReader.open(db)) {
      assertThat(reader.get("connect:10.0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
          .isPresent();
    }
  }

  @Test
  void withoutATerminalThereIsNoBar() throws Exception {
    Path src = dir.resolve("access");
    CompileFixtures.writeBigMap(src, LARGE);
    Run r = run(Console.plain(), "compile", "--no-cf", "-q", "-o", dir.resolve("a.db").toString(),
        src.toString());
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.err()).doesNotContain("compiling").doesNotContain("\r");
  }

  @Test
  void aSmallMapOnATerminalHasNoBar() throws Exception {
    Path src = dir.resolve("access");
    CompileFixtures.writeBigMap(src, 1000);
    Run r = run(new Console(true), "compile", "--no-cf", "-o", dir.resolve("a.db").toString(),
        src.toString());
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.err()).doesNotContain("compiling");
  }
}
