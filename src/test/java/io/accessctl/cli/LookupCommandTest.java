package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupCommandTest {
  private static final String CF = "src/test/resources/sendmail/debian-8.17.1.9.cf";

  @TempDir
  Path dir;

  private Path map() throws IOException {
    Path p = dir.resolve("access");
    Files.writeString(p, "Try_TLS:bagoona.com NO\nSrv_Features:my.domain v\nSrv_Features: V\n");
    return p;
  }

  @Test
  void theReadmeExampleExplainsTheWalk() throws IOException {
    Cli.Run r = Cli.run("lookup", "--map", map().toString(), "--cf", CF, "Try_TLS",
        "luna.bagoona.com", "--addr", "123.45.67.89");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Try_TLS lookup for luna.bagoona.com [123.45.67.89]")
        .contains("sendmail 8.17.1.9").contains("1. Try_TLS:luna.bagoona.com")
        .contains("2. Try_TLS:bagoona.com").contains("Matched: Try_TLS:bagoona.com  NO")
        .contains("will NOT use STARTTLS");
  }

  @Test
  void jsonHasTheDesignedShape() throws IOException {
    Cli.Run r = Cli.run("lookup", "--map", map().toString(), "--cf", CF, "--format", "json",
        "try_tls", "luna.bagoona.com.", "--addr", "123.45.67.89");
    assertThat(r.out().strip()).isEqualTo("{\"tag\":\"Try_TLS\",\"name\":\"luna.bagoona.com.\","
        + "\"addr\":\"123.45.67.89\",\"result\":\"NO\",\"key\":\"try_tls:bagoona.com\","
        + "\"tried\":[\"try_tls:luna.bagoona.com\",\"try_tls:bagoona.com\"],"
        + "\"effect\":\"no-starttls\"}");
  }

  @Test
  void batchAnswersEveryLineInOrderAsJsonLines() throws IOException {
    byte[] in = ("Try_TLS\tmx.example.org\t192.0.2.1\nSrv_Features\tx.my.domain\t10.0.0.1\n"
        + "Srv_Features\tother.example\t\nNoSuchTag\tx\t\n").getBytes(StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
        Console.plain(), new ByteArrayInputStream(in), "lookup", "--map", map().toString(),
        "--cf", CF, "--batch", "-");
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).contains("\"effect\":\"starttls\"").contains("\"key\":null")
        .contains("\"try_tls:\"]");
    assertThat(lines[1]).contains("\"result\":\"v\"").contains("\"effect\":\"flags v\"");
    assertThat(lines[2]).contains("\"key\":\"srv_features:\"").contains("\"addr\":null");
    assertThat(lines[3]).contains("\"error\"");
    assertThat(code).isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void aCompiledMapAnswersLikeTheTextMap() throws IOException {
    Path db = dir.resolve("access.db");
    Cli.Run c = Cli.run("compile", "--output", db.toString(), map().toString());
    assertThat(c.exit()).as(c.err()).isZero();
    Cli.Run r = Cli.run("lookup", "--map", db.toString(), "--cf", CF, "--format", "json",
        "Srv_Features", "a.my.domain");
    assertThat(r.out()).contains("\"key\":\"srv_features:my.domain\"");
  }

  @Test
  void anUnknownTagIsAUsageErrorWithASuggestion() throws IOException {
    Cli.Run r = Cli.run("lookup", "--map", map().toString(), "--cf", CF, "TryTLS", "x");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("did you mean Try_TLS?");
  }

  @Test
  void withoutACfTheOutputSaysWhatIsAssumed() throws IOException {
    Cli.Run r = Cli.run("lookup", "--map", map().toString(), "--no-cf", "Clt_Features", "mx.x");
    assertThat(r.out()).contains("no sendmail.cf read: assuming").contains("assumed:");
  }
}
