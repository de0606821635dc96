package io.accessctl.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.accessctl.source.SourceLine.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the parser makes of each case in the makemap reference (sendmail-access.md §1.3 and §1.4),
 * in both ways of reading lines. The tests document behaviour; {@link AccessParserDifferentialTest}
 * proves it against the real makemap.
 */
class AccessParserTest {
  private static final String TOO_LONG = "line too long (1024 bytes max)";
  private static final String LEADING_SPACE = "syntax error (leading space)";

  /** The two ways of reading lines; rows without long lines or NUL bytes read the same in both. */
  enum Reading {
    MAKEMAP(true), ACCESSCTL(false);

    final boolean makemapLines;

    Reading(boolean makemapLines) {
      this.makemapLines = makemapLines;
    }

    ParseOptions options() {
      return ParseOptions.defaults().withMakemapLines(makemapLines);
    }
  }

  private static AccessSource parse(ParseOptions options, String text) {
    return new AccessParser(options).parse("access", Bytes.bytes(text));
  }

  private static AccessSource parse(Reading reading, String text) {
    return parse(reading.options(), text);
  }

  private static AccessSource makemapMode(String text) {
    return parse(Reading.MAKEMAP, text);
  }

  private static AccessSource accessctlMode(String text) {
    return parse(Reading.ACCESSCTL, text);
  }

  /** {@code length} bytes: an entry padded with value bytes. */
  private static String entryOfLength(String key, int length) {
    return key + " " + "v".repeat(length - key.length() - 1);
  }

  @Nested
  class Entries {
    @ParameterizedTest
    @EnumSource(Reading.class)
    void keyIsFoldedToLowerCaseAndTheValueIsKept(Reading reading) {
      AccessSource src = parse(reading, "Try_TLS:Bagoona.COM\tNO\n");

      assertThat(src.entries()).singleElement().satisfies(e -> {
        assertThat(e.key()).isEqualTo("Try_TLS:Bagoona.COM");
        assertThat(e.storedKey()).isEqualTo("try_tls:bagoona.com");
        assertThat(e.value()).isEqualTo("NO");
        assertThat(e.tag()).isEqualTo("Try_TLS");
        assertThat(e.subject()).isEqualTo("Bagoona.COM");
      });
      assertThat(src.isClean()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void runOfBlanksIsOneSeparatorAndTrailingBlanksStayInTheValue(Reading reading) {
      AccessSource src = parse(reading, "Connect:1.2.3   \t  REJECT  \n");

      assertThat(src.entries()).extracting(Entry::storedKey, Entry::value)
          .containsExactly(tuple("connect:1.2.3", "REJECT  "));
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void inlineCommentStaysInTheValue(Reading reading) {
      AccessSource src = parse(reading, "From:a@b ERROR:\"550 go  away\" # x\n");

      assertThat(src.entries()).extracting(Entry::value)
          .containsExactly("ERROR:\"550 go  away\" # x");
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void crFromCrlfStaysInTheValue(Reading reading) {
      AccessSource src = parse(reading, "Try_TLS:x\tNO\r\n");

      assertThat(src.entries()).extracting(Entry::storedKey, Entry::value)
          .containsExactly(tuple("try_tls:x", "NO\r"));
      assertThat(src.lines().get(0).endsWithCr()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void verticalTabFormFeedAndCrSeparateKeyFromValue(Reading reading) {
      AccessSource src = parse(reading, "a\u000bb\nc\fd\ne\rf\n");

      assertThat(src.entries()).extracting(Entry::storedKey, Entry::value)
          .containsExactly(tuple("a", "b"), tuple("c", "d"), tuple("e", "f"));
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void nonAsciiBytesAreNeitherFoldedNorSeparators(Reading reading) {
      AccessSource src = parse(reading, "\u00c4B\u00a0C x\n");

      assertThat(src.entries()).extracting(Entry::storedKey, Entry::value)
          .containsExactly(tuple("\u00c4b\u00a0c", "x"));
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void percentIsNeverInterpreted(Reading reading) {
      AccessSource src = parse(reading, "From:x ERROR:\"550 %1 is 100% bad\"\n");

      assertThat(src.entries()).extracting(Entry::value)
          .containsExactly("ERROR:\"550 %1 is 100% bad\"");
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void lastLineWithoutNewlineIsStored(Reading reading) {
      AccessSource src = parse(reading, "a x\nConnect:1.2.3 REJECT");

      assertThat(src.entries()).extracting(Entry::lineNumber, Entry::value)
          .containsExactly(tuple(1, "x"), tuple(2, "REJECT"));
      assertThat(src.isClean()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void emptyInputHasNoLines(Reading reading) {
      AccessSource src = parse(reading, "");

      assertThat(src.lines()).isEmpty();
      assertThat(src.isClean()).isTrue();
    }
  }

  @Nested
  class SkippedAndRejectedLines {
    @ParameterizedTest
    @EnumSource(Reading.class)
    void commentInColumnOneAndEmptyLinesAreSkipped(Reading reading) {
      AccessSource src = parse(reading, "#anything\n\n# DO NOT EDIT BELOW THIS LINE\n");

      assertThat(src.lines()).extracting(SourceLine::number, SourceLine::kind)
          .containsExactly(tuple(1, Kind.COMMENT), tuple(2, Kind.EMPTY), tuple(3, Kind.COMMENT));
      assertThat(src.entries()).isEmpty();
      assertThat(src.isClean()).isTrue();
      assertThat(src.canitMarkers()).extracting(SourceLine::number).containsExactly(3);
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void leadingWhitespaceIsASyntaxErrorLikeMakemap(Reading reading) {
      AccessSource src = parse(reading, "Connect:1.2.3 OK\n \tc d\n");

      assertThat(src.issues()).extracting(SyntaxIssue::kind, SyntaxIssue::line,
          SyntaxIssue::column, SyntaxIssue::makemapMessage)
          .containsExactly(tuple(SyntaxIssue.Kind.LEADING_SPACE, 2, 1, LEADING_SPACE));
      assertThat(src.entries()).extracting(Entry::storedKey).containsExactly("connect:1.2.3");
      assertThat(src.line(2).kind()).isEqualTo(Kind.INVALID);
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void whitespaceOnlyLineIsASyntaxErrorNotAContinuation(Reading reading) {
      AccessSource src = parse(reading, "a x\n\t\n   \n\u000b\n");

      assertThat(src.issues()).extracting(SyntaxIssue::line, SyntaxIssue::makemapMessage)
          .containsExactly(
              tuple(2, LEADING_SPACE), tuple(3, LEADING_SPACE), tuple(4, LEADING_SPACE));
      assertThat(src.entries()).extracting(Entry::value).containsExactly("x");
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void commentCharacterOnlyCountsInColumnOne(Reading reading) {
      AccessSource src = parse(reading, " # indented comment\n");

      assertThat(src.issues()).extracting(SyntaxIssue::kind)
          .containsExactly(SyntaxIssue.Kind.LEADING_SPACE);
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void keyWithoutValueIsAnErrorNamingTheKey(Reading reading) {
      AccessSource src = parse(reading, "lonely\nlonely2   \nkeyonly\r\n");

      assertThat(src.issues()).extracting(SyntaxIssue::kind, SyntaxIssue::line,
          SyntaxIssue::column, SyntaxIssue::makemapMessage)
          .containsExactly(
              tuple(SyntaxIssue.Kind.MISSING_VALUE, 1, 7, "no RHS for LHS lonely"),
              tuple(SyntaxIssue.Kind.MISSING_VALUE, 2, 8, "no RHS for LHS lonely2"),
              tuple(SyntaxIssue.Kind.MISSING_VALUE, 3, 8, "no RHS for LHS keyonly"));
      assertThat(src.entries()).isEmpty();
    }

    /** Found by the differential test: makemap folds the key before it checks for a value. */
    @ParameterizedTest
    @EnumSource(Reading.class)
    void missingValueMessageNamesTheFoldedKey(Reading reading) {
      assertThat(parse(reading, "Clt_Features:[192.0.2.1]\n").issues())
          .extracting(SyntaxIssue::makemapMessage)
          .containsExactly("no RHS for LHS clt_features:[192.0.2.1]");
      ParseOptions noFolding = reading.options().withFoldKeys(false);
      assertThat(parse(noFolding, "Clt_Features:[192.0.2.1]\n").issues())
          .extracting(SyntaxIssue::makemapMessage)
          .containsExactly("no RHS for LHS Clt_Features:[192.0.2.1]");
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void emptyValuesOptionStoresAKeyAlone(Reading reading) {
      AccessSource src =
          parse(reading.options().withAllowEmptyValues(true), "lonely\nlonely2   \n");

      assertThat(src.entries()).extracting(Entry::storedKey, Entry::value, Entry::valueColumn)
          .containsExactly(tuple("lonely", "", 7), tuple("lonely2", "", 11));
      assertThat(src.isClean()).isTrue();
    }
  }

  @Nested
  class LongLinesAndNul {
    @ParameterizedTest
    @EnumSource(Reading.class)
    void lineOf1022BytesIsStored(Reading reading) {
      String line = entryOfLength("Try_TLS:host.example", 1022);
      AccessSource src = parse(reading, line + "\nnext x\n");

      assertThat(src.isClean()).isTrue();
      assertThat(src.entries()).extracting(Entry::lineNumber, e -> e.value().length())
          .containsExactly(tuple(1, 1001), tuple(2, 1));
    }

    @Test
    void lineOf1023BytesIsTooLongAndShiftsLaterLineNumbersInMakemapMode() {
      AccessSource src = makemapMode(entryOfLength("Try_TLS:host.example", 1023) + "\nnext x\n");

      assertThat(src.issues()).extracting(SyntaxIssue::kind, SyntaxIssue::line,
          SyntaxIssue::column, SyntaxIssue::makemapMessage)
          .containsExactly(tuple(SyntaxIssue.Kind.LINE_TOO_LONG, 1, 1024, TOO_LONG));
      // The LF that did not fit is read as an empty line 2; the next physical line is line 3.
      assertThat(src.lines()).extracting(SourceLine::number, SourceLine::kind, SourceLine::offset)
          .containsExactly(tuple(1, Kind.INVALID, 0L), tuple(2, Kind.EMPTY, 1023L),
              tuple(3, Kind.ENTRY, 1024L));
      assertThat(src.entries()).extracting(Entry::storedKey, Entry::lineNumber)
          .containsExactly(tuple("next", 3));
    }

    @Test
    void tailOfA1024ByteLineIsReadAsTheNextLineInMakemapMode() {
      String head = entryOfLength("Try_TLS:host.example", 1023);
      AccessSource src = makemapMode(head + "e\n" + head + "tail value\n");

      assertThat(src.issues()).extracting(SyntaxIssue::line, SyntaxIssue::makemapMessage)
          .containsExactly(tuple(1, TOO_LONG), tuple(2, "no RHS for LHS e"), tuple(3, TOO_LONG));
      // A tail that looks like an entry is stored silently, as makemap does.
      assertThat(src.entries()).singleElement().satisfies(e -> {
        assertThat(e.lineNumber()).isEqualTo(4);
        assertThat(e.storedKey()).isEqualTo("tail");
        assertThat(e.value()).isEqualTo("value");
        assertThat(e.line().offset()).isEqualTo(1023 + 2 + 1023);
        assertThat(e.keyColumn()).isEqualTo(1);
        assertThat(e.valueColumn()).isEqualTo(6);
      });
    }

    @Test
    void lineOf3000BytesIsReadInThreePiecesInMakemapMode() {
      AccessSource src = makemapMode(entryOfLength("Connect:1.2.3", 3000) + "\nlast x\n");

      assertThat(src.issues()).extracting(SyntaxIssue::line, SyntaxIssue::makemapMessage)
          .containsExactly(tuple(1, TOO_LONG), tuple(2, TOO_LONG), tuple(3, "no RHS for LHS "
              + "v".repeat(3000 - 2 * 1023)));
      assertThat(src.entries()).extracting(Entry::storedKey, Entry::lineNumber)
          .containsExactly(tuple("last", 4));
    }

    @Test
    void accessctlModeReadsALongLineWhole() {
      String line = entryOfLength("Try_TLS:host.example", 2000);
      AccessSource src = accessctlMode(line + "\nnext x\n");

      assertThat(src.issues()).extracting(SyntaxIssue::kind, SyntaxIssue::line,
          SyntaxIssue::column, SyntaxIssue::makemapMessage)
          .containsExactly(tuple(SyntaxIssue.Kind.LINE_TOO_LONG, 1, 1024, TOO_LONG));
      assertThat(src.entries())
          .extracting(Entry::lineNumber, Entry::storedKey, e -> e.value().length())
          .containsExactly(tuple(1, "try_tls:host.example", 1979), tuple(2, "next", 1));
      assertThat(src.lines()).extracting(SourceLine::number).containsExactly(1, 2);
    }

    @Test
    void lastLineOf1023BytesWithoutNewlineIsTooLongInMakemapMode() {
      // fgets fills its buffer before it sees the end of the input, so makemap never learns it was
      // the whole line.
      assertThat(makemapMode("a x\n" + entryOfLength("b", 1023)).issues())
          .extracting(SyntaxIssue::line, SyntaxIssue::makemapMessage)
          .containsExactly(tuple(2, TOO_LONG));
      assertThat(makemapMode("a x\n" + entryOfLength("b", 1022)).entries())
          .extracting(Entry::storedKey).containsExactly("a", "b");
    }

    @Test
    void nulByteMakesTheLineTooLongInMakemapMode() {
      AccessSource src = makemapMode("a\0b c\nd e\n");

      assertThat(src.issues()).extracting(SyntaxIssue::kind, SyntaxIssue::line,
          SyntaxIssue::column, SyntaxIssue::makemapMessage)
          .containsExactly(tuple(SyntaxIssue.Kind.NUL_BYTE, 1, 2, TOO_LONG));
      assertThat(src.entries()).extracting(Entry::storedKey, Entry::lineNumber)
          .containsExactly(tuple("d", 2));
    }

    /** A rejected line's text keeps the bytes after its NUL but, like every line, not its LF. */
    @ParameterizedTest
    @EnumSource(Reading.class)
    void textOfALineWithANulByteHasNoLf(Reading reading) {
      AccessSource src = parse(reading, "a\0b c\nd e\n");

      assertThat(src.lines()).extracting(SourceLine::number, SourceLine::offset, SourceLine::text,
          SourceLine::kind)
          .containsExactly(tuple(1, 0L, "a\0b c", Kind.INVALID), tuple(2, 6L, "d e", Kind.ENTRY));
    }

    @Test
    void nulInTheLastLineWithoutNewlineEndsItsTextInMakemapMode() {
      AccessSource src = makemapMode("a x\nb c\0junk");

      assertThat(src.isClean()).isTrue();
      assertThat(src.entries()).extracting(Entry::storedKey, Entry::value)
          .containsExactly(tuple("a", "x"), tuple("b", "c"));
      assertThat(makemapMode("k\0 v").issues()).extracting(SyntaxIssue::makemapMessage)
          .containsExactly("no RHS for LHS k");
    }

    @Test
    void accessctlModeDropsEveryLineWithANulByte() {
      AccessSource src = accessctlMode("a\0b c\nd e\nf g\0");

      assertThat(src.issues()).extracting(SyntaxIssue::kind, SyntaxIssue::line, SyntaxIssue::column)
          .containsExactly(
              tuple(SyntaxIssue.Kind.NUL_BYTE, 1, 2), tuple(SyntaxIssue.Kind.NUL_BYTE, 3, 4));
      assertThat(src.entries()).extracting(Entry::storedKey).containsExactly("d");
    }
  }

  @Nested
  class Options {
    @ParameterizedTest
    @EnumSource(Reading.class)
    void delimiterOptionAllowsLeadingBlanksAndEmptyKeys(Reading reading) {
      AccessSource src = parse(reading.options().withDelimiter(':'),
          "Key With Space:value one\n  lead:x\na::b\n:emptykey\n");

      assertThat(src.isClean()).isTrue();
      assertThat(src.entries()).extracting(Entry::storedKey, Entry::value, Entry::valueColumn)
          .containsExactly(
              tuple("key with space", "value one", 16),
              tuple("  lead", "x", 8),
              tuple("a", "b", 4),
              tuple("", "emptykey", 2));
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void delimiterOptionMakesBlanksPartOfTheKeyAndValue(Reading reading) {
      AccessSource src = parse(reading.options().withDelimiter(' '), "a\tb c\n  lead x\n");

      assertThat(src.entries()).extracting(Entry::storedKey, Entry::value)
          .containsExactly(tuple("a\tb", "c"), tuple("", "lead x"));
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void delimiterOptionLineOfDelimitersHasAnEmptyKeyAndNoValue(Reading reading) {
      AccessSource src = parse(reading.options().withDelimiter(':'), "::\n");

      assertThat(src.issues()).extracting(SyntaxIssue::makemapMessage, SyntaxIssue::column)
          .containsExactly(tuple("no RHS for LHS ", 1));
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void otherCommentCharacterMakesHashAKey(Reading reading) {
      AccessSource src =
          parse(reading.options().withCommentChar(';'), "#hash is key now\n;comment\n");

      assertThat(src.entries()).extracting(Entry::storedKey, Entry::value)
          .containsExactly(tuple("#hash", "is key now"));
      assertThat(src.lines()).extracting(SourceLine::kind)
          .containsExactly(Kind.ENTRY, Kind.COMMENT);
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void noCommentCharacterMakesHashAKey(Reading reading) {
      AccessSource src = parse(reading.options().withCommentChar(ParseOptions.NONE),
          "#hash is key now\n\n");

      assertThat(src.entries()).extracting(Entry::storedKey, Entry::value)
          .containsExactly(tuple("#hash", "is key now"));
      assertThat(src.lines()).extracting(SourceLine::kind).containsExactly(Kind.ENTRY, Kind.EMPTY);
    }
  }

  @Nested
  class Duplicates {
    private static final String THREE =
        "Try_TLS:a.example NO\ntry_tls:A.EXAMPLE YES\nTry_TLS:a.example third\n";
    private static final String DUPLICATE = "key try_tls:a.example: duplicate key";

    @ParameterizedTest
    @EnumSource(Reading.class)
    void duplicateAfterFoldingNamesTheFirstLine(Reading reading) {
      AccessSource src = parse(reading, THREE);

      assertThat(src.issues()).extracting(SyntaxIssue::kind, SyntaxIssue::line,
          SyntaxIssue::column, SyntaxIssue::makemapMessage, SyntaxIssue::firstLine)
          .containsExactly(
              tuple(SyntaxIssue.Kind.DUPLICATE_KEY, 2, 1, DUPLICATE, 1),
              tuple(SyntaxIssue.Kind.DUPLICATE_KEY, 3, 1, DUPLICATE, 1));
    }

    /** makemap -r keeps the last and -d keeps all, so entries keep every line, in input order. */
    @ParameterizedTest
    @EnumSource(Reading.class)
    void entriesKeepDuplicatesInInputOrder(Reading reading) {
      AccessSource src = parse(reading, THREE);

      assertThat(src.entries()).extracting(Entry::lineNumber, Entry::value)
          .containsExactly(tuple(1, "NO"), tuple(2, "YES"), tuple(3, "third"));
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void withoutFoldingCaseVariantsAreDifferentKeys(Reading reading) {
      AccessSource src = parse(reading.options().withFoldKeys(false), THREE);

      assertThat(src.issues()).extracting(SyntaxIssue::line, SyntaxIssue::makemapMessage,
          SyntaxIssue::firstLine)
          .containsExactly(tuple(3, "key Try_TLS:a.example: duplicate key", 1));
      assertThat(src.entries()).extracting(Entry::storedKey)
          .containsExactly("Try_TLS:a.example", "try_tls:A.EXAMPLE", "Try_TLS:a.example");
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void aLineRejectedForItsMissingValueIsNoFirstOccurrence(Reading reading) {
      AccessSource src = parse(reading, "lonely\nLonely x\n");

      assertThat(src.issues()).extracting(SyntaxIssue::kind)
          .containsExactly(SyntaxIssue.Kind.MISSING_VALUE);
      assertThat(src.entries()).extracting(Entry::lineNumber).containsExactly(2);
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void keyStoredWithEmptyValueIsAFirstOccurrence(Reading reading) {
      AccessSource src = parse(reading.options().withAllowEmptyValues(true), "k\nk v\n");

      assertThat(src.issues()).extracting(SyntaxIssue::line, SyntaxIssue::makemapMessage,
          SyntaxIssue::firstLine)
          .containsExactly(tuple(2, "key k: duplicate key", 1));
    }

    @Test
    void emptyKeysFromTheDelimiterOptionAreDuplicatesOfEachOther() {
      AccessSource src = parse(Reading.MAKEMAP.options().withDelimiter(':'), ":a\n:b\n");

      assertThat(src.issues()).extracting(SyntaxIssue::makemapMessage, SyntaxIssue::firstLine)
          .containsExactly(tuple("key : duplicate key", 1));
    }
  }

  @Nested
  class Positions {
    @ParameterizedTest
    @EnumSource(Reading.class)
    void linesCarryTheirNumberOffsetAndTextWithoutTheLf(Reading reading) {
      AccessSource src = parse(reading, "a b\r\n\n#c\n d\ne f");

      assertThat(src.lines()).extracting(SourceLine::number, SourceLine::offset, SourceLine::text,
          SourceLine::kind)
          .containsExactly(
              tuple(1, 0L, "a b\r", Kind.ENTRY),
              tuple(2, 5L, "", Kind.EMPTY),
              tuple(3, 6L, "#c", Kind.COMMENT),
              tuple(4, 9L, " d", Kind.INVALID),
              tuple(5, 12L, "e f", Kind.ENTRY));
      assertThat(src.line(3).text()).isEqualTo("#c");
      assertThat(src.line(6)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void keyAndValueColumnsAreOneBasedByteColumns(Reading reading) {
      AccessSource src = parse(reading, "Try_TLS:Bagoona.COM\tNO\nConnect:1.2.3   \t  REJECT  \n");

      assertThat(src.entries()).extracting(Entry::keyColumn, Entry::valueColumn)
          .containsExactly(tuple(1, 21), tuple(1, 20));
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void missingValueColumnIsJustAfterTheKey(Reading reading) {
      AccessSource src = parse(reading, "Connect:1.2.3 \t\n");

      assertThat(src.issues()).extracting(SyntaxIssue::column).containsExactly(14);
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void entriesKnowTheirSourceLine(Reading reading) {
      AccessSource src = parse(reading, "# head\nFrom:a@b OK\n");

      assertThat(src.entries()).singleElement().satisfies(e -> {
        assertThat(e.lineNumber()).isEqualTo(2);
        assertThat(e.line().offset()).isEqualTo(7L);
        assertThat(e.line().text()).isEqualTo("From:a@b OK");
        assertThat(e.isTagged()).isTrue();
      });
      assertThat(src.name()).isEqualTo("access");
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void anEntryIsTheLineItWasReadFromSoAParseMakesOneObjectPerLine(Reading reading) {
      AccessSource src = parse(reading, "# head\nFrom:a@b OK\n\nTo:c REJECT\n");

      assertThat(src.entries()).hasSize(2);
      assertThat(src.lines().get(1)).isSameAs(src.entries().get(0));
      assertThat(src.lines().get(3)).isSameAs(src.entries().get(1));
      assertThat(src.entries()).allSatisfy(e -> assertThat(e.line()).isSameAs(e));
      assertThat(src.lines()).extracting(SourceLine::kind)
          .containsExactly(Kind.COMMENT, Kind.ENTRY, Kind.EMPTY, Kind.ENTRY);
    }
  }
}
