package io.accessctl.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.AccessGen;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A file parsed in two halves on two threads gives exactly what one pass gives: the same lines,
 * entries (numbered alike), issues in the same order (duplicates across the halves included) and
 * CanIt markers, on seeded random files under every option that changes how a line reads.
 */
class AccessParserSplitTest {
  private static final int FILES = 400;
  private static final List<ParseOptions> OPTIONS = List.of(
      ParseOptions.defaults(),
      ParseOptions.defaults().withFoldKeys(false),
      ParseOptions.defaults().withAllowEmptyValues(true),
      ParseOptions.defaults().withDelimiter(':').withCommentChar(ParseOptions.NONE),
      ParseOptions.defaults().withDelimiter('\t').withCommentChar('%').withFoldKeys(false),
      ParseOptions.defaults().withMakemapLines(true));

  private static AccessSource split(ParseOptions o, byte[] data) {
    return new AccessParser(o).parse("access", data, 0);
  }

  private static AccessSource serial(ParseOptions o, byte[] data) {
    return new AccessParser(o).parse("access", data, Integer.MAX_VALUE);
  }

  private static void assertSame(ParseOptions o, byte[] data, String why) {
    AccessSource one = serial(o, data);
    AccessSource two = split(o, data);
    assertThat(two).as(why).isEqualTo(one);
    for (int i = 0; i < one.entries().size(); i++) {
      Entry a = one.entries().get(i);
      Entry b = two.entries().get(i);
      assertThat(b.index()).as("%s: index of entry %d", why, i).isEqualTo(i);
      assertThat(b.tag()).as("%s: tag of entry %d", why, i).isEqualTo(a.tag());
      assertThat(b.storedKey()).as("%s: stored key of entry %d", why, i)
          .isEqualTo(a.storedKey());
    }
  }

  @Test
  void twoHalvesParseAsOnePassOnRandomFiles() {
    long seed = AccessGen.seed();
    System.out.printf("AccessParserSplitTest: seed %d, %d files%n", seed, FILES);
    int duplicatesAcross = 0;
    for (int i = 0; i < FILES; i++) {
      ParseOptions o = OPTIONS.get(i % OPTIONS.size());
      AccessGen gen = new AccessGen(AccessGen.caseSeed(seed, i));
      byte[] data = gen.file(i % 3 == 0 ? AccessGen.Shape.PLAIN : AccessGen.Shape.NASTY, 0, 120);
      String why = "case " + i + " of seed " + seed + " (" + AccessGen.replayHint(seed) + ") "
          + o + ": " + AccessGen.escape(data);
      assertSame(o, data, why);
      duplicatesAcross += duplicatesAcrossTheMiddle(serial(o, data), data.length);
    }
    assertThat(duplicatesAcross).as("duplicates across the cut, seed %d", seed)
        .isGreaterThan(FILES / 10);
  }

  /** Duplicate keys whose first line lies before the middle of the file and which lie after it. */
  private static int duplicatesAcrossTheMiddle(AccessSource s, int length) {
    int n = 0;
    for (SyntaxIssue issue : s.issues()) {
      if (issue.kind() == SyntaxIssue.Kind.DUPLICATE_KEY
          && s.line(issue.firstLine()).offset() < length / 2
          && s.line(issue.line()).offset() > length / 2) {
        n++;
      }
    }
    return n;
  }

  @Test
  void aDuplicateAfterTheCutNamesTheFirstLineAndFollowsItsLinesOwnIssue() {
    String tooLong = "a".repeat(ParseOptions.MAKEMAP_READ + 5);
    String text = "Connect:x OK\r\n" + tooLong + " OK\n# comment\n"
        + "CONNECT:X REJECT\n" + tooLong + " REJECT\n" + " leading\n" + "Connect:x RELAY\n";
    assertSplitIssues(text,
        org.assertj.core.groups.Tuple.tuple(SyntaxIssue.Kind.LINE_TOO_LONG, 2, 0),
        org.assertj.core.groups.Tuple.tuple(SyntaxIssue.Kind.DUPLICATE_KEY, 4, 1),
        org.assertj.core.groups.Tuple.tuple(SyntaxIssue.Kind.LINE_TOO_LONG, 5, 0),
        org.assertj.core.groups.Tuple.tuple(SyntaxIssue.Kind.DUPLICATE_KEY, 5, 2),
        org.assertj.core.groups.Tuple.tuple(SyntaxIssue.Kind.LEADING_SPACE, 6, 0),
        org.assertj.core.groups.Tuple.tuple(SyntaxIssue.Kind.DUPLICATE_KEY, 7, 1));
  }

  /** {@code text} parses split as in one pass, with these issues (kind, line, first line). */
  private static void assertSplitIssues(String text, org.assertj.core.groups.Tuple... issues) {
    byte[] data = text.getBytes(StandardCharsets.ISO_8859_1);
    assertSame(ParseOptions.defaults(), data, "fixed file");

    AccessSource s = split(ParseOptions.defaults(), data);
    assertThat(s.issues()).extracting(SyntaxIssue::kind, SyntaxIssue::line,
        SyntaxIssue::firstLine).containsExactly(issues);
  }

  @Test
  void aKeyFirstSeenAfterTheCutIsFirstThereAndAKeyBeforeItFirstBefore() {
    // the comment holds the middle of the file: the cut comes right after it
    String text = "Connect:a OK\n# " + "x".repeat(300) + "\n"
        + "Connect:y OK\nCONNECT:Y REJECT\nConnect:a REJECT\nconnect:y RELAY\n";
    assertSplitIssues(text,
        org.assertj.core.groups.Tuple.tuple(SyntaxIssue.Kind.DUPLICATE_KEY, 4, 3),
        org.assertj.core.groups.Tuple.tuple(SyntaxIssue.Kind.DUPLICATE_KEY, 5, 1),
        org.assertj.core.groups.Tuple.tuple(SyntaxIssue.Kind.DUPLICATE_KEY, 6, 3));
  }

  @Test
  void aFileWithoutLineBreakAfterTheMiddleIsParsedInOnePass() {
    for (String text : List.of("", "a OK", "a OK\n", "a OK\nb OK", "a OK\nb OK\n")) {
      assertSame(ParseOptions.defaults(), text.getBytes(StandardCharsets.ISO_8859_1), text);
    }
  }
}
