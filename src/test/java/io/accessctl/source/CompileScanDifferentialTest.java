package io.accessctl.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.accessctl.catalog.Catalog;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Linter;
import io.accessctl.testutil.AccessGen;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * compile's fast scan against the full parser, on seeded random maps ({@link AccessGen} lines
 * mixed into clean entries at rates from none to most).
 *
 * <p>Whenever the scan accepts a file, the full parser must find no issue, the makemap-level lint
 * rules (AC1…, all that compile runs on large maps) no finding, and the entries must be the same,
 * key as stored and value byte for byte, in order — so the fast path prints and writes exactly
 * what the full path does. When the scan declines, compile runs the full parser anyway. A failure
 * names the seed; {@code -Daccessctl.seed=N} replays the run.
 */
class CompileScanDifferentialTest {
  private static final int FILES = 600;
  private static final int MAX_LINES = 60;
  private static final int[] NASTY_PERCENT = {0, 0, 1, 5, 30, 100};
  private static final List<ParseOptions> OPTIONS = List.of(
      ParseOptions.defaults(),
      ParseOptions.defaults().withFoldKeys(false),
      ParseOptions.defaults().withAllowEmptyValues(true),
      ParseOptions.defaults().withDelimiter(':'),
      ParseOptions.defaults().withCommentChar(ParseOptions.NONE),
      ParseOptions.defaults().withCommentChar(';'));
  private static final String[] TAGS = {"Connect", "From", "To", "Try_TLS", "TRY_TLS", "Spam", ""};
  private static final String[] VALUES = {"REJECT", "OK", "NO", "RELAY", "ERROR:\"550 go away\"",
      "A P", "DISCARD", "ok"};

  @Test
  void fastScanAgreesWithTheFullParserWheneverItAcceptsAFile() {
    long seed = AccessGen.seed();
    System.out.println("CompileScanDifferentialTest seed " + seed);
    int accepted = 0;
    for (int i = 0; i < FILES; i++) {
      long caseSeed = AccessGen.caseSeed(seed, i);
      Random rnd = new Random(caseSeed);
      AccessGen gen = new AccessGen(caseSeed);
      ParseOptions options = OPTIONS.get(rnd.nextInt(OPTIONS.size()));
      byte[] data = file(rnd, gen, options);
      try {
        if (agree(data, options)) {
          accepted++;
        }
      } catch (AssertionError e) {
        fail("case " + i + " with " + options + ": " + e.getMessage() + "\n"
            + AccessGen.replayHint(seed), e);
      }
    }
    // the property must not hold vacuously
    assertThat(accepted).as("files the fast scan accepted").isGreaterThan(FILES / 10);
  }

  @Test
  void aRepeatedKeyInAnotherCaseMakesTheScanDeclineWhenKeysAreFolded() {
    byte[] data = "Connect:a.example REJECT\nconnect:A.example OK\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(CompileScan.scan(data, ParseOptions.defaults())).isNull();
    assertThat(CompileScan.scan(data, ParseOptions.defaults().withFoldKeys(false))).isNotNull();
  }

  @Test
  void storedKeysAreFoldedAndGetTheNulOfMinusN() {
    byte[] data = "Connect:A.Example\tREJECT".getBytes(StandardCharsets.ISO_8859_1);
    CompileScan.Ranges r = CompileScan.scan(data, ParseOptions.defaults());
    assertThat(r.count()).isEqualTo(1);
    assertThat(latin1(r.storedKey(0, 1))).isEqualTo("connect:a.example\0");
    assertThat(latin1(r.value(0, 1))).isEqualTo("REJECT\0");
  }

  /** True when the scan accepted the file (and then agreed). */
  private static boolean agree(byte[] data, ParseOptions options) {
    CompileScan.Ranges fast = CompileScan.scan(data, options);
    if (fast == null) {
      return false;
    }
    AccessSource full = new AccessParser(options).parse("access", data);
    assertThat(full.issues()).as("issues of a file the scan accepted").isEmpty();
    List<Diagnostic> findings = new Linter(Set.of("AC1"), Set.of())
        .lint(new LintContext(full, Catalog.stock(), Optional.empty()));
    assertThat(findings).as("makemap-level findings of a file the scan accepted").isEmpty();
    assertThat(fast.count()).isEqualTo(full.entries().size());
    for (int i = 0; i < fast.count(); i++) {
      Entry e = full.entries().get(i);
      assertThat(latin1(fast.storedKey(i, 0))).as("key of entry " + i).isEqualTo(e.storedKey());
      assertThat(latin1(fast.value(i, 0))).as("value of entry " + i).isEqualTo(e.value());
      assertThat(latin1(fast.storedKey(i, 1))).isEqualTo(e.storedKey() + "\0");
      assertThat(latin1(fast.value(i, 1))).isEqualTo(e.value() + "\0");
    }
    return true;
  }

  private static byte[] file(Random rnd, AccessGen gen, ParseOptions options) {
    int nasty = NASTY_PERCENT[rnd.nextInt(NASTY_PERCENT.length)];
    AccessGen.Shape shape = rnd.nextBoolean() ? AccessGen.Shape.PLAIN : AccessGen.Shape.NASTY;
    int lines = rnd.nextInt(MAX_LINES + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      if (rnd.nextInt(100) < nasty) {
        sb.append(gen.line(shape));
      } else if (rnd.nextInt(10) == 0) {
        sb.append(rnd.nextBoolean() ? "# block " + i : "");
      } else {
        sb.append(clean(rnd, i, options));
      }
      sb.append('\n');
    }
    if (sb.length() > 0 && rnd.nextBoolean()) {
      sb.setLength(sb.length() - 1); // a last line without LF
    }
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** An entry with a key of its own: mixed case, one or more separators, a plain value. */
  private static String clean(Random rnd, int i, ParseOptions options) {
    String tag = TAGS[rnd.nextInt(TAGS.length)];
    String key = (tag.isEmpty() ? "" : tag + ":") + "Host" + i + ".Example" + (rnd.nextBoolean() ? ".ORG" : "");
    String sep = options.delimiter() == ParseOptions.WHITESPACE
        ? (rnd.nextBoolean() ? "\t" : " ".repeat(1 + rnd.nextInt(3)))
        : String.valueOf((char) options.delimiter());
    String value = options.delimiter() == ':' ? "REJECT" : VALUES[rnd.nextInt(VALUES.length)];
    return key + sep + value;
  }

  private static String latin1(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }
}
