package io.accessctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.source.ParseOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hook asks git ahead of its options ({@link PreCommitHook#prepareAhead}) is used only
 * while git would answer the same: a hook's findings are always those of the staged text when
 * it asks.
 */
class StagedAheadTest {
  private static final String GOOD = "Connect:192.0.2.1\tREJECT\n";
  private static final String BAD = "Try_TLS:broken.example\tNO # comment\n";

  @TempDir
  Path repo;

  private String git(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("git %s: %s", List.of(args), out).isZero();
    return out;
  }

  private Path stage(String name, String text) throws Exception {
    Path p = repo.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    git("add", name);
    return p;
  }

  private void init() throws Exception {
    git("init", "-q", "-b", "main");
    git("config", "user.email", "admin@example.com");
    git("config", "user.name", "Admin");
  }

  /** What the hook lints: the staged access files, as staged. */
  private static Lint.Result hook(Path repo) throws IOException {
    return Lint.run(new Lint.Request(PreCommitHook.stagedAccessFiles(repo), true, Set.of(),
        Set.of(), CfChoice.noCf(), ParseOptions.defaults(), false, false, Set.of()), w -> { },
        p -> { });
  }

  private static List<String> rules(Lint.Result r) {
    return r.diagnostics().stream().map(d -> d.ruleId() + "@" + d.file() + ":" + d.line())
        .toList();
  }

  @Test
  void gitsAnswersAskedAheadAreTheHooksWhileNothingChanged() throws Exception {
    init();
    Path access = stage("mail/access", BAD);
    git("commit", "-q", "-m", "first");
    stage("mail/access", GOOD + BAD);
    Files.writeString(access, GOOD, StandardCharsets.UTF_8); // not staged: not what is linted
    List<Path> asked = PreCommitHook.askStagedAccessFiles(repo);
    PreCommitHook.prepareAhead(repo);
    assertThat(StagedAhead.files(repo)).as("made ahead, git's index left as it was")
        .contains(asked);
    Lint.Result r = hook(repo);
    assertThat(rules(r)).singleElement().asString().startsWith("AC108@").endsWith(":2");
    assertThat(StagedAhead.files(repo.resolve("other"))).isEmpty();
  }

  @Test
  void aFileStagedAfterGitWasAskedIsLintedAsStagedNow() throws Exception {
    init();
    stage("access", GOOD);
    PreCommitHook.prepareAhead(repo);
    assertThat(StagedAhead.files(repo)).isPresent();
    stage("access", BAD);
    stage("mail/access", BAD + BAD);
    assertThat(StagedAhead.files(repo)).isEmpty();
    Lint.Result r = hook(repo);
    assertThat(r.names()).hasSize(2);
    assertThat(rules(r)).filteredOn(id -> id.startsWith("AC108@")).hasSize(3);
  }

  @Test
  void aCommitAfterGitWasAskedLeavesNothingStaged() throws Exception {
    init();
    stage("access", BAD);
    git("commit", "-q", "-m", "first");
    stage("access", GOOD);
    PreCommitHook.prepareAhead(repo);
    assertThat(StagedAhead.files(repo)).isPresent();
    git("commit", "-q", "-m", "second");
    assertThat(PreCommitHook.stagedAccessFiles(repo)).isEmpty();
  }

  @Test
  void aResetOfHeadAloneAfterGitWasAskedIsSeen() throws Exception {
    init();
    stage("access", GOOD);
    git("commit", "-q", "-m", "first");
    PreCommitHook.prepareAhead(repo);
    assertThat(StagedAhead.files(repo)).contains(List.of());
    stage("other", "x\n");
    git("commit", "-q", "-m", "second");
    stage("access", BAD);
    git("commit", "-q", "-m", "third");
    PreCommitHook.prepareAhead(repo);
    assertThat(StagedAhead.files(repo)).contains(List.of());
    git("reset", "-q", "--soft", "HEAD~2"); // the index keeps the third commit's access
    assertThat(PreCommitHook.stagedAccessFiles(repo)).hasSize(1);
  }
}
