package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.status.SendmailBinary;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** accessctl status against files made by the real makemap and the real sendmail binary. */
@Tag("oracle")
class StatusOracleTest {
  private static final String TEXT = "Try_TLS:luna.bagoona.com NO\nConnect:127.0.0.1 RELAY\n"
      + "Srv_Features:192.0.2 S\n";

  @TempDir
  Path dir;
  Path access;
  Path cf;

  @BeforeEach
  void setUp() throws IOException {
    access = dir.resolve("access");
    cf = dir.resolve("sendmail.cf");
    Files.writeString(access, TEXT, StandardCharsets.ISO_8859_1);
  }

  /** The stock cf with its access map pointed at our file, as real-tools.md describes. */
  private void stockCfWith(String kFlags) throws IOException {
    Oracle.require(Oracle.STOCK_CF);
    String stock = Files.readString(Path.of(Oracle.STOCK_CF), StandardCharsets.ISO_8859_1);
    Files.writeString(cf, stock.replaceFirst("(?m)^Kaccess .*$",
        Matcher.quoteReplacement("Kaccess hash " + kFlags + "-T<TMPF> " + access)),
        StandardCharsets.ISO_8859_1);
  }

  private Cli.Run status() {
    return Cli.run("status", "--cf", cf.toString(), "--sendmail", "/nonexistent");
  }

  @Test
  void aDbMadeByMakemapIsInStepUntilTheTextIsEdited() throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    stockCfWith("");
    Oracle.Result made = Oracle.makemap(dir, List.of(), "hash", "access",
        TEXT.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(made.exit()).as(made.stderr()).isZero();
    Cli.Run fresh = status();
    assertThat(fresh.exit()).as(fresh.out()).isZero();
    assertThat(fresh.out()).contains("holds the 3 entries").contains("all in order");

    Files.writeString(access, TEXT.replace("S\n", "SP\n") + "Try_TLS:broken.example NO\n",
        StandardCharsets.ISO_8859_1);
    Files.setLastModifiedTime(access,
        FileTime.from(Files.getLastModifiedTime(dir.resolve("access.db")).toInstant()
            .plusSeconds(60)));
    Cli.Run stale = status();
    assertThat(stale.exit()).isEqualTo(1);
    assertThat(stale.out()).contains("2 entries differ")
        .contains("different value (line 3): srv_features:192.0.2: text \"SP\", db \"S\"")
        .contains("only in text (line 4): try_tls:broken.example \"NO\"")
        .contains("the text changed after the db was built");
  }

  @Test
  void aMakemapMinusNDbMatchesAMinusNKLineAndNotAMinusOOne() throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    Oracle.Result made = Oracle.makemap(dir, List.of("-N"), "hash", "access",
        TEXT.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(made.exit()).as(made.stderr()).isZero();
    stockCfWith("-N ");
    assertThat(status().exit()).isZero();
    stockCfWith("-O ");
    Cli.Run r = status();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("3 of 3 keys end with a NUL");
  }

  @Test
  void theInstalledVersionIsTheOneSendmailPrints() {
    Oracle.require(Oracle.SENDMAIL, "/usr/bin/unshare");
    // the reference run: a private UTS namespace with a qualified name, so sendmail does not
    // sleep 60 s (real-tools.md); it runs to the end and prints its compile options
    Oracle.Result ref = Oracle.run(List.of("unshare", "-u", "sh", "-c",
        "hostname \"$(hostname).localdomain\" && exec " + Oracle.SENDMAIL + " -d0.1 -bt"),
        new byte[0], null, Map.of());
    Matcher m = Pattern.compile("(?m)^Version (\\S+)").matcher(ref.stdout());
    assertThat(m.find()).as(ref.stdout() + ref.stderr()).isTrue();

    long start = System.nanoTime();
    assertThat(SendmailBinary.version(Path.of(Oracle.SENDMAIL))).contains(m.group(1));
    // no unshare, no root: we stop at the first line instead of waiting out the 60 s sleep
    assertThat(System.nanoTime() - start).isLessThan(3_000_000_000L);

    Cli.Run r = Cli.run("status", "--no-cf", "--map", access.toString(), "--sendmail",
        Oracle.SENDMAIL);
    assertThat(r.out()).contains("installed sendmail " + m.group(1) + ";");
    // without a cf nobody can tell whether the option is on: say so rather than "off"
    if (r.out().contains("supports it")) {
      assertThat(r.out()).contains("no cf was read").doesNotContain("TLSFallbacktoClear is off");
    }
  }

  @Test
  void theStockCfIsJudgedLikeItsOptionLine() throws IOException {
    Oracle.require(Oracle.STOCK_CF, Oracle.SENDMAIL);
    String stock = Files.readString(Path.of(Oracle.STOCK_CF), StandardCharsets.ISO_8859_1);
    boolean on = Pattern.compile("(?mi)^O TLSFallbacktoClear\\s*(=\\s*[tTyY].*)?$")
        .matcher(stock).find();
    Cli.Run r = Cli.run("status", "--format", "json", "--cf", Oracle.STOCK_CF, "--map",
        access.toString(), "--sendmail", Oracle.SENDMAIL);
    assertThat(r.out()).contains("\"tlsFallbackEnabled\": " + on)
        .contains("\"versionFrom\": \"binary\"");
  }
}
