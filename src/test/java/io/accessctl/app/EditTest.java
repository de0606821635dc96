package io.accessctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.AccessMapSpec;
import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Diagnostic;
import io.accessctl.source.ParseOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An edit of a text map as an API: what it returns for each outcome, and what it writes. */
class EditTest {
  static final String MAP = "Try_TLS:a.example\tNO\n# DO NOT EDIT BELOW THIS LINE\n"
      + "Connect:192.0.2.1\tREJECT\n";

  @TempDir
  Path dir;

  private Path map() throws IOException {
    return Files.writeString(dir.resolve("access"), MAP);
  }

  private Edit.Result edit(Path map, boolean dryRun, Edit.Step step) throws IOException {
    return Edit.run(new Edit.Request(MapTarget.file(Optional.empty(), map, null),
        ParseOptions.defaults(), dryRun, WritePolicy.DEFAULT), List.of(step));
  }

  @Test
  void aNewValueIsWrittenAndADryRunOnlySaysSo() throws IOException {
    Path map = map();

    Edit.Result dry = edit(map, true, e -> e.set("Try_TLS:a.example", "YES"));
    assertThat(dry.outcome()).isEqualTo(Edit.Outcome.WOULD_CHANGE);
    assertThat(Files.readString(map)).isEqualTo(MAP);

    Edit.Result done = edit(map, false, e -> e.set("Try_TLS:a.example", "YES"));
    assertThat(done.outcome()).isEqualTo(Edit.Outcome.CHANGED);
    assertThat(Files.readString(map)).startsWith("Try_TLS:a.example\tYES\n");
    assertThat(edit(map, false, e -> e.set("Try_TLS:a.example", "YES")).outcome())
        .isEqualTo(Edit.Outcome.UNCHANGED);
  }

  @Test
  void anEditBelowTheCanItMarkerIsRefusedAndOneThatWouldNotLintToo() throws IOException {
    Path map = map();

    Edit.Result below = edit(map, false, e -> e.delete("Connect:192.0.2.1"));
    Edit.Result broken = edit(map, false, e -> e.set("Connect:192.0.2.9", "REJECT # spam"));

    assertThat(below.outcome()).isEqualTo(Edit.Outcome.REFUSED);
    assertThat(broken.outcome()).isEqualTo(Edit.Outcome.WOULD_NOT_LINT);
    assertThat(broken.refusing()).extracting(Diagnostic::ruleId).contains("AC108");
    assertThat(Files.readString(map)).isEqualTo(MAP);
  }

  @Test
  void theKLinesMinusFKeepsKeysApartThatDifferOnlyInCase() throws IOException {
    Path map = map();
    Optional<CfFile> cf = Optional.of(CfFile.of(dir.resolve("sendmail.cf"), "8.17.1.9",
        new AccessMapSpec("hash", map.toString(), false, false, true, false),
        Set.of(Feature.ACCESS_DB), Set.of()));

    Edit.Result r = Edit.run(new Edit.Request(MapTarget.file(cf, null, null),
        ParseOptions.defaults(), false, WritePolicy.DEFAULT),
        List.of(e -> e.set("Try_TLS:A.example", "NO")));

    assertThat(r.outcome()).isEqualTo(Edit.Outcome.CHANGED);
    assertThat(Files.readString(map)).contains("Try_TLS:a.example\tNO\n")
        .contains("Try_TLS:A.example\tNO\n");
  }
}
