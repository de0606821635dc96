package io.accessctl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.AccessMapSpec;
import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.ParseOptions;
import io.accessctl.testutil.AccessGen;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@link Linter} hands each entry only to the rules whose {@link Needs} declare it. These
 * tests hold every registered rule ({@link Rules#all()}) to its declaration on seeded random maps
 * (AccessGen's mistakes, the common shapes and near misses of them, lines aimed at the rules they
 * seldom reach, CITag tags, suppression comments), without a cf and with random cfs (versions, features): each
 * rule run alone walks every entry, whatever it declares, and the engine reports exactly the union
 * of what the rules report alone.
 */
class DispatchEquivalenceTest {
  private static final int FILES = 300;
  private static final String[] VERSIONS = {
    "8.12.11", "8.14.4", "8.15.2", "8.16.1", "8.17.1.9", "8.17.2", "8.18.1",
  };
  /** Lines that give a file CITag tags, whose entries the file's catalogue knows. */
  private static final String[] CITAG_LINES = {
    "TLS_Srv:secure.example\tVERIFY+CITag:MyIssuers", "MyIssuers:/C=US/O=Example\tRELAY",
    "myissuers:/C=US/O=Other Org\tOK", "MyIssuers:\tSUBJECT", "fe80:x\tOK", "FE80::1\tREJECT",
  };

  /** Lines for the rules the generators above seldom reach. */
  private static final String[] AIMED_LINES = {
    "Try_TLS: mx.example.com NO", "Connect:IPv6:2001:0db8:0:0:0:0:0:1\tREJECT",
    "Connect:[IPv6:2001:0db8::1]\tOK", "TLS_Srv:mx.old.example\tPERM+VERIFY",
    "TLS_Clt_Features:old.example\tFlags=C", "TLS_Srv:\tPERM+VERIFY:128",
    "TLS_Rcpt:example.net\tPERM+ENCR:128", "Srv_Features: 192.0.2.1 A",
    "milter-limit-Connect:192.0.2\t1/10s", "milter-sender-From:example.com\tREJECT",
    "milter-nosuch-To:example.com\tREJECT", "From:tab.example\t550\tgo away",
    "From:bare.example\t550 5.7.1 go away", "Connect:com\tREJECT", "To:net\tREJECT",
    "Try_TLS:co.uk\tNO", "Connect:.de\tREJECT", "spam.example\tREJECT", "192.0.2\tRELAY",
    "From:<>\tREJECT", "GreetPause:partner.example\t0", "Srv_Features:\tS",
    // a damaged line and a sound one with the same value: the damage rules read the key
    "try_tls\tNO", "mx.example\tNO",
  };

  /**
   * Lines at the edge of the rules' byte conditions ({@link Needs#keyHolding}, {@link
   * Needs#valueHolding}): each holds just the byte its rule's condition names.
   */
  private static final String[] BYTE_EDGE_LINES = {
    "Connect:skip.example\tSKIP", "Connect:a.example\tsKIP", "From:b.example\tSkIp",
    "Try_TLS:mx.example\tno", "Spam:abuse@\tfriend", "Connect:192.0.2.9\tREJECT\t",
    "Connect:192.0.2.8\tREJECT ", "Connect:c.example\tOK #x", "Connect:d.example\tOK#x",
    "Connect:e.example\tERROR:\"550 100%\"", "Connect:f.example\tREJECT%",
    "Connect:[192.0.2.1]\tOK", "Connect:[mx.example]\tOK", "To:g.example.\tRELAY",
    "To:h..\tRELAY", "Connect:\u00e9.example\tREJECT", "\u00e9:x\tOK",
    "Connect:i.example\tR\u00c9JECT",
    "TLS_Srv:j.example\tverify", "Connect:k.example\t\"%\"", "Connect:l.example\tSKIP #",
    // one value under keys of other tags and with an empty subject ({@link
    // Needs#sameForSameValue})
    "To:\tREJECT", "To:m.example\tREJECT", "Connect:\tREJECT", "REJECT\tREJECT",
    "To: 192.0.2.1 REJECT", "Connect: 192.0.2.1 REJECT", "Srv_Features:\tA P",
    "Srv_Features:n\tA P", "Clt_Features:o\tA P", "Connect:p\t(x)", "To:q\t(x)",
    "Connect:\t550 go away",
  };

  @Test
  void theEngineReportsWhatEveryRuleReportsAloneOverEveryEntry() {
    long runSeed = AccessGen.seed();
    int findings = 0;
    Map<String, Integer> byRule = new HashMap<>();
    // the last file holds every aimed line once, so a rule they reach fires whatever the seed
    for (int i = 0; i <= FILES; i++) {
      long seed = AccessGen.caseSeed(runSeed, i);
      byte[] data = i < FILES ? map(seed) : everyListedLine();
      CfFile cf = randomCf(new Random(seed ^ 0x5eed));
      List<Diagnostic> engine = Linter.all().lint(context(data, cf));
      // the same walk in two threads, as on a large map
      List<Diagnostic> twoThreads = Linter.all().parallelFrom(2).lint(context(data, cf));
      List<Diagnostic> alone = eachRuleAlone(context(data, cf));
      assertThat(engine).as("file %d, cf %s; %s", i, describe(cf), AccessGen.replayHint(runSeed))
          .containsExactlyElementsOf(alone);
      assertThat(twoThreads).as("two threads: file %d, cf %s; %s", i, describe(cf),
          AccessGen.replayHint(runSeed)).containsExactlyElementsOf(alone);
      findings += alone.size();
      alone.forEach(d -> byRule.merge(d.ruleId(), 1, Integer::sum));
    }
    assertThat(findings).as("findings").isGreaterThan(FILES * 5);
    // Every per-entry rule must fire somewhere for the comparison to cover its declaration.
    List<String> silent = Rules.all().stream().filter(r -> r.needs().perEntry())
        .map(r -> r.info().id()).filter(id -> !byRule.containsKey(id)).toList();
    assertThat(silent).as("per-entry rules that never fired; %s", AccessGen.replayHint(runSeed))
        .isEmpty();
  }

  @Test
  void noRuleReportsAnEntryOutsideItsDeclaration() {
    long runSeed = AccessGen.seed();
    // the last file holds every aimed line once, so a rule they reach fires whatever the seed
    for (int i = 0; i <= FILES; i++) {
      long seed = AccessGen.caseSeed(runSeed, i);
      byte[] data = i < FILES ? map(seed) : everyListedLine();
      CfFile cf = randomCf(new Random(seed ^ 0x5eed));
      for (Rule r : Rules.all()) {
        Needs needs = r.needs();
        if (!needs.perEntry()) {
          continue;
        }
        LintContext ctx = context(data, cf);
        Map<Integer, EntryView> byLine = new HashMap<>();
        for (EntryView v : EntryView.of(ctx)) {
          byLine.put(v.entry().lineNumber(), v);
        }
        Findings out = new Findings("access");
        r.check(ctx, out);
        for (Diagnostic d : out.diagnostics()) {
          EntryView v = byLine.get(d.line());
          boolean declared = v != null
              && (v.tagged() ? needs.judges(v.tag()) : needs.untagged())
              && (!needs.cf() || cf != null)
              && needs.admits(ByteClasses.ofKey(v.entry()), ByteClasses.ofValue(v.entry()));
          assertThat(declared).as("%s reports line %d (%s) outside its declaration: %s; file %d,"
              + " cf %s; %s", d.ruleId(), d.line(), d.sourceText(), d.message(), i, describe(cf),
              AccessGen.replayHint(runSeed)).isTrue();
        }
      }
    }
  }

  /** Each rule by itself over every entry, with no dispatch: the reference. */
  private static List<Diagnostic> eachRuleAlone(LintContext ctx) {
    Findings raw = new Findings(ctx.source().name());
    for (Rule r : Rules.all()) {
      r.check(ctx, raw);
    }
    Suppressions sup = new Suppressions(ctx.source());
    List<Diagnostic> kept = new ArrayList<>();
    for (Diagnostic d : raw.diagnostics()) {
      if (!sup.suppresses(d)) {
        kept.add(d);
      }
    }
    Findings unused = new Findings(ctx.source().name());
    sup.reportUnused(unused);
    kept.addAll(unused.diagnostics());
    kept.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column)
        .thenComparing(Diagnostic::ruleId));
    return kept;
  }

  /** AccessGen's lines, the common shapes and their near misses, CITag tags, suppressions. */
  static byte[] map(long seed) {
    Random rnd = new Random(seed);
    AccessGen gen = new AccessGen(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int n = 10 + rnd.nextInt(60);
    for (int j = 0; j < n; j++) {
      String line = switch (rnd.nextInt(12)) {
        case 0, 1 -> gen.line(AccessGen.Shape.PLAIN);
        case 2 -> switch (rnd.nextInt(3)) {
          case 0 -> CITAG_LINES[rnd.nextInt(CITAG_LINES.length)];
          case 1 -> AIMED_LINES[rnd.nextInt(AIMED_LINES.length)];
          default -> BYTE_EDGE_LINES[rnd.nextInt(BYTE_EDGE_LINES.length)];
        };
        case 3 -> "# accessctl: disable=" + pick(rnd, "AC301", "AC216", "AC403", "try-tls-not-no",
            "AC322", "AC108,AC203", "AC999");
        default -> gen.nearCommonEntry();
      };
      out.writeBytes((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    return out.toByteArray();
  }

  /** The CITag, aimed and byte-edge lines, each once. */
  static byte[] everyListedLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String[] lines : List.of(CITAG_LINES, AIMED_LINES, BYTE_EDGE_LINES)) {
      for (String line : lines) {
        out.writeBytes((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
      }
    }
    return out.toByteArray();
  }

  private static String pick(Random rnd, String... choices) {
    return choices[rnd.nextInt(choices.length)];
  }

  /** No cf (a third of the files), or a cf of a random version with random features. */
  static CfFile randomCf(Random rnd) {
    if (rnd.nextInt(3) == 0) {
      return null;
    }
    Set<Feature> features = EnumSet.noneOf(Feature.class);
    for (Feature f : Feature.values()) {
      if (rnd.nextInt(3) == 0) {
        features.add(f);
      }
    }
    return CfFile.of(Path.of("/etc/mail/sendmail.cf"), VERSIONS[rnd.nextInt(VERSIONS.length)],
        new AccessMapSpec("hash", "/etc/mail/access", false, false, false, false), features,
        Set.of());
  }

  static String describe(CfFile cf) {
    return cf == null ? "none" : cf.version() + " " + cf.features();
  }

  static LintContext context(byte[] data, CfFile cf) {
    AccessSource src = new AccessParser(ParseOptions.defaults()).parse("access", data);
    return new LintContext(src, Catalog.stock(), Optional.ofNullable(cf));
  }
}
