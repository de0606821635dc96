package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lookup --ruleset}: sendmail -bt's answers from a cf's own rules. */
class LookupRulesetTest {
  @TempDir Path dir;
  Path cf;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void cf() throws Exception {
    Files.writeString(dir.resolve("site.txt"), "Site:mx.example.com REJECT\n");
    cf = dir.resolve("t.cf");
    Files.writeString(cf, String.join("\n",
        "V10/Berkeley",
        "Ksite text -z: " + dir.resolve("site.txt"),
        "Kmacro macro",
        "Scheck",
        "R$+ . $+\t$: <$(site Site:$1.$2 $: none $)> $&{client_addr}\t\tlook it up",
        "Sloop",
        "R$*\t$1 $1",
        "Sa",
        "R$*\t$: $>b $1",
        "Sb",
        "R$*\t$: $>a $1", ""));
  }

  private int run(String stdin, String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), Console.plain(),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.ISO_8859_1)), args);
  }

  @Test
  void answersAsSendmailBtWithTheKeysTried() {
    int code = run("", "lookup", "--cf", cf.toString(), "--ruleset", "check", "--define",
        "{client_addr}=192.0.2.1", "--format", "json", "mx.example.com");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("{\"ruleset\":\"check\",\"input\":\"mx.example.com\","
        + "\"result\":\"< none > 192 . 0 . 2 . 1\",\"tried\":[\"Site:mx.example.com\"]}\n");
  }

  @Test
  void anOverlongExpansionHasNoResultAndSaysWhy() {
    int code = run("", "lookup", "--cf", cf.toString(), "--ruleset", "loop", "--format", "json",
        "x");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("\"result\":null")
        .contains("\"error\":\"rewrite: expansion too long; == Ruleset loop (198) status 65\"");
  }

  @Test
  void batchGoesOnPastAnUndefinedRulesetAndRulesThatNeverEnd() {
    int code = run("check\tmx.example.com\nnosuch\tx\na\tx\ncheck\ta.b\n", "lookup", "--cf",
        cf.toString(), "--ruleset", "-", "--batch", "-", "--format", "json");
    assertThat(code).isEqualTo(1);
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[1]).contains("\"result\":null").contains("Undefined ruleset nosuch");
    assertThat(lines[2]).contains("\"ruleset\":\"a\"").contains("\"result\":\"x\"")
        .contains("excessive recursion (max 50)");
    assertThat(lines[3]).contains("\"result\":\"< none >\"");
  }

  @Test
  void mapStandsInForTheFileTheAccessKLineNames() throws Exception {
    Path withAccess = dir.resolve("access.cf");
    Files.writeString(withAccess, String.join("\n",
        "V10/Berkeley",
        "Kaccess hash -T<TMPF> -o " + dir.resolve("absent"),
        "Sconn",
        "R$*\t$: < $(access Connect:$1 $: none $) >", ""));
    Path text = dir.resolve("access");
    Files.writeString(text, "Connect:192.0.2.1\tREJECT\nCONNECT:MX.Example.COM\tOK\n");
    int code = run("", "lookup", "--cf", withAccess.toString(), "--ruleset", "conn", "--format",
        "json", "192.0.2.1");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("\"result\":\"< none >\"");

    out.getBuffer().setLength(0);
    code = run("conn\t192.0.2.1\nconn\tmx.example.com\nconn\t192.0.2.2\n", "lookup", "--cf",
        withAccess.toString(), "--map", text.toString(), "--ruleset", "-", "--batch", "-",
        "--format", "json");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString().split("\n")).containsExactly(
        "{\"ruleset\":\"conn\",\"input\":\"192.0.2.1\",\"result\":\"< REJECT >\","
            + "\"tried\":[\"Connect:192.0.2.1\"]}",
        "{\"ruleset\":\"conn\",\"input\":\"mx.example.com\",\"result\":\"< OK >\","
            + "\"tried\":[\"Connect:mx.example.com\"]}",
        "{\"ruleset\":\"conn\",\"input\":\"192.0.2.2\",\"result\":\"< none >\","
            + "\"tried\":[\"Connect:192.0.2.2\"]}");

    Path db = dir.resolve("compiled.db");
    assertThat(run("", "compile", "--no-cf", "--output", db.toString(), text.toString()))
        .as(err.toString()).isZero();
    out.getBuffer().setLength(0);
    code = run("", "lookup", "--cf", withAccess.toString(), "--map", db.toString(), "--ruleset",
        "conn", "--format", "json", "MX.example.com");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("\"result\":\"< OK >\"");
  }

  @Test
  void aMapThatCannotBeReadIsOneLineAndStatusThree() {
    int code = run("", "lookup", "--cf", cf.toString(), "--map", dir.resolve("nosuch").toString(),
        "--ruleset", "check", "x");
    assertThat(code).isEqualTo(3);
    assertThat(err.toString().strip()).doesNotContain("\n").contains("nosuch");
  }

  @Test
  void aCfThatIsNoCfIsOneLineAndStatusThree() throws Exception {
    Path bad = dir.resolve("bad.cf");
    Files.writeString(bad, "not a cf\n");
    int code = run("", "lookup", "--cf", bad.toString(), "--ruleset", "check", "x");
    assertThat(code).isEqualTo(3);
    assertThat(err.toString().strip()).doesNotContain("\n").contains("not a sendmail.cf");
  }
}
