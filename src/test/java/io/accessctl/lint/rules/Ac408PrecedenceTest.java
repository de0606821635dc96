package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.CfVariants;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ac408PrecedenceTest {
  static final String HIDDEN = """
      spam.example REJECT
      Connect:spam.example OK
      """;

  @TempDir
  Path dir;

  @Test
  void anUntaggedEntryHiddenForConnectionsIsReportedWithoutACf() {
    List<Diagnostic> d = LintFixture.only("AC408", HIDDEN);
    assertThat(d).singleElement().satisfies(x -> {
      assertThat(x.line()).isEqualTo(1);
      assertThat(x.message()).isEqualTo("Connect:spam.example (line 2) is tried first (tagged"
          + " keys come before untagged ones at each step; line order does not matter), so this"
          + " entry's \"REJECT\" now applies only to senders (From) and recipients (To); write it"
          + " with the tags it is meant for (From:spam.example, To:spam.example) to make that"
          + " visible");
    });
  }

  @Test
  void anUntaggedEntryHiddenForEveryCheckIsNeverUsed() {
    assertThat(LintFixture.only("AC408", """
        Connect:Spam.Example OK
        spam.example REJECT
        From:spam.example OK
        To:spam.example RELAY
        """)).singleElement().satisfies(x -> {
          assertThat(x.line()).isEqualTo(2);
          assertThat(x.message()).startsWith("Connect:Spam.Example (line 1), From:spam.example"
              + " (line 3) and To:spam.example (line 4) are tried before").endsWith("never used;"
              + " remove it");
        });
    // a mail address is never a connecting host: From: and To: hide it completely
    assertThat(LintFixture.only("AC408", """
        joe@spam.example REJECT
        From:joe@spam.example OK
        To:joe@spam.example OK
        """)).singleElement().satisfies(x -> assertThat(x.message()).contains("never used"));
  }

  @Test
  void nearMissesAreSilent() {
    assertThat(LintFixture.only("AC408", """
        spam.example REJECT
        Connect:spam.example reject
        Connect:other.example OK
        other2.example REJECT
        Try_TLS:other2.example NO
        """)).isEmpty();
    assertThat(LintFixture.lint(LintFixture.resource("debian-access"), null))
        .noneMatch(x -> x.ruleId().equals("AC408"));
  }

  /** The real sendmail ignores the order: the tagged entry on line 2 wins over line 1. */
  @Test
  @Tag("oracle")
  void realSendmailTriesTheTaggedKeyFirst() throws IOException {
    Oracle.require(Oracle.MAKEMAP, Oracle.SENDMAIL, Oracle.STOCK_CF);
    Path map = dir.resolve("access");
    assertThat(Oracle.makemap(dir, List.of(), "hash", map.toString(),
        HIDDEN.getBytes(StandardCharsets.ISO_8859_1)).exit()).isZero();
    Oracle.Result r = Oracle.sendmailBt(Oracle.testCf(dir, "hash", map.toString()),
        "MkBar,Basic_check_relay spam.example = 192.0.2.1\n", "-d38.20");
    assertThat(CfVariants.lookups(r)).startsWith("Connect:spam.example")
        .doesNotContain("spam.example");
    assertThat(r.stdout()).contains("Basic_check_rela returns: OK");
  }
}
