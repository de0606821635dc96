package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.app.CfChoice;
import io.accessctl.app.Lint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint guessed from arguments picocli has not parsed yet, and that whatever the guess, lint
 * prints what it printed before anything was linted ahead.
 */
class LikelyLintTest {
  @TempDir
  Path dir;

  private static Optional<Lint.Request> guess(String... args) {
    return LikelyLint.of(List.of(args));
  }

  @Test
  void plainArgumentsAreFilesAndOutputOptions() {
    Lint.Request r = guess("--format", "gcc", "a", "--fail-level=warning", "--debug", "b", "-")
        .orElseThrow();
    assertThat(r.files()).containsExactly(Path.of("a"), Path.of("b"), Path.of("-"));
    assertThat(r.cf()).isEqualTo(CfChoice.stock());
    assertThat(r.staged() || r.fix() || r.diff()).isFalse();
    assertThat(r.select()).isEmpty();
    assertThat(guess().orElseThrow().files()).isEmpty();
  }

  @Test
  void theCfIsGuessedFromEitherOption() {
    assertThat(guess("--no-cf", "a").orElseThrow().cf()).isEqualTo(CfChoice.noCf());
    assertThat(guess("--cf", "x.cf", "a").orElseThrow())
        .satisfies(r -> assertThat(r.cf()).isEqualTo(new CfChoice(Path.of("x.cf"), false)))
        .satisfies(r -> assertThat(r.files()).containsExactly(Path.of("a")));
    assertThat(guess("--cf=x.cf", "a").orElseThrow().cf())
        .isEqualTo(new CfChoice(Path.of("x.cf"), false));
  }

  @Test
  void aLintOfWhatIsStagedIsGuessedToo() {
    assertThat(guess("--staged", "--no-cf", "a").orElseThrow())
        .satisfies(r -> assertThat(r.staged()).isTrue())
        .satisfies(r -> assertThat(r.files()).containsExactly(Path.of("a")));
  }

  @Test
  void afterADoubleDashEverythingIsAFile() {
    assertThat(guess("--", "--fix", "-t").orElseThrow().files())
        .containsExactly(Path.of("--fix"), Path.of("-t"));
  }

  @Test
  void argumentsThatAreNotPlainGiveNoGuess() {
    assertThat(guess("--select", "AC1", "a")).isEmpty();
    assertThat(guess("--fix", "a")).isEmpty();
    assertThat(guess("-t", ":", "a")).isEmpty();
    assertThat(guess("-fe", "a")).isEmpty();
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /**
   * "--select AC" selects every rule, and is not plain: that run lints nothing ahead, and what it
   * prints is what every run printed before anything was linted ahead.
   */
  private static void printsAsWithoutTheLintAhead(String... args) {
    String[] unguessed = new String[args.length + 2];
    unguessed[0] = args[0];
    unguessed[1] = "--select";
    unguessed[2] = "AC";
    System.arraycopy(args, 1, unguessed, 3, args.length - 1);
    assertThat(Cli.run(args)).as("%s", List.of(args)).isEqualTo(Cli.run(unguessed));
  }

  @Test
  void lintPrintsTheSameWhateverWasLintedAhead() throws IOException {
    Path a = write("a", "Try_TLS:broken.example\tNO # comment\nconnect:x.example\tok\n");
    Path b = write("b", "From:a.example\tREJECT # inline\nnot.tagged\tREJECT\r\n");
    Path cf = write("sendmail.cf", "V10/Berkeley\nDZ8.17.1.9\nKaccess hash -T<TMPF> "
        + "/etc/mail/access\n");
    printsAsWithoutTheLintAhead("lint", "--no-cf", a.toString());
    printsAsWithoutTheLintAhead("lint", "--no-cf", "--format", "gcc", a.toString(), b.toString(),
        a.toString());
    printsAsWithoutTheLintAhead("lint", "--cf", cf.toString(), "--format=json", b.toString());
    printsAsWithoutTheLintAhead("lint", "--no-cf", "--format", "sarif", dir.resolve("missing")
        .toString(), b.toString());
    printsAsWithoutTheLintAhead("lint", "--no-cf", "-");
    printsAsWithoutTheLintAhead("lint", "--no-cf", a.toString(), "--format");
    printsAsWithoutTheLintAhead("lint", "--no-cf", "--", a.toString());
  }
}
