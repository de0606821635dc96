package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  @TempDir
  Path dir;

  private Path write(String name, byte[] data) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, data);
    return p;
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theReadmeExampleHasOnlyWarningsSoItExitsZero() {
    Cli.Run r = Cli.run("lint", "--no-cf", "examples/access");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
  }

  @Test
  void theMistakesExampleFailsWithTheTlsInlineCommentAsAnError() {
    Cli.Run r = Cli.run("lint", "--no-cf", "--format", "gcc", "examples/access-with-mistakes");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("examples/access-with-mistakes:4:")
        .contains("error: value \"NO # handshake fails\" is not NO, so sendmail still tries "
            + "STARTTLS with mx.broken-tls.example")
        .contains("AC108");
  }

  @Test
  @org.junit.jupiter.api.Tag("oracle")
  void debiansStockFileAndTheExampleDrawNoErrorWithDebiansCf() {
    io.accessctl.testutil.Oracle.require(io.accessctl.testutil.Oracle.STOCK_CF);
    Cli.Run stock = Cli.run("lint", "--cf", io.accessctl.testutil.Oracle.STOCK_CF, "--format",
        "gcc", "src/test/resources/lint/debian-access");
    assertThat(stock.out()).doesNotContain(": error:");
    assertThat(stock.exit()).isZero();
    Cli.Run example = Cli.run("lint", "--cf", io.accessctl.testutil.Oracle.STOCK_CF,
        "examples/access");
    assertThat(example.exit()).isZero();
  }

  @Test
  void warningsBlockOnlyWithFailLevelWarning() {
    assertThat(Cli.run("lint", "--no-cf", "--fail-level", "warning", "examples/access").exit())
        .isEqualTo(1);
  }

  @Test
  void aMissingFileIsOneLineNamingItAndExit3() {
    Cli.Run r = Cli.run("lint", "--no-cf", dir.resolve("nope").toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().lines()).containsExactly(
        "accessctl: " + dir.resolve("nope") + ": No such file or directory");
  }

  @Test
  void aDirectoryIsOneLineAndExit3() {
    Cli.Run r = Cli.run("lint", "--no-cf", dir.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().lines()).hasSize(1).first().asString().contains("is a directory");
  }

  @Test
  void aRandomBinaryFileIsOneLineNamingFileAndLineAndExit3() throws IOException {
    // Any size and any seed: the fixed seed 42 this test once used hid that a third of random
    // files passed as text (the threshold was 10% control bytes, random data has 10.2%).
    long seed = io.accessctl.testutil.AccessGen.seed();
    Random rnd = new Random(seed);
    for (int i = 0; i < 60; i++) {
      byte[] junk = new byte[100 + rnd.nextInt(60_000)];
      rnd.nextBytes(junk);
      Path p = write("junk" + i, junk);
      Cli.Run r = Cli.run("lint", "--no-cf", p.toString());
      String why = junk.length + " bytes; " + io.accessctl.testutil.AccessGen.replayHint(seed);
      assertThat(r.exit()).as(why).isEqualTo(3);
      assertThat(r.err().lines()).as(why).hasSize(1).first().asString()
          .startsWith("accessctl: " + p + ": line ").contains("binary data");
      assertThat(r.err()).as(why).doesNotContain("Exception");
      assertThat(r.out()).as("no \"no problems found\" for a file never read").isEmpty();
    }
  }

  @Test
  void aCompiledDbGivenByMistakeIsNamedAsSuch() throws IOException {
    Path db = Path.of("/etc/mail/access.db");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(db), "no /etc/mail/access.db");
    Cli.Run r = Cli.run("lint", "--no-cf", db.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("a Berkeley DB hash file").contains("/etc/mail/access");
  }

  @Test
  void nulBytesInATextFileAreReportedOnTheirLine() throws IOException {
    Path p = write("access", "Connect:a.example REJECT\nConnect:b\0.example REJECT\n");
    Cli.Run r = Cli.run("lint", "--no-cf", "--format", "gcc", p.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains(p + ":2:10: error:").contains("AC105");
  }

  @Test
  void aTwoMegabyteLineIsReadWholeAndReportedOnce() throws IOException {
    String huge = "AuthInfo:relay.example \"P:" + "x".repeat(2_000_000) + "\"\n";
    Path p = write("access", "Connect:a.example REJECT\n" + huge + "Connect:c.example OK\n");
    Cli.Run r = Cli.run("lint", "--no-cf", "--format", "gcc", p.toString());
    assertThat(r.out()).contains(p + ":2:1024: warning:").contains("AC104");
    assertThat(r.out().length()).isLessThan(10_000);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void textOutputShowsTheLineAndACaretUnderTheColumn() throws IOException {
    Path p = write("access", "Try_TLS:broken.example NO # broken\n");
    Cli.Run r = Cli.run("lint", "--no-cf", p.toString());
    assertThat(r.out()).contains("Try_TLS:broken.example NO # broken");
    String[] lines = r.out().split("\n");
    int src = java.util.Arrays.asList(lines).indexOf(
        java.util.Arrays.stream(lines).filter(l -> l.contains("NO # broken") && !l.contains("error"))
            .findFirst().orElseThrow());
    assertThat(lines[src + 1].indexOf('^')).isEqualTo(lines[src].indexOf('#'));
  }

  @Test
  void jsonOutputHasTheDesignedFields() throws IOException {
    Path p = write("access", "Connect:a.example REJECT\nConnect:A.example OK\n");
    Cli.Run r = Cli.run("lint", "--no-cf", "--format", "json", p.toString());
    assertThat(r.out()).startsWith("{\"version\":1,").contains("\"rule\":\"AC103\"")
        .contains("\"name\":\"duplicate-key\"").contains("\"line\":2").contains("\"severity\":\"error\"")
        .contains("\"summary\"");
  }

  @Test
  void selectAndIgnoreChooseRules() throws IOException {
    Path p = write("access", "reject@ REJECT\nConnect:a.example REJECT\nConnect:A.example OK\n");
    assertThat(Cli.run("lint", "--no-cf", "--format", "gcc", "--select", "AC103", p.toString())
        .out()).contains("AC103").doesNotContain("AC203");
    assertThat(Cli.run("lint", "--no-cf", "--format", "gcc", "--ignore", "duplicate-key",
        p.toString()).out()).doesNotContain("AC103");
  }

  @Test
  void anUnknownRuleOrFormatIsAUsageError() {
    assertThat(Cli.run("lint", "--select", "AC999", "examples/access").exit()).isEqualTo(2);
    Cli.Run r = Cli.run("lint", "--format", "yaml", "examples/access");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("yaml");
  }

  @Test
  void aSuppressionCommentAboveTheEntrySilencesItAndAStaleOneIsReported() throws IOException {
    Path p = write("access", "# accessctl: disable=AC103\nConnect:a.example REJECT\n"
        + "# accessctl: disable=duplicate-key\nConnect:A.example OK\n");
    Cli.Run r = Cli.run("lint", "--no-cf", "--format", "gcc", p.toString());
    assertThat(r.out()).doesNotContain("AC103").contains(p + ":1:1: info:").contains("AC190");
    assertThat(r.exit()).isZero();
  }

  @Test
  void fixConvertsCrlfAndMovesHandEntriesAboveTheCanitMarkerKeepingTheirComments()
      throws IOException {
    String marker = "# DO NOT EDIT BELOW THIS LINE: CANIT MAY DELETE CHANGES BELOW THIS LINE";
    Path p = write("access", "Connect:127 RELAY\r\n" + marker + "\r\nFrom:a@spam.example REJECT\r\n"
        + "# broken TLS\r\nTry_TLS:mx.example NO\r\nConnect:1.2.3.4 REJECT\r\n");
    Cli.Run r = Cli.run("lint", "--no-cf", "--fix", p.toString());
    assertThat(Files.readString(p)).isEqualTo("Connect:127 RELAY\n# broken TLS\n"
        + "Try_TLS:mx.example NO\n" + marker + "\nFrom:a@spam.example REJECT\n"
        + "Connect:1.2.3.4 REJECT\n");
    assertThat(r.exit()).isZero();
  }

  @Test
  void diffShowsTheFixesAndChangesNothing() throws IOException {
    String text = "  # indented\nConnect:127 RELAY\n";
    Path p = write("access", text);
    Cli.Run r = Cli.run("lint", "--no-cf", "--diff", p.toString());
    assertThat(r.out()).contains("--- " + p).contains("-  # indented").contains("+# indented");
    assertThat(Files.readString(p)).isEqualTo(text);
  }

  @Test
  void noStackTraceWithoutDebug() throws IOException {
    Cli.Run r = Cli.run("lint", "--cf", dir.resolve("missing.cf").toString(), "examples/access");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).doesNotContain("\tat ");
  }

  @Test
  void explainPrintsTheRuleAndUnknownRulesAreUsageErrors() {
    Cli.Run r = Cli.run("explain", "AC108");
    assertThat(r.out()).startsWith("AC108 inline-comment (warning)").contains("Wrong:")
        .contains("Right:");
    assertThat(Cli.run("explain", "inline-comment").out()).isEqualTo(r.out());
    assertThat(Cli.run("explain", "AC999").exit()).isEqualTo(2);
    assertThat(Cli.run("explain", "--list").out()).contains("AC101").contains("AC501");
  }

  @Test
  void extraTagsAreNotUnknownTags() throws IOException {
    Path map = write("access", "LocalCheck:example.com yes\nmilter-limit-Connect:192.0.2 1\n");
    assertThat(Cli.run("lint", "--no-cf", "--format", "gcc", map.toString()).out())
        .contains("unknown tag \"LocalCheck\"").doesNotContain("milter-limit");
    Cli.Run r = Cli.run("lint", "--no-cf", "--extra-tags", "localcheck,other", "--format", "gcc",
        map.toString());
    assertThat(r.out()).doesNotContain("AC202");
  }

  @Test
  void findingsThatDependOnTheCfSayOnceWhichCfTheyWereJudgedAgainst() throws IOException {
    Path map = write("access", "spam1.example REJECT\nspam2.example REJECT\n"
        + "spam3.example REJECT\nspam4.example REJECT\nspam5.example REJECT\n");
    Path cf = Path.of("src/test/resources/sendmail/debian-8.17.1.9.cf");
    Cli.Run text = Cli.run("lint", "--cf", cf.toString(), map.toString());
    assertThat(text.out()).containsOnlyOnce("note: judged against " + cf
        + " (sendmail 8.17.1.9); --cf FILE or --no-cf to choose another")
        .containsOnlyOnce("5 times (lines 1-5): untagged domain keys")
        .contains("1 problem (0 errors, 0 warnings, 1 info)");
    assertThat(Cli.run("lint", "--no-cf", map.toString()).out())
        .containsOnlyOnce("note: judged without a sendmail.cf; --cf FILE to judge against one");
    assertThat(Cli.run("lint", "--cf", cf.toString(), "--format", "json", map.toString()).out())
        .contains("\"cf\":{\"file\":\"" + cf + "\",\"version\":\"8.17.1.9\",\"note\":");
    Path clean = write("clean", "Connect:192.0.2.1 REJECT\n");
    assertThat(Cli.run("lint", "--cf", cf.toString(), clean.toString()).out())
        .doesNotContain("judged");
  }
}
