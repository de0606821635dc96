package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.AccessMapSpec;
import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Linter;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Entry;
import io.accessctl.source.ParseOptions;
import io.accessctl.testutil.AccessGen;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The linter hands the entries {@link QuietEntries} calls quiet to no per-entry rule. These tests
 * hold that shortcut to the full judgement on seeded random maps built at the edge of its
 * grammar, with no cf and with random cfs (versions, features): the report is the same with and
 * without it, and no rule that the shortcut skips reports a quiet entry.
 */
class QuietEntriesTest {
  private static final int FILES = 400;
  private static final String[] VERSIONS = {
    "8.12.11", "8.14.4", "8.15.2", "8.16.1", "8.17.1.9", "8.17.2", "8.18.1",
  };

  @Test
  void theReportIsTheSameWithAndWithoutTheShortcut() {
    long runSeed = AccessGen.seed();
    int quiet = 0;
    int judged = 0;
    int findings = 0;
    for (int i = 0; i < FILES; i++) {
      long seed = AccessGen.caseSeed(runSeed, i);
      byte[] data = map(seed);
      CfFile cf = randomCf(new Random(seed ^ 0x5eed));
      LintContext fast = context(data, cf);
      List<Diagnostic> withShortcut = Linter.all().lint(fast);
      LintContext full = context(data, cf);
      QuietEntries.disable(full);
      List<Diagnostic> reference = Linter.all().lint(full);
      assertThat(withShortcut).as("file %d, cf %s; %s", i, describe(cf),
          AccessGen.replayHint(runSeed)).containsExactlyElementsOf(reference);
      QuietEntries shortcut = QuietEntries.of(fast);
      for (Entry e : fast.source().entries()) {
        if (shortcut.test(e)) {
          quiet++;
        } else {
          judged++;
        }
      }
      findings += reference.size();
    }
    // The maps must exercise both sides of the grammar for the comparison to mean anything.
    assertThat(quiet).as("quiet entries").isGreaterThan(FILES * 4);
    assertThat(judged).as("entries judged in full").isGreaterThan(FILES * 5);
    assertThat(findings).as("findings").isGreaterThan(FILES);
  }

  @Test
  void noSkippedRuleReportsAQuietEntry() {
    long runSeed = AccessGen.seed();
    for (int i = 0; i < FILES / 4; i++) {
      long seed = AccessGen.caseSeed(runSeed, i);
      byte[] data = map(seed);
      CfFile cf = randomCf(new Random(seed ^ 0x5eed));
      LintContext full = context(data, cf);
      QuietEntries.disable(full);
      QuietEntries shortcut = QuietEntries.of(context(data, cf));
      List<Integer> quietLines = new ArrayList<>();
      for (Entry e : full.source().entries()) {
        if (shortcut.test(e)) {
          quietLines.add(e.lineNumber());
        }
      }
      List<Diagnostic> onQuiet = Linter.all().lint(full).stream()
          .filter(d -> quietLines.contains(d.line()) && skipped(d.ruleId()))
          .toList();
      assertThat(onQuiet).as("file %d, cf %s; %s", i, describe(cf),
          AccessGen.replayHint(runSeed)).isEmpty();
    }
  }

  /** Rules the shortcut skips for quiet entries: the per-entry rules. */
  private static boolean skipped(String ruleId) {
    return io.accessctl.lint.Rules.all().stream()
        .filter(r -> r.info().id().equals(ruleId))
        .anyMatch(r -> r instanceof io.accessctl.lint.EntryVisitor);
  }

  @Nested
  class Grammar {
    @Test
    void plainEntriesOfTheCommonShapesAreQuiet() {
      assertThat(quiet(
          "Connect:192.0.2\tREJECT",
          "Connect:mail.example.com\tOK",
          "From:user@example.com\tERROR:5.7.1:\"550 go away\"",
          "From:user@example.com\tERROR:\"550 5.7.1 go away\"",
          "To:example.net\tRELAY",
          "Spam:abuse@\tFRIEND",
          "Try_TLS:mx.broken.example\tNO",
          "Srv_Features:192.0.2.25\tA P",
          "connect:Mail.Example.COM\tDISCARD")).containsOnly(true);
    }

    @Test
    void aKeywordInAnotherCaseIsQuietButLeftToAc322() {
      byte[] data = ("Connect:192.0.2\treject\nTry_TLS:mx.example.com\tNo\n"
          + "Connect:192.0.3\tREJECT\n").getBytes(StandardCharsets.ISO_8859_1);
      LintContext ctx = context(data, null);
      QuietEntries q = QuietEntries.of(ctx);
      assertThat(ctx.source().entries()).allMatch(q::test);
      assertThat(q.keywordCaseOnly()).extracting(Entry::lineNumber).containsExactly(1, 2);
      assertThat(Linter.all().lint(ctx)).extracting(Diagnostic::ruleId, Diagnostic::line)
          .containsExactly(org.assertj.core.api.Assertions.tuple("AC322", 1));
    }

    @Test
    void entriesThatSomeRuleJudgesAreNot() {
      assertThat(quiet(
          "Connect:192.0.2.0/24\tREJECT", // AC208
          "Try_TLS:\tNO", // the bare default: AC404
          "Try_TLS:mx.example.com\tYES", // AC301 may say it does nothing
          "Try_TLS:mx.example.com\tNO # broken", // AC108
          "Connect:co.uk\tREJECT", // AC220
          "Connect:01.2.3.4\tREJECT", // a leading zero
          "From:user@example.com\tERROR:4.7.1:\"550 go away\"", // AC311
          "From:user@example.com\tERROR:\"550 4.7.1 go away\"", // AC311
          "From:user@example.com\tERROR:5.7.1:\"550 5.7.2 go away\"", // two DSNs: AC311
          "Srv_Features:192.0.2.25\tAP", // AC302
          "Clt_Features:192.0.2.25\tS", // AC211 with a cf
          "GreetPause:192.0.2\t0", // not in the grammar
          "192.0.2\tREJECT")).containsOnly(false); // untagged: AC203
    }

    @Test
    void toIsQuietOnlyForRelayWhenTheCfLacksBlocklistRecipients() {
      CfFile without = cf("8.17.1.9", Set.of(Feature.ACCESS_DB));
      CfFile with = cf("8.17.1.9", Set.of(Feature.ACCESS_DB, Feature.BLOCKLIST_RECIPIENTS));
      assertThat(quiet(without, "To:example.net\tRELAY", "To:example.net\tREJECT"))
          .containsExactly(true, false);
      assertThat(quiet(with, "To:example.net\tRELAY", "To:example.net\tREJECT"))
          .containsExactly(true, true);
    }

    private List<Boolean> quiet(String... lines) {
      return quiet(null, lines);
    }

    private List<Boolean> quiet(CfFile cf, String... lines) {
      byte[] data = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1);
      LintContext ctx = context(data, cf);
      QuietEntries q = QuietEntries.of(ctx);
      return ctx.source().entries().stream().map(q::test).toList();
    }
  }

  /** AccessGen's ordinary lines mixed with many at the edge of the quiet grammar. */
  private static byte[] map(long seed) {
    Random rnd = new Random(seed);
    AccessGen gen = new AccessGen(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int n = 10 + rnd.nextInt(60);
    for (int j = 0; j < n; j++) {
      String line = rnd.nextInt(6) == 0 ? gen.line(AccessGen.Shape.PLAIN) : gen.nearQuietEntry();
      out.writeBytes((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    return out.toByteArray();
  }

  /** No cf (a third of the files), or a cf of a random version with random features. */
  private static CfFile randomCf(Random rnd) {
    if (rnd.nextInt(3) == 0) {
      return null;
    }
    Set<Feature> features = EnumSet.noneOf(Feature.class);
    for (Feature f : Feature.values()) {
      if (rnd.nextInt(3) == 0) {
        features.add(f);
      }
    }
    return cf(VERSIONS[rnd.nextInt(VERSIONS.length)], features);
  }

  private static CfFile cf(String version, Set<Feature> features) {
    return CfFile.of(Path.of("/etc/mail/sendmail.cf"), version,
        new AccessMapSpec("hash", "/etc/mail/access", false, false, false, false), features,
        Set.of());
  }

  private static String describe(CfFile cf) {
    return cf == null ? "none" : cf.version() + " " + cf.features();
  }

  private static LintContext context(byte[] data, CfFile cf) {
    AccessSource src = new AccessParser(ParseOptions.defaults()).parse("access", data);
    return new LintContext(src, Catalog.stock(), Optional.ofNullable(cf));
  }
}
