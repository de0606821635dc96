package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.CfFile;
import io.accessctl.cf.CfVariants;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Linter;
import io.accessctl.lint.Severity;
import io.accessctl.source.AccessParser;
import io.accessctl.source.ParseOptions;
import io.accessctl.testutil.Oracle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("oracle")
class Ac410KLineFlagsTest {
  static final String MAP = """
      Try_TLS:mx.broken.example NO
      try_tls:mx2.broken.example NO
      qgrp:example.com slow
      Connect:192.0.2 REJECT
      """;

  @TempDir
  Path dir;

  private CfFile withKLine(String name, String spec) {
    return CfVariants.read(dir, name,
        CfVariants.replace("access_db", "FEATURE(`access_db', `" + spec + "', `skip')"));
  }

  /** Lints as if the map were built with makemap -f. */
  private static List<Diagnostic> keptCase(String text, CfFile cf) {
    var src = new AccessParser(ParseOptions.defaults().withFoldKeys(false))
        .parse("access", text.getBytes(StandardCharsets.ISO_8859_1));
    return new Linter(Set.of("AC410"), Set.of())
        .lint(new LintContext(src, Catalog.stock(), Optional.of(cf)));
  }

  @Test
  void kLineFWithAFoldedMapLosesEveryTagSpeltWithCapitals() {
    CfFile cf = withKLine("kf", "hash -f -T<TMPF> /etc/mail/access");
    assertThat(LintFixture.only("AC410", MAP, cf)).singleElement().satisfies(x -> {
      assertThat(x.line()).isEqualTo(1);
      assertThat(x.message()).isEqualTo("the access K line in " + cf.path() + " has -f, so"
          + " sendmail looks up Try_TLS:… spelt as its rules spell it, but makemap without -f"
          + " stores \"try_tls:mx.broken.example\": it never matches, nor do 2 more keys like it;"
          + " remove -f from the K line, or build the map with makemap -f (and run accessctl with"
          + " -f) keeping the tags spelt as sendmail does");
    });
  }

  @Test
  void kLineFWithACaseKeepingMapNeedsTheRulesSpelling() {
    CfFile cf = withKLine("kf2", "hash -f -T<TMPF> /etc/mail/access");
    assertThat(keptCase(MAP, cf)).singleElement().satisfies(x -> {
      assertThat(x.line()).isEqualTo(2);
      assertThat(x.message()).contains("sendmail asks for Try_TLS:…, never try_tls:…",
          "write Try_TLS:mx2.broken.example");
    });
  }

  @Test
  void aCaseKeepingMapWithoutKLineFLosesKeysWithCapitals() {
    CfFile cf = CfVariants.read(dir, "stock");
    assertThat(keptCase(MAP, cf)).singleElement().satisfies(x -> {
      assertThat(x.line()).isEqualTo(1);
      assertThat(x.message()).contains("has no -f, so sendmail looks up lower-case keys only:"
          + " \"Try_TLS:mx.broken.example\" never matches, nor does 1 more key with capitals");
    });
    assertThat(keptCase(MAP.toLowerCase(), cf)).isEmpty();
  }

  @Test
  void nulFlags() {
    assertThat(LintFixture.only("AC410", MAP.toLowerCase(),
        withKLine("kn", "hash -N -T<TMPF> /etc/mail/access"))).singleElement().satisfies(x -> {
          assertThat(x.severity()).isEqualTo(Severity.INFO);
          assertThat(x.message()).contains("has -N", "makemap -N");
        });
    assertThat(LintFixture.only("AC410", MAP.toLowerCase(),
        withKLine("kno", "hash -N -O -T<TMPF> /etc/mail/access"))).singleElement()
        .satisfies(x -> {
          assertThat(x.severity()).isEqualTo(Severity.WARNING);
          assertThat(x.message()).contains("no entry can ever match");
        });
  }

  @Test
  void silentWithDebiansKLineAndAFoldedMapAndWithoutACf() {
    assertThat(LintFixture.only("AC410", MAP, CfVariants.read(dir, "stock"))).isEmpty();
    assertThat(LintFixture.only("AC410", MAP)).isEmpty();
  }

  /** The real sendmail with -f on the K line misses the key plain makemap stored folded. */
  @Test
  void realSendmailWithKLineFMissesAFoldedKey() {
    Oracle.require(Oracle.MAKEMAP, Oracle.SENDMAIL);
    CfFile cf = withKLine("kf3", "hash -f -T<TMPF> /etc/mail/access");
    String input = ".D{server_name}mx.broken.example\n.D{server_addr}192.0.2.9\ntry_tls x\n";
    for (boolean makemapF : new boolean[] {false, true}) {
      Path map = dir.resolve(makemapF ? "kept" : "folded");
      assertThat(Oracle.makemap(dir, makemapF ? List.of("-f") : List.of(), "hash", map.toString(),
          "Try_TLS:mx.broken.example NO\n".getBytes(StandardCharsets.ISO_8859_1)).exit()).isZero();
      Path bt = CfVariants.testCf(cf.path(), "Kaccess hash -f -T<TMPF> " + map);
      Oracle.Result r = Oracle.sendmailBt(bt, input);
      assertThat(r.stdout().contains("550 do not try TLS")).as(r.stdout()).isEqualTo(makemapF);
    }
  }
}
