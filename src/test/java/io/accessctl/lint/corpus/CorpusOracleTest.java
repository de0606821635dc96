package io.accessctl.lint.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.CfFile;
import io.accessctl.lint.Severity;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus annotations' claims about sendmail, checked with the real one: each map is built by
 * makemap and made the access db of a copy of Debian's sendmail.cf; {@code bt} claims run through
 * one {@code sendmail -bt -d38.20} per map (so the keys it looks up show), {@code bs} claims are
 * live SMTP sessions ({@code sendmail -bs}) whose RCPT reply is compared, since with delay_checks
 * the sender's rejection is given there.
 */
@Tag("oracle")
class CorpusOracleTest {
  private static final String M4 = "/usr/bin/m4";
  private static final String DEBIAN_MC = "/etc/mail/sendmail.mc";

  @TempDir Path dir;

  @Test
  void everyClaimAboutSendmailHolds() throws IOException {
    Oracle.require(Oracle.SENDMAIL, Oracle.MAKEMAP, Oracle.STOCK_CF);
    List<String> problems = new ArrayList<>();
    int claims = 0;
    for (Corpus.Sample m : Corpus.all()) {
      if (m.claims().isEmpty()) {
        continue;
      }
      Path mapDir = Files.createDirectories(dir.resolve(m.name()));
      // a damaged map still gets its good lines stored; makemap's exit reports the bad ones
      Oracle.makemap(mapDir, List.of(), "hash", "access", m.bytes());
      Path cf = Oracle.testCf(mapDir, "hash", mapDir.resolve("access").toString());
      List<Corpus.Claim> bt = m.claims().stream().filter(c -> c.kind().equals("bt")).toList();
      List<String> outputs = bt.isEmpty() ? List.of() : sendmailBt(cf, bt);
      for (int i = 0; i < bt.size(); i++) {
        claims++;
        check(m, bt.get(i), outputs.get(i), problems);
      }
      for (Corpus.Claim c : m.claims()) {
        if (c.kind().equals("bs")) {
          claims++;
          String[] addrs = c.input().split(" ");
          List<String> replies = Oracle.sendmailBs(cf, List.of("EHLO client.example",
              "MAIL FROM:<" + addrs[0] + ">", "RCPT TO:<" + addrs[1] + ">", "QUIT"));
          check(m, c, replies.size() > 3 ? replies.get(3) : replies.toString(), problems);
        }
      }
    }
    assertThat(claims).as("claims checked").isGreaterThan(20);
    assertThat(problems).isEmpty();
  }

  @Test
  void anUntaggedRejectionRefusesMailToTheDomainExactlyWhenLintWarns() throws IOException {
    Oracle.require(Oracle.SENDMAIL, Oracle.MAKEMAP, Oracle.STOCK_CF, M4, DEBIAN_MC);
    String map = "spam.example\tREJECT\n";
    Oracle.makemap(dir, List.of(), "hash", "access", map.getBytes(StandardCharsets.ISO_8859_1));
    Path debian = Oracle.testCf(dir, "hash", dir.resolve("access").toString());
    // Debian's own .mc plus FEATURE(blocklist_recipients), built by the real m4
    String mc = Files.readString(Path.of(DEBIAN_MC), StandardCharsets.ISO_8859_1)
        .replaceFirst("(?m)^(FEATURE\\(`access_db'.*)$",
            "$1\nFEATURE(`blocklist_recipients')dnl");
    Files.writeString(dir.resolve("bl.mc"), mc, StandardCharsets.ISO_8859_1);
    Oracle.Result m4 = Oracle.run(List.of(M4, "bl.mc"), null, dir, Map.of());
    assertThat(m4.stderr()).isEmpty();
    Path blocklist = dir.resolve("bl.cf");
    Files.writeString(blocklist, m4.stdout().replaceAll("(?m)^Kaccess .*$",
        "Kaccess hash -T<TMPF> " + dir.resolve("access")), StandardCharsets.ISO_8859_1);
    String rcpt = ".D{client_addr}192.0.2.1\n.D{client_name}h.example\n"
        + "Basic_check_rcpt <u@spam.example>\n";
    String refused = "Basic_check_rcpt returns: $# error $@ 5 . 2 . 1 $: \"550 Mailbox disabled";
    assertThat(Oracle.sendmailBt(debian, rcpt, "-d38.20").stdout()).doesNotContain(refused);
    assertThat(Oracle.sendmailBt(blocklist, rcpt, "-d38.20").stdout()).contains(refused);

    byte[] data = map.getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Corpus.lint(data, CfFile.read(debian))).singleElement()
        .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.INFO));
    assertThat(Corpus.lint(data, CfFile.read(blocklist))).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.message()).contains("also refuses mail to spam.example");
    });
  }

  private static void check(Corpus.Sample m, Corpus.Claim c, String output, List<String> problems) {
    if (output.contains(c.text()) != c.present()) {
      problems.add(m.name() + ": " + c.kind() + " " + c.input() + (c.present() ? " => " : " =/> ")
          + c.text() + "\n--- sendmail said:\n" + output);
    }
  }

  /** The -bt output of each claim's case, split at marker lookups. */
  private static List<String> sendmailBt(Path cf, List<Corpus.Claim> claims) {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < claims.size(); i++) {
      in.append(claims.get(i).input().replace(" | ", "\n")).append("\n/map access marker-")
          .append(i).append('\n');
    }
    Oracle.Result r = Oracle.sendmailBt(cf, in.toString(), "-d38.20");
    String[] parts = r.stdout().split("map_lookup: access \\(marker-\\d+\\)");
    assertThat(parts).as("sendmail output: %s%s", r.stdout(), r.stderr())
        .hasSize(claims.size() + 1);
    return List.of(parts).subList(0, claims.size());
  }
}
