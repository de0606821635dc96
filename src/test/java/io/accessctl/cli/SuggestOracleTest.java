package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After {@code suggest --apply --compile}, sendmail itself stops trying STARTTLS. */
@Tag("oracle")
class SuggestOracleTest {
  private static final Pattern RETURNS = Pattern.compile("(?m)^(\\S+)\\s+returns: ?(.*)$");

  @TempDir
  Path dir;

  @Test
  void afterApplyAndCompileSendmailNoLongerTriesStarttlsWithTheServerFromTheLog()
      throws IOException {
    Oracle.require(Oracle.SENDMAIL, Oracle.STOCK_CF);
    Path map = dir.resolve("access");
    try (InputStream in = getClass().getResourceAsStream("/maillog/access-canit")) {
      Files.write(map, in.readAllBytes());
    }
    Path log = dir.resolve("mail.log");
    try (InputStream in = getClass().getResourceAsStream("/maillog/mail.log")) {
      Files.write(log, in.readAllBytes());
    }
    Files.setLastModifiedTime(log, FileTime.from(Instant.parse("2026-11-23T12:00:00Z")));
    Path cf = Oracle.testCf(dir, "hash", map.toString());
    assertThat(Cli.run("compile", "--cf", cf.toString(), "-q", map.toString()).exit()).isZero();
    assertThat(tryTls(cf)).isEqualTo("OK");
    assertThat(srvFeatures(cf)).isEqualTo("OK");

    Cli.Run r = Cli.run("suggest", "--cf", cf.toString(), "--map", map.toString(),
        "--from-log", log.toString(), "--apply", "--compile");
    assertThat(r.exit()).as(r.err()).isZero();

    assertThat(tryTls(cf)).startsWith("$# error $@ 5 . 7 . 1");
    assertThat(srvFeatures(cf)).isEqualTo("$# S");
  }

  /** try_tls as the client runs it for the relay of the log's deferral. */
  private static String tryTls(Path cf) {
    return last(Oracle.sendmailBt(cf, ".D{server_name}luna.bagoona.com\n"
        + ".D{server_addr}123.45.67.89\ntry_tls x\n").stdout(), "try_tls");
  }

  /**
   * srv_features for the client the log named "(may be forged)": sendmail then sets
   * {client_name} to the bracketed address (main.c), not to the name.
   */
  private static String srvFeatures(Path cf) {
    return last(Oracle.sendmailBt(cf, ".D{client_name}[192.0.2.44]\n"
        + ".D{client_addr}192.0.2.44\nsrv_features x\n").stdout(), "srv_features");
  }

  private static String last(String out, String ruleset) {
    String found = null;
    Matcher m = RETURNS.matcher(out);
    while (m.find()) {
      if (m.group(1).equals(ruleset)) {
        found = m.group(2).strip();
      }
    }
    assertThat(found).as(out).isNotNull();
    return found;
  }
}
