package io.accessctl.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.source.AccessSource;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetDeleteCommandTest {
  private static final String MAP = "# Outbound TLS\nTry_TLS:mx1.example\tNO\n#\n"
      + AccessSource.CANIT_MARKER + "\nConnect:203.0.113.7\tREJECT\n";

  @TempDir
  Path dir;

  private Path map() throws IOException {
    Path p = dir.resolve("access");
    Files.writeString(p, MAP, ISO_8859_1);
    return p;
  }

  @Test
  void setWritesTheEntryAboveTheMarkerKeepingTheModeAndSaysItChanged() throws IOException {
    Path map = map();
    Files.setPosixFilePermissions(map, PosixFilePermissions.fromString("rw-r-----"));
    Cli.Run r = Cli.run("set", "--no-cf", "--map", map.toString(), "Try_TLS:luna.bagoona.com",
        "NO");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("changed: ").contains(":3: inserted 1 line");
    assertThat(Files.readString(map, ISO_8859_1)).isEqualTo(MAP.replace("NO\n#",
        "NO\nTry_TLS:luna.bagoona.com\tNO\n#"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(map)))
        .isEqualTo("rw-r-----");
    Cli.Run again = Cli.run("set", "--no-cf", "--map", map.toString(), "try_tls:LUNA.bagoona.com",
        "NO");
    assertThat(again.exit()).isZero();
    assertThat(again.out()).startsWith("unchanged: ");
  }

  @Test
  void valueWordsAreJoinedWithSingleSpaces() throws IOException {
    Path map = map();
    assertThat(Cli.run("set", "--no-cf", "--map", map.toString(), "Srv_Features:scanner.example",
        "P", "D").exit()).isZero();
    assertThat(Files.readString(map, ISO_8859_1)).contains("Srv_Features:scanner.example\tP D\n");
  }

  @Test
  void checkChangesNothingAndExitsOneWhenAChangeIsNeeded() throws IOException {
    Path map = map();
    Cli.Run r = Cli.run("set", "--no-cf", "--check", "--diff", "--map", map.toString(),
        "Try_TLS:mx1.example", "YES");
    assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.out()).contains("-Try_TLS:mx1.example\tNO", "+Try_TLS:mx1.example\tYES",
        "would change");
    assertThat(Files.readString(map, ISO_8859_1)).isEqualTo(MAP);
    assertThat(Cli.run("set", "--no-cf", "--check", "--map", map.toString(),
        "Try_TLS:mx1.example", "NO").exit()).isZero();
    assertThat(Cli.run("delete", "--no-cf", "--check", "--map", map.toString(),
        "Try_TLS:none.example").exit()).isZero();
  }

  @Test
  void anEditThatWouldNotLintIsRefusedAndTheFileLeftAlone() throws IOException {
    Path map = map();
    Cli.Run r = Cli.run("set", "--no-cf", "--map", map.toString(), "Try_TLS:x.example", "NO",
        "#", "broken");
    assertThat(r.exit()).isEqualTo(ExitCodes.DATA_ERROR);
    assertThat(r.err()).contains("AC", "refused: the edit would not lint");
    assertThat(Files.readString(map, ISO_8859_1)).isEqualTo(MAP);
  }

  @Test
  void entriesOwnedByCanitAreRefused() throws IOException {
    Path map = map();
    Cli.Run r = Cli.run("delete", "--no-cf", "--map", map.toString(), "Connect:203.0.113.7");
    assertThat(r.exit()).isEqualTo(ExitCodes.DATA_ERROR);
    assertThat(r.err()).contains("below the CanIt marker").doesNotContain("Exception");
    assertThat(Files.readString(map, ISO_8859_1)).isEqualTo(MAP);
  }

  @Test
  void deleteRemovesTheEntryAndIsIdempotent() throws IOException {
    Path map = map();
    Cli.Run r = Cli.run("delete", "--no-cf", "--map", map.toString(), "TRY_TLS:MX1.example");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(map, ISO_8859_1)).isEqualTo(MAP.replace(
        "# Outbound TLS\nTry_TLS:mx1.example\tNO\n", ""));
    Cli.Run again = Cli.run("delete", "--no-cf", "--map", map.toString(), "TRY_TLS:MX1.example");
    assertThat(again.exit()).isZero();
    assertThat(again.out()).startsWith("unchanged: ");
  }

  @Test
  void aMissingMapIsOneLineAndExit66() {
    Cli.Run r = Cli.run("set", "--no-cf", "--map", dir.resolve("nope").toString(), "a", "OK");
    assertThat(r.exit()).isEqualTo(ExitCodes.NO_INPUT);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("nope");
  }

  @Test
  void compileRebuildsTheDbAfterAChange() throws IOException {
    Path map = map();
    Cli.Run r = Cli.run("set", "--no-cf", "--compile", "--map", map.toString(),
        "Try_TLS:luna.bagoona.com", "NO");
    assertThat(r.exit()).as(r.err()).isZero();
    Cli.Run q = Cli.run("query", "--map", dir.resolve("access.db").toString(),
        "try_tls:luna.bagoona.com");
    assertThat(q.exit()).as(q.err()).isZero();
    assertThat(q.out().strip()).isEqualTo("NO");
  }

  /** The point of it all: after set --compile, sendmail itself stops trying STARTTLS. */
  @Test
  @Tag("oracle")
  void afterSetAndCompileSendmailNoLongerTriesStarttls() throws IOException {
    Oracle.require(Oracle.SENDMAIL);
    Path map = map();
    assertThat(Cli.run("compile", "--no-cf", map.toString()).exit()).isZero();
    Path cf = Oracle.testCf(dir, "hash", map.toString());
    String probe = ".D{server_name}luna.bagoona.com\ntry_tls x\n";
    assertThat(Oracle.sendmailBt(cf, probe).stdout()).doesNotContain("do not try TLS");
    Cli.Run r = Cli.run("set", "--no-cf", "--compile", "--map", map.toString(),
        "Try_TLS:luna.bagoona.com", "NO");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Oracle.sendmailBt(cf, probe).stdout())
        .contains("try_tls          returns: $# error $@ 5 . 7 . 1 $: \"550 do not try TLS with \" "
            + "luna . bagoona . com");
    Cli.Run d = Cli.run("delete", "--no-cf", "--compile", "--map", map.toString(),
        "Try_TLS:luna.bagoona.com");
    assertThat(d.exit()).as(d.err()).isZero();
    assertThat(Oracle.sendmailBt(cf, probe).stdout()).doesNotContain("do not try TLS");
  }
}
