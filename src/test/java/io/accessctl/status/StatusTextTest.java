package io.accessctl.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.TlsFallback;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTextTest {
  private static final StatusReport REPORT = new StatusReport(Path.of("access"),
      Path.of("access.db"), null,
      List.of(Check.of(Check.DB_IN_STEP, CheckStatus.PROBLEM, "access.db is missing", "run: x"),
          Check.of(Check.CANIT, CheckStatus.NOTE, "no CanIt marker")),
      null, FileTime.fromMillis(0), null, TlsFallback.of(null, null), "", 0, 0);

  private static String render(boolean colour) {
    StringWriter s = new StringWriter();
    StatusText.write(REPORT, new PrintWriter(s), colour);
    return s.toString();
  }

  @Test
  void plainTextIsOneWordALineAndACount() {
    assertThat(render(false)).isEqualTo("""
        accessctl status: access -> access.db (no sendmail.cf)
        problem  access.db is missing
                   run: x
        note     no CanIt marker
        1 problem
        """);
  }

  @Test
  void onATerminalTheWordsAreColoured() {
    assertThat(render(true)).contains("\033[1;31mproblem\033[0m  access.db is missing");
  }
}
