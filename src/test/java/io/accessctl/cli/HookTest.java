package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-commit hooks with real git: a bad staged entry blocks the commit, a good one passes. */
class HookTest {
  static final String GOOD = "# relays\nTo:customer.example\tRELAY\nConnect:192.0.2.1\tREJECT\n";
  static final String MARKER = "# DO NOT EDIT BELOW THIS LINE: CANIT MAY DELETE CHANGES BELOW THIS LINE\n";

  @TempDir
  Path tmp;
  Path repo;
  Path launcher;

  record Proc(int exit, String output) {}

  @BeforeEach
  void repository() throws Exception {
    repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve("mail"));
    git("init", "-q", "-b", "main");
    git("config", "user.email", "admin@example.com");
    git("config", "user.name", "Admin");
    write("mail/access", GOOD);
    git("add", "mail/access");
    git("commit", "-q", "-m", "good map");
    launcher = testLauncher(tmp);
  }

  /** An accessctl on this test's class path, for the hooks git runs. */
  static Path testLauncher(Path dir) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path l = dir.resolve("accessctl-test");
    Files.writeString(l, "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
        + "' io.accessctl.cli.Main \"$@\"\n");
    l.toFile().setExecutable(true);
    return l;
  }

  @Test
  void aBadStagedEntryBlocksTheCommitAndAGoodOnePasses() throws Exception {
    assertThat(Cli.run("hook", "install", "--repo", repo.toString(), "--command",
        launcher.toString()).exit()).isZero();
    append("mail/access", "Try_TLS:broken.example\tNO # handshake fails\n");
    git("add", "mail/access");
    Proc blocked = run(repo, "git", "commit", "-m", "bad");
    assertThat(blocked.exit()).isNotZero();
    assertThat(blocked.output()).contains("mail/access:4:").contains("AC108");
    assertThat(git("log", "--oneline").output().lines()).hasSize(1);

    write("mail/access", GOOD + "# handshake fails\nTry_TLS:broken.example\tNO\n");
    git("add", "mail/access");
    assertThat(run(repo, "git", "commit", "-q", "-m", "good").exit()).isZero();
    assertThat(git("log", "--oneline").output().lines()).hasSize(2);
  }

  @Test
  void theHookChecksWhatIsStagedNotTheWorkingCopy() throws Exception {
    Cli.run("hook", "install", "--repo", repo.toString(), "--command", launcher.toString());
    append("mail/access", " Connect:198.51.100.7\tREJECT\n");
    git("add", "mail/access");
    write("mail/access", GOOD);
    assertThat(run(repo, "git", "commit", "-m", "bad staged").exit()).isNotZero();
  }

  @Test
  void commitsWithoutAnAccessFilePassUntouched() throws Exception {
    Cli.run("hook", "install", "--repo", repo.toString(), "--command", launcher.toString());
    write("README", "not a map\n");
    git("add", "README");
    assertThat(run(repo, "git", "commit", "-q", "-m", "docs").exit()).isZero();
  }

  @Test
  void stagedLintReportsEntriesAddedBelowCanitsMarker() throws Exception {
    write("mail/access", GOOD + MARKER + "From:spammer@example.com\tREJECT\n");
    git("add", "mail/access");
    git("commit", "-q", "-m", "canit");
    Path file = repo.resolve("mail/access");
    assertThat(Cli.run("lint", "--no-cf", "--staged", file.toString()).exit()).isZero();

    append("mail/access", "Connect:203.0.113.9\tREJECT\nTry_TLS:broken.example\tNO\n");
    git("add", "mail/access");
    Cli.Run r = Cli.run("lint", "--no-cf", "--staged", "--format", "gcc", file.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains(":6:1: error: this commit adds an entry below CanIt's marker")
        .contains(":7:1: error: entry is below CanIt's marker");
    assertThat(r.out().lines().filter(l -> l.contains("AC501"))).hasSize(2);
    // The working-copy lint knows nothing of commits: the CanIt-style Connect line passes there.
    assertThat(Cli.run("lint", "--no-cf", "--format", "gcc", file.toString()).out())
        .doesNotContain(":6:");
  }

  @Test
  void aNewFileWithEntriesBelowTheMarkerIsCheckedToo() throws Exception {
    write("mail/other/access", MARKER + "From:spammer@example.com\tREJECT\n");
    git("add", "mail/other/access");
    Cli.Run r = Cli.run("lint", "--no-cf", "--staged", "--format", "gcc",
        repo.resolve("mail/other/access").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains(":2:1: error: this commit adds");
  }

  @Test
  void installRefusesToOverwriteAForeignHook() throws Exception {
    Path hook = repo.resolve(".git/hooks/pre-commit");
    Files.writeString(hook, "#!/bin/sh\necho mine\n");
    Cli.Run r = Cli.run("hook", "install", "--repo", repo.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.CANT_CREATE);
    assertThat(r.err()).contains("a pre-commit hook that accessctl did not write is in the way");
    assertThat(Files.readString(hook)).isEqualTo("#!/bin/sh\necho mine\n");
  }

  @Test
  void installingTwiceReplacesItsOwnHook() throws Exception {
    assertThat(Cli.run("hook", "install", "--repo", repo.toString()).exit()).isZero();
    Cli.Run again = Cli.run("hook", "install", "--repo", repo.toString(), "--command", "/opt/a b/ac");
    assertThat(again.exit()).isZero();
    assertThat(Files.readString(repo.resolve(".git/hooks/pre-commit")))
        .contains("exec '/opt/a b/ac' hook run");
  }

  @Test
  void etckeeperInstallWritesAnExecutableRunPartsNameThatAbortsOnFindings() throws Exception {
    Path root = tmp.resolve("root");
    Files.createDirectories(root.resolve("etc/etckeeper/pre-commit.d"));
    Cli.Run r = Cli.run("hook", "install", "--etckeeper", "--root", root.toString(), "--command",
        launcher.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<Path> installed;
    try (var s = Files.list(root.resolve("etc/etckeeper/pre-commit.d"))) {
      installed = s.toList();
    }
    assertThat(installed).hasSize(1);
    Path script = installed.get(0);
    assertThat(script.getFileName().toString()).matches("[A-Za-z0-9-]+");
    assertThat(Files.getPosixFilePermissions(script)).contains(PosixFilePermission.OWNER_EXECUTE,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    assertThat(run(tmp, "sh", "-n", script.toString()).exit()).isZero();
    assertThat(root.resolve(".git")).doesNotExist();

    // etckeeper runs each script from /etc under set -e: a clean index passes …
    String runParts = "set -e; cd '" + repo + "'; '" + script + "'; echo passed";
    assertThat(run(tmp, "sh", "-c", runParts).output()).contains("passed");
    // … and a staged finding stops it.
    append("mail/access", "Connect:198.51.100.7\n");
    git("add", "mail/access");
    Proc p = run(tmp, "sh", "-c", runParts);
    assertThat(p.exit()).isNotZero();
    assertThat(p.output()).doesNotContain("passed").contains("AC102");
  }

  @Test
  void etckeeperInstallNeedsEtckeeper() {
    Cli.Run r = Cli.run("hook", "install", "--etckeeper", "--root", tmp.resolve("nothing").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.CANT_CREATE);
    assertThat(r.err()).contains("is etckeeper installed?");
  }

  private void write(String name, String text) throws IOException {
    Files.createDirectories(repo.resolve(name).getParent());
    Files.writeString(repo.resolve(name), text);
  }

  private void append(String name, String text) throws IOException {
    Files.writeString(repo.resolve(name), text, java.nio.file.StandardOpenOption.APPEND);
  }

  private Proc git(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    Proc p = run(repo, cmd.toArray(new String[0]));
    assertThat(p.exit()).as(String.join(" ", cmd) + ": " + p.output()).isZero();
    return p;
  }

  static Proc run(Path dir, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("HOME", dir.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Proc(p.waitFor(), out);
  }
}
