package io.accessctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.source.ParseOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lint made ahead of the options ({@link Lint#prepareAhead(Lint.Request)}) is used only where
 * it was made for what the run asks, from the file as it is: the run's findings are always those
 * of a run that made nothing ahead.
 */
class LintAheadTest {
  private static final String MAP = "# a map\nConnect:192.0.2.1\tREJECT\n"
      + "Try_TLS:broken.example\tNO # inline comment\nconnect:bad.example\tok\n"
      + "To:customer.example\tRELAY\nSpam:abuse@\tFRIEND\n";
  private static final String OTHER = "From:a.example\tREJECT # inline\nnot.tagged\tREJECT\n";

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static Lint.Request request(List<Path> files) {
    return new Lint.Request(files, false, Set.of(), Set.of(), CfChoice.noCf(),
        ParseOptions.defaults(), false, false, Set.of());
  }

  /** The run's result, and the phases it told (one "linted ahead" per file taken from ahead). */
  private record Run(Lint.Result result, List<String> phases) {
    long takenAhead() {
      return phases.stream().filter(p -> p.equals("linted ahead")).count();
    }
  }

  private static Run run(Lint.Request r) throws IOException {
    List<String> phases = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Lint.Result result = Lint.run(r, warnings::add, phases::add);
    assertThat(warnings).isEmpty();
    return new Run(result, phases);
  }

  /** What a run finds with nothing made ahead for it. */
  private Lint.Result fresh(Lint.Request r) throws IOException {
    Lint.prepareAhead(request(List.of(dir.resolve("no such file")))); // drops what was made
    Run run = run(r);
    assertThat(run.takenAhead()).isZero();
    return run.result();
  }

  /** Equal results; the cf, read again by each run, compared by its version. */
  private static void assertSameResult(Lint.Result actual, Lint.Result expected) {
    assertThat(actual.names()).isEqualTo(expected.names());
    assertThat(actual.diagnostics()).isEqualTo(expected.diagnostics());
    assertThat(actual.unreadable()).isEqualTo(expected.unreadable());
    assertThat(actual.diffs()).isEqualTo(expected.diffs());
    assertThat(actual.dependsOnCf()).isEqualTo(expected.dependsOnCf());
    assertThat(actual.cf().map(c -> c.version())).isEqualTo(expected.cf().map(c -> c.version()));
  }

  /** A lint made ahead for exactly {@code r} is taken: the result of a run with none. */
  private Lint.Result takenAhead(Lint.Request r) throws IOException {
    Lint.Result expected = fresh(r);
    Lint.prepareAhead(r);
    Run run = run(r);
    assertThat(run.takenAhead()).isOne();
    assertThat(run.result()).isEqualTo(expected);
    return expected;
  }

  /** Something done after the lint ahead most likely read what it lints. */
  private interface Change {
    void make() throws Exception;
  }

  /**
   * A lint made ahead for exactly {@code r}, then {@code change}: the run does not take it, and
   * finds what a run with none finds.
   */
  private Lint.Result notTakenAfter(Lint.Request r, Change change) throws Exception {
    Lint.prepareAhead(r);
    Thread.sleep(300); // the lint ahead has then most likely read what was there before
    change.make();
    Run run = run(r);
    assertThat(run.takenAhead()).isZero();
    assertSameResult(run.result(), fresh(r));
    return run.result();
  }

  @Test
  void aLintMadeAheadForWhatTheRunAsksIsTheRunsResult() throws Exception {
    Path map = write("access", MAP);
    assertThat(takenAhead(request(List.of(map))).diagnostics()).isNotEmpty();
  }

  @Test
  void aFileChangedAfterTheReadAheadIsLintedAsItIsNow() throws Exception {
    Path map = write("access", MAP);
    Lint.Result r = notTakenAfter(request(List.of(map)), () -> {
      Files.writeString(map, OTHER, StandardCharsets.UTF_8);
      Files.setLastModifiedTime(map, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    });
    assertThat(r.diagnostics()).allSatisfy(d -> assertThat(d.line()).isLessThan(3));
  }

  @Test
  void aFileReplacedByAnotherOfTheSameSizeAndTimeIsLintedAsItIsNow() throws Exception {
    Path map = write("access", MAP);
    FileTime time = Files.getLastModifiedTime(map);
    notTakenAfter(request(List.of(map)), () -> {
      Path other = write("other", MAP.replace("192.0.2.1", "192.0.2.9")
          .replace("customer", "consumer"));
      Files.setLastModifiedTime(other, time);
      Files.move(other, map, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    });
  }

  @Test
  void aWrongGuessOfTheOptionsIsNotUsed() throws Exception {
    Path map = write("access", MAP);
    Lint.Request guessed = request(List.of(map));
    List<Lint.Request> asked = List.of(
        new Lint.Request(List.of(map), false, Set.of("AC108"), Set.of(), CfChoice.noCf(),
            ParseOptions.defaults(), false, false, Set.of()),
        new Lint.Request(List.of(map), false, Set.of(), Set.of("AC1"), CfChoice.noCf(),
            ParseOptions.defaults(), false, false, Set.of()),
        new Lint.Request(List.of(map), false, Set.of(), Set.of(), CfChoice.noCf(),
            ParseOptions.defaults().withFoldKeys(false), false, false, Set.of()),
        new Lint.Request(List.of(map), false, Set.of(), Set.of(), CfChoice.noCf(),
            ParseOptions.defaults(), false, false, Set.of("X_Local")),
        new Lint.Request(List.of(map), false, Set.of(), Set.of(), CfChoice.stock(),
            ParseOptions.defaults(), false, false, Set.of()));
    for (Lint.Request r : asked) {
      Lint.Result expected = fresh(r);
      Lint.prepareAhead(guessed);
      Run run = run(r);
      assertThat(run.takenAhead()).as("%s", r).isZero();
      assertSameResult(run.result(), expected);
    }
  }

  @Test
  void ofSeveralFilesEachIsTakenOnlyWhereGuessed() throws Exception {
    Path a = write("a", MAP);
    Path b = write("b", OTHER);
    Path c = write("c", MAP + OTHER);
    Lint.Request asked = request(List.of(c, b, a, b));
    Lint.Result expected = fresh(asked);
    Lint.prepareAhead(request(List.of(a, b, dir.resolve("missing"))));
    Run run = run(asked);
    assertThat(run.takenAhead()).as("a and the first b").isEqualTo(2);
    assertThat(run.result()).isEqualTo(expected);
    assertThat(expected.names()).containsExactly(c.toString(), b.toString(), a.toString(),
        b.toString());
  }

  @Test
  void fixAndDiffWorkOnTheFileAsItIsNotOnTheLintAhead() throws Exception {
    String crlf = MAP.replace("\n", "\r\n");
    Path map = write("access", crlf);
    Lint.Request diff = new Lint.Request(List.of(map), false, Set.of(), Set.of(),
        CfChoice.noCf(), ParseOptions.defaults(), false, true, Set.of());
    Lint.Result expectedDiff = fresh(diff);
    assertThat(expectedDiff.diffs()).isNotEmpty();
    Lint.prepareAhead(request(List.of(map)));
    Run diffed = run(diff);
    assertThat(diffed.takenAhead()).isZero();
    assertThat(diffed.result()).isEqualTo(expectedDiff);

    Lint.Request fix = new Lint.Request(List.of(map), false, Set.of(), Set.of(),
        CfChoice.noCf(), ParseOptions.defaults(), true, false, Set.of());
    Lint.prepareAhead(request(List.of(map)));
    Run fixed = run(fix);
    assertThat(fixed.takenAhead()).isZero();
    assertThat(Files.readString(map)).doesNotContain("\r");
    Lint.Result afterFix = fresh(request(List.of(map)));
    assertThat(fixed.result().diagnostics()).isEqualTo(afterFix.diagnostics());
  }

  @Test
  void aStagedLintIsOfTheStagedVersionNotOfTheWorkingCopyLintedAhead() throws Exception {
    Path map = write("access", OTHER);
    git("init", "-q");
    git("add", "access");
    Files.writeString(map, MAP, StandardCharsets.UTF_8);
    Lint.Request staged = new Lint.Request(List.of(map), true, Set.of(), Set.of(),
        CfChoice.noCf(), ParseOptions.defaults(), false, false, Set.of());
    Lint.Result expected = fresh(staged);
    assertThat(expected.diagnostics()).isNotEmpty()
        .allSatisfy(d -> assertThat(d.line()).isLessThan(3));
    Lint.prepareAhead(request(List.of(map)));
    Run run = run(staged);
    assertThat(run.takenAhead()).isZero();
    assertThat(run.result()).isEqualTo(expected);
  }

  private Lint.Request staged(Path map) {
    return new Lint.Request(List.of(map), true, Set.of(), Set.of(), CfChoice.noCf(),
        ParseOptions.defaults(), false, false, Set.of());
  }

  private Path stagedRepo() throws Exception {
    Path map = write("access", MAP);
    git("init", "-q");
    git("config", "user.email", "admin@example.com");
    git("config", "user.name", "Admin");
    git("add", "access");
    Files.writeString(map, OTHER, StandardCharsets.UTF_8);
    return map;
  }

  @Test
  void aStagedLintMadeAheadIsTheRunsWhileTheIndexAndHeadAreAsTheyWere() throws Exception {
    Path map = stagedRepo();
    assertThat(takenAhead(staged(map)).diagnostics())
        .anySatisfy(d -> assertThat(d.line()).isGreaterThan(2));
  }

  @Test
  void aFileStagedAgainAfterTheLintAheadIsLintedAsStagedNow() throws Exception {
    Path map = stagedRepo();
    Lint.Result r = notTakenAfter(staged(map), () -> git("add", "access"));
    assertThat(r.diagnostics()).allSatisfy(d -> assertThat(d.line()).isLessThan(3));
  }

  @Test
  void aHeadMovedAfterTheLintAheadIsSeen() throws Exception {
    Path map = stagedRepo();
    git("commit", "-q", "-m", "first");
    git("commit", "-q", "--allow-empty", "-m", "second");
    // HEAD's branch moves; the index stays
    notTakenAfter(staged(map), () -> git("reset", "-q", "--soft", "HEAD~1"));
  }

  private void git(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(p.waitFor()).as("git %s", List.of(args)).isZero();
  }

  @Test
  void aCfChangedAfterTheReadAheadIsJudgedAsItIsNow() throws Exception {
    Path map = write("access", "Clt_Features:client.example\tD\n");
    Path cf = write("sendmail.cf", "V10/Berkeley\nDZ8.17.1.9\nKaccess hash -T<TMPF> "
        + "/etc/mail/access\n");
    Lint.Request r = new Lint.Request(List.of(map), false, Set.of(), Set.of(),
        new CfChoice(cf, false), ParseOptions.defaults(), false, false, Set.of());
    Lint.Result result = notTakenAfter(r, () -> {
      Files.writeString(cf, "V10/Berkeley\nDZ8.18.1\nKaccess hash -T<TMPF> /etc/mail/access\n");
      Files.setLastModifiedTime(cf, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    });
    assertThat(result.cf()).hasValueSatisfying(c -> assertThat(c.version())
        .isEqualTo("8.18.1"));
  }
}
