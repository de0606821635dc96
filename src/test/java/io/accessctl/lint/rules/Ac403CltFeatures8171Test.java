package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.AccessMapSpec;
import io.accessctl.cf.CfFile;
import io.accessctl.cf.CfVariants;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ac403CltFeatures8171Test {
  static final String MAP = """
      Clt_Features: M
      Clt_Features:server.example M
      Clt_Features:mx.broken.example S
      """;

  @TempDir
  Path dir;

  @Test
  @Tag("oracle")
  void withDebians8171RulesEveryKeyedEntryIsReportedButNotTheBareDefault() {
    CfFile cf = CfVariants.read(dir, "stock");
    List<Diagnostic> d = LintFixture.only("AC403", MAP, cf);
    assertThat(d).extracting(Diagnostic::line).containsExactly(2, 3);
    assertThat(d.get(0).message()).isEqualTo("the clt_features ruleset in " + cf.path()
        + " (sendmail 8.17.1.9) looks up the client connected to this sendmail ({client_name},"
        + " {client_addr}), not the server it delivers to, so this entry does not apply to"
        + " deliveries to server.example; only the bare Clt_Features: default works before"
        + " sendmail 8.17.2");
    assertThat(d.get(1).message()).contains("write Try_TLS:mx.broken.example NO");
  }

  @Test
  void silentWith8172RulesWithoutTheRulesetAndWithoutACf() {
    assertThat(LintFixture.only("AC403", MAP, CfVariants.excerpt("upstream-8.17.2-excerpt.cf")))
        .isEmpty();
    assertThat(LintFixture.only("AC403", MAP, CfVariants.excerpt("upstream-8.16.1-excerpt.cf")))
        .isEmpty(); // no clt_features at all: AC402 says so
    assertThat(LintFixture.only("AC403", MAP)).isEmpty();
  }

  @Test
  void aCfKnownOnlyByItsVersionIsJudgedByTheVersion() {
    assertThat(LintFixture.only("AC403", MAP, known("8.17.1.9"))).hasSize(2);
    assertThat(LintFixture.only("AC403", MAP, known("8.17.2"))).isEmpty();
    assertThat(LintFixture.only("AC403", MAP, known("8.16.1"))).isEmpty();
  }

  private static CfFile known(String version) {
    return CfFile.of(Path.of("/etc/mail/sendmail.cf"), version,
        new AccessMapSpec("hash", "/etc/mail/access", false, false, false, false),
        Set.of(Feature.ACCESS_DB), Set.of());
  }

  /**
   * The claim, shown with the real sendmail: an inbound client in.example (10.1.2.3) is connected,
   * sendmail delivers to server.example, and clt_features asks the map only about the client.
   */
  @Test
  @Tag("oracle")
  void realSendmail8171LooksUpTheInboundClientNotTheServer() throws IOException {
    Oracle.require(Oracle.MAKEMAP, Oracle.SENDMAIL, Oracle.STOCK_CF);
    Path map = dir.resolve("access");
    Oracle.Result made = Oracle.makemap(dir, List.of(), "hash", map.toString(),
        "Clt_Features:server.example M\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(made.exit()).as(made.stderr()).isZero();
    Path cf = Oracle.testCf(dir, "hash", map.toString());
    Oracle.Result r = Oracle.sendmailBt(cf,
        ".D{client_name}in.example\n.D{client_addr}10.1.2.3\nclt_features server.example\n",
        "-d38.20");
    List<String> keys = CfVariants.lookups(r);
    assertThat(keys).as(r.stdout()).startsWith("Clt_Features:in.example", "Clt_Features:example")
        .contains("Clt_Features:10.1.2.3", "Clt_Features:")
        .noneMatch(k -> k.contains("server"));
    assertThat(r.stdout()).contains("clt_features     returns: OK");
    assertThat(LintFixture.only("AC403", "Clt_Features:server.example M\n",
        CfFile.read(Path.of(Oracle.STOCK_CF)))).hasSize(1);
  }
}
