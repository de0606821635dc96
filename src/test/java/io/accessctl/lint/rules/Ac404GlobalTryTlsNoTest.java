package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.CfVariants;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import io.accessctl.testutil.Oracle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ac404GlobalTryTlsNoTest {
  @TempDir
  Path dir;

  @Test
  void theBareDefaultNoIsReportedWithoutACf() {
    List<Diagnostic> d = LintFixture.only("AC404", "Try_TLS: NO\ntry_tls:\tno \n");
    assertThat(d).extracting(Diagnostic::line).containsExactly(1, 2);
    assertThat(d.get(0).message()).contains("all outgoing mail without STARTTLS",
        "Try_TLS:mx.broken.example NO", "confTLS_FALLBACK_TO_CLEAR");
  }

  @Test
  void nearMissesAreSilent() {
    assertThat(LintFixture.only("AC404", """
        Try_TLS:mx.broken.example NO
        Try_TLS: YES
        Try_TLS: NO # sendmail reads three tokens: not NO
        Try_TLS: "NO"
        Srv_Features: NO
        """)).isEmpty();
  }

  @Test
  @Tag("oracle")
  void realSendmailFallsBackToTheBareKeyForAnyServer() throws java.io.IOException {
    Oracle.require(Oracle.MAKEMAP, Oracle.SENDMAIL, Oracle.STOCK_CF);
    Path map = dir.resolve("access");
    assertThat(Oracle.makemap(dir, List.of(), "hash", map.toString(),
        "Try_TLS: NO\n".getBytes(StandardCharsets.ISO_8859_1)).exit()).isZero();
    Oracle.Result r = Oracle.sendmailBt(Oracle.testCf(dir, "hash", map.toString()),
        ".D{server_name}mx.good.example\n.D{server_addr}198.51.100.7\ntry_tls x\n", "-d38.20");
    assertThat(CfVariants.lookups(r)).endsWith("Try_TLS:");
    assertThat(r.stdout()).contains("try_tls          returns: $# error $@ 5 . 7 . 1 $: \"550 do"
        + " not try TLS with \" mx . good . example");
  }
}
