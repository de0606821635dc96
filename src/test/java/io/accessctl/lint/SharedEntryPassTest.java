package io.accessctl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.CfFile;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.ParseOptions;
import io.accessctl.testutil.AccessGen;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The {@link Linter} runs per-entry rules entry by entry over shared {@link EntryView}s; this
 * proves that it reports exactly what running each rule by itself over the map reports (the way
 * the linter worked before), on seeded random maps: same diagnostics, same order.
 */
class SharedEntryPassTest {
  private static final int FILES = 150;

  /** Keys and values that reach the rules' fast paths and the regexes behind them. */
  private static final String[] KEYS = {
    "Connect:1.2.3", "Connect:1.2.3.", "Connect:1.2.3.0/24", "Connect:10.1-20", "Connect:1.2.*",
    "Connect:IPv6:2001:db8::1", "Connect:IPv6:2001:DB8:0:0:0:0:0:1", "Connect:2001:db8::1",
    "Connect:[IPv6:2001:0db8::1]", "Connect:IPv6:2001:db8:", "fe80::1", "IPv6:::1", "1.2.3.4",
    "From:a@b", "From:<>", "To:example.com", "To:.com", "To:xn--p1ai", "To:xn--Bad", "To:co.uk",
    "Connect:example.de", "Try_TLS:", "Try_TLS:mx.example.", "Srv_Features:", "Clt_Features:h",
    "GreetPause:host.example", "ClientRate:1.2.3.4", "Spam:abuse@", "TLS_Srv:secure.example",
    "TLS_Rcpt:example.net", "CERTISSUER:/C=US/O=Ex+20Ample", "AuthInfo:mail.example", "QGRP:x",
    "Connect:spam.example", "spam.example", "Bogus_Tag:x", "Try-TLS:host", "9tag:x",
  };
  private static final String[] VALUES = {
    "NO", "YES", "REJECT", "relay", "OK", "SKIP", "DISCARD", "A P", "AP", "a s", "ERROR:\"550 x\"",
    "ERROR:5.7.1:\"550 go away\"", "ERROR:4.7.1:\"550 mixed\"", "550 bare text", "(comment)",
    "[ ]", " ", "NO # comment", "\"quoted\"", "0", "007", "12345678901234567890", "-5", "10s",
    "ENCR:128", "VERIFY:bits+CITag:Secure", "PERM+VERIFY", "QUARANTINE:held", "%1 hit", "FRIEND",
    "HATER", "\"U:user\" \"P:pw\" \"M:PLAIN\"", "TEMP:\"451 later\"", "T", "V L", "\\(x", "<a>",
  };

  @Test
  void entryByEntryPassFindsWhatRuleByRuleFinds() {
    long runSeed = AccessGen.seed();
    int findings = 0;
    for (int i = 0; i < FILES; i++) {
      long seed = AccessGen.caseSeed(runSeed, i);
      byte[] data = map(seed);
      CfFile cf = null; // the cf rules are whole-file rules; both paths run them the same way
      List<Diagnostic> shared = Linter.all().lint(context(data, cf));
      List<Diagnostic> reference = ruleByRule(context(data, cf));
      assertThat(shared).as("file %d; %s", i, AccessGen.replayHint(runSeed))
          .containsExactlyElementsOf(reference);
      findings += reference.size();
    }
    assertThat(findings).as("the maps draw findings to compare").isGreaterThan(FILES);
  }

  @Test
  void aLargeGeneratedMapGivesTheSameReport() {
    long runSeed = AccessGen.seed();
    byte[] data = map(runSeed, 5_000);
    assertThat(Linter.all().lint(context(data, null))).as(AccessGen.replayHint(runSeed))
        .containsExactlyElementsOf(ruleByRule(context(data, null)));
  }

  private static byte[] map(long seed) {
    return map(seed, 40);
  }

  /** AccessGen's file (what admins and parsers get wrong) plus entries aimed at the rules. */
  private static byte[] map(long seed, int extra) {
    Random rnd = new Random(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] base = new AccessGen(seed).file(AccessGen.Shape.PLAIN, 5, 60);
    out.writeBytes(base);
    if (base.length > 0 && base[base.length - 1] != '\n') {
      out.write('\n');
    }
    int n = rnd.nextInt(extra + 1);
    for (int j = 0; j < n; j++) {
      String line = rnd.nextInt(20) == 0 ? "# accessctl: disable=AC301,AC201,AC203"
          : KEYS[rnd.nextInt(KEYS.length)] + (rnd.nextBoolean() ? "\t" : " ")
              + VALUES[rnd.nextInt(VALUES.length)];
      out.writeBytes((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    return out.toByteArray();
  }

  private static LintContext context(byte[] data, CfFile cf) {
    AccessSource src = new AccessParser(ParseOptions.defaults()).parse("access", data);
    return new LintContext(src, Catalog.stock(), Optional.ofNullable(cf));
  }

  /** The linter as it was: every rule walks the whole map by itself, in id order. */
  private static List<Diagnostic> ruleByRule(LintContext ctx) {
    Findings raw = new Findings(ctx.source().name());
    Linter all = Linter.all();
    for (Rule r : Rules.all()) {
      if (all.enabled(r.info())) {
        r.check(ctx, raw);
      }
    }
    Suppressions sup = new Suppressions(ctx.source());
    Findings kept = new Findings(ctx.source().name());
    for (Diagnostic d : raw.diagnostics()) {
      if (!sup.suppresses(d)) {
        kept.diagnostics().add(d);
      }
    }
    sup.reportUnused(kept);
    kept.diagnostics().sort(Comparator.comparingInt(Diagnostic::line)
        .thenComparingInt(Diagnostic::column).thenComparing(Diagnostic::ruleId));
    return kept.diagnostics();
  }
}
