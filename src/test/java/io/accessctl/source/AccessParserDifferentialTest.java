package io.accessctl.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.accessctl.testutil.AccessGen;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser against the real makemap, on seeded random files.
 *
 * <p>Each generated file is built by {@code /usr/sbin/makemap -v hash} with one of {@link
 * #FLAG_SETS} and dumped again with {@code makemap -u}; the parser must predict the exit status,
 * every stderr line in order, every record {@code -v} reports (key as stored, value byte for byte,
 * in input order) and the records left in the database after makemap's duplicate policy. makemap
 * mode must agree on every file; accessctl's own mode must agree on every file without NUL bytes
 * and without lines of 1023 bytes or more, where the two ways of reading lines coincide.
 *
 * <p>A run prints its seed; a failure names the seed and the case, saves the input under
 * {@code target/differential-failures/}, and is replayed with {@code -Daccessctl.seed=N}. The rows
 * of the reference's tables are checked the same way as a fixed corpus ({@link #referenceRows()}),
 * so the behaviour {@link AccessParserTest} documents is itself confirmed by makemap.
 */
@Tag("oracle")
class AccessParserDifferentialTest {
  private static final int FILES = 300;
  private static final int MAX_LINES_PER_FILE = 40;
  private static final int MAX_REPORTED = 5;
  private static final Path FAILURES = Path.of("target", "differential-failures");

  /** makemap's duplicate policies: NOOVERWRITE (default), {@code -r} and {@code -d}. */
  enum Duplicates { FIRST_WINS, LAST_WINS, ALL_KEPT }

  /** A makemap command line, and what it means for the parser and for the stored records. */
  record Flags(List<String> args, ParseOptions options, Duplicates duplicates) {
    /** Reads the flags the way makemap's getopt loop does (only the ones that shape parsing). */
    static Flags of(String... args) {
      ParseOptions o = ParseOptions.defaults().withMakemapLines(true);
      Duplicates d = Duplicates.FIRST_WINS;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "-f" -> o = o.withFoldKeys(false);
          case "-e" -> o = o.withAllowEmptyValues(true);
          case "-r" -> d = Duplicates.LAST_WINS;
          case "-d" -> d = Duplicates.ALL_KEPT;
          case "-N" -> { } // only adds a NUL to what is stored; -v and -u print up to it
          case "-t" -> o = args[++i].isEmpty() ? o : o.withDelimiter(args[i].charAt(0));
          case "-D" -> o = o.withCommentChar(
              args[++i].isEmpty() ? ParseOptions.NONE : args[i].charAt(0));
          default -> throw new IllegalArgumentException(args[i]);
        }
      }
      return new Flags(List.of(args), o, d);
    }

    /** makemap {@code -u} separates key and value with the {@code -t} byte, else a TAB. */
    char dumpSeparator() {
      return options.delimiter() == ParseOptions.WHITESPACE ? '\t' : (char) options.delimiter();
    }

    List<String> dumpArgs() {
      return options.delimiter() == ParseOptions.WHITESPACE
          ? List.of("-u") : List.of("-u", "-t", String.valueOf(dumpSeparator()));
    }

    @Override
    public String toString() {
      return args.isEmpty() ? "(no flags)" : args.stream()
          .map(a -> a.matches("-\\w") ? a : "'" + a + "'")
          .collect(Collectors.joining(" "));
    }
  }

  static final List<Flags> FLAG_SETS = List.of(
      Flags.of(), Flags.of("-f"), Flags.of("-e"), Flags.of("-r"), Flags.of("-d"),
      Flags.of("-t", ":"), Flags.of("-t", " "), Flags.of("-D", ";"), Flags.of("-D", ""),
      Flags.of("-N"), Flags.of("-f", "-r"), Flags.of("-e", "-t", ":"), Flags.of("-N", "-e", "-f"),
      Flags.of("-D", ";", "-t", " ", "-r"));

  /**
   * What one build shows: exit status, stderr lines in order, the {@code -v} lines (every record
   * put, in input order) and the {@code -u} dump of what the database kept (sorted: dumps come in
   * hash order).
   */
  record Outcome(int exit, List<String> stderr, List<String> put, List<String> kept) {}

  @Test
  void parserAgreesWithMakemapOnRandomFiles(@TempDir Path dir) {
    Oracle.require(Oracle.MAKEMAP);
    long seed = AccessGen.seed();
    long started = System.nanoTime();
    List<String> failures = new ArrayList<>();
    Map<SyntaxIssue.Kind, Integer> seen = new EnumMap<>(SyntaxIssue.Kind.class);
    int lines = 0;
    int entries = 0;
    int plainFiles = 0;
    for (int i = 0; i < FILES; i++) {
      Flags flags = FLAG_SETS.get(i % FLAG_SETS.size());
      AccessGen gen = new AccessGen(AccessGen.caseSeed(seed, i));
      byte[] input = gen.file(i % 3 == 0 ? AccessGen.Shape.PLAIN : AccessGen.Shape.NASTY, 0,
          MAX_LINES_PER_FILE);
      lines += AccessGen.physicalLines(input);
      plainFiles += AccessGen.isPlain(input) ? 1 : 0;
      AccessSource parsed = new AccessParser(flags.options()).parse("m" + i, input);
      entries += parsed.entries().size();
      parsed.issues().forEach(issue -> seen.merge(issue.kind(), 1, Integer::sum));
      for (String why : check(dir, flags, "m" + i, input)) {
        failures.add(describe("case " + i + " of seed " + seed, "seed" + seed + "-case" + i, flags,
            input, why));
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("AccessParserDifferentialTest: seed %d, %d files (%d plain), %d lines,"
        + " %d entries, %d makemap runs, %.1f s, issues %s%n",
        seed, FILES, plainFiles, lines, entries, 2 * FILES, seconds, seen);
    if (!failures.isEmpty()) {
      fail(failures.size() + " disagreement(s) with makemap, seed " + seed + " ("
          + AccessGen.replayHint(seed) + "); first ones:\n\n"
          + String.join("\n\n", failures.subList(0, Math.min(MAX_REPORTED, failures.size()))));
    }
    // The generator must keep reaching every corner, or agreement proves little.
    assertThat(seen.keySet()).as("issue kinds produced by seed %d", seed)
        .containsExactlyInAnyOrder(SyntaxIssue.Kind.values());
    assertThat(lines).as("lines generated with seed %d", seed).isGreaterThan(3000);
  }

  /** The rows of the reference's tables (§1.3, §1.4) and the inputs of the example tests. */
  static Stream<Arguments> referenceRows() {
    String head = "Try_TLS:host.example " + "v".repeat(1023 - 21);
    String three = "Try_TLS:a.example NO\ntry_tls:A.EXAMPLE YES\nTry_TLS:a.example third\n";
    return Stream.of(
        row("Try_TLS:Bagoona.COM\tNO\n"),
        row("Connect:1.2.3   \t  REJECT  \n"),
        row("From:a@b ERROR:\"550 go  away\" # x\n"),
        row("#anything\n\n# DO NOT EDIT BELOW THIS LINE\n"),
        row("Connect:1.2.3 OK\n \tc d\n\t\n   \n\u000b\n # indented comment\n"),
        row("Try_TLS:x\tNO\r\n"),
        row("lonely\nlonely2   \nkeyonly\r\nClt_Features:[192.0.2.1]\nConnect:1.2.3 \t\n"),
        row("lonely\nlonely2   \nClt_Features:[192.0.2.1]\n", "-e"),
        row("Clt_Features:[192.0.2.1]\n", "-f"),
        row("a\u000bb\nc\fd\ne\rf\n\u00c4B\u00a0C x\n"),
        row("From:x ERROR:\"550 %1 is 100% bad\"\n"),
        row("a x\nConnect:1.2.3 REJECT"),
        row(head.substring(1) + "\nnext x\n"),
        row(head + "\nnext x\n"),
        row(head + "e\n" + head + "tail value\n"),
        row("Connect:1.2.3 " + "v".repeat(3000 - 14) + "\nlast x\n"),
        row("a x\n" + head),
        row("a x\n" + head.substring(1)),
        row("a\0b c\nd e\n"),
        row("a x\nb c\0junk"),
        row("k\0 v"),
        row("Key With Space:value one\n  lead:x\na::b\n:emptykey\n", "-t", ":"),
        row("::\n:a\n:b\n", "-t", ":"),
        row("a\tb c\n  lead x\n", "-t", " "),
        row("#hash is key now\n;comment\n", "-D", ";"),
        row("#hash is key now\n\n", "-D", ""),
        row(three),
        row(three, "-f"),
        row(three, "-r"),
        row(three, "-d"),
        row("lonely\nLonely x\n"),
        row("k\nk v\n", "-e"),
        row("Try_TLS:Bagoona.COM\tNO\n:e\n", "-N", "-e", "-t", ":"));
  }

  private static Arguments row(String input, String... flags) {
    return Arguments.of(Flags.of(flags), input);
  }

  @ParameterizedTest(name = "[{index}] makemap {0}")
  @MethodSource("referenceRows")
  void referenceRowAgreesWithMakemap(Flags flags, String input, @TempDir Path dir) {
    Oracle.require(Oracle.MAKEMAP);
    byte[] bytes = Bytes.bytes(input);
    List<String> problems = check(dir, flags, "access", bytes);

    assertThat(problems).as("makemap %s hash access < %s", flags, AccessGen.escape(bytes))
        .isEmpty();
  }

  /**
   * Builds {@code input} with the real makemap and returns every way the parser's prediction
   * differs: in makemap mode always, in accessctl mode when the file has no NUL and no long line.
   */
  private static List<String> check(Path dir, Flags flags, String name, byte[] input) {
    Outcome real = makemap(dir, flags, name, input);
    AccessSource fgets = new AccessParser(flags.options()).parse(name, input);
    List<String> problems = new ArrayList<>();
    compare(problems, "makemap mode", predict(fgets, flags), real);
    if (AccessGen.isPlain(input)) {
      AccessSource whole =
          new AccessParser(flags.options().withMakemapLines(false)).parse(name, input);
      compare(problems, "accessctl mode", predict(whole, flags), real);
      if (!whole.entries().equals(fgets.entries()) || !whole.issues().equals(fgets.issues())) {
        problems.add("accessctl mode differs from makemap mode on a plain file\n  accessctl: "
            + whole.issues() + "\n  makemap:   " + fgets.issues());
      }
    }
    return problems;
  }

  private static Outcome makemap(Path dir, Flags flags, String name, byte[] input) {
    List<String> buildArgs = new ArrayList<>(flags.args());
    buildArgs.add("-v");
    Oracle.Result build = Oracle.makemap(dir, buildArgs, "hash", name, input);
    Oracle.Result dump = Oracle.makemap(dir, flags.dumpArgs(), "hash", name, new byte[0]);
    assertThat(dump.exit()).as("makemap -u %s: %s", name, dump.stderr()).isZero();
    return new Outcome(build.exit(), lines(build.stderr()), lines(build.stdout()),
        lines(dump.stdout()).stream().sorted().toList());
  }

  /** What makemap should show for a file, according to the parser. */
  static Outcome predict(AccessSource src, Flags flags) {
    List<String> stderr = src.issues().stream()
        .filter(i -> flags.duplicates() == Duplicates.FIRST_WINS
            || i.kind() != SyntaxIssue.Kind.DUPLICATE_KEY)
        .map(i -> "makemap: " + src.name() + ": line " + i.line() + ": " + i.makemapMessage())
        .toList();
    List<String> put = src.entries().stream()
        .map(e -> "key=`" + e.storedKey() + "', val=`" + e.value() + "'")
        .toList();
    List<Entry> kept = switch (flags.duplicates()) {
      case ALL_KEPT -> src.entries();
      case FIRST_WINS, LAST_WINS -> {
        Map<String, Entry> byKey = new LinkedHashMap<>();
        for (Entry e : src.entries()) {
          if (flags.duplicates() == Duplicates.LAST_WINS) {
            byKey.put(e.storedKey(), e);
          } else {
            byKey.putIfAbsent(e.storedKey(), e);
          }
        }
        yield List.copyOf(byKey.values());
      }
    };
    List<String> dump = kept.stream()
        .map(e -> e.storedKey() + flags.dumpSeparator() + e.value())
        .sorted()
        .toList();
    return new Outcome(stderr.isEmpty() ? 0 : 65, stderr, put, dump);
  }

  private static void compare(List<String> problems, String mode, Outcome predicted, Outcome real) {
    if (predicted.equals(real)) {
      return;
    }
    StringBuilder why = new StringBuilder(mode + " disagrees with makemap:");
    if (predicted.exit() != real.exit()) {
      why.append("\n  exit: parser ").append(predicted.exit())
          .append(", makemap ").append(real.exit());
    }
    firstDifference(why, "stderr", predicted.stderr(), real.stderr());
    firstDifference(why, "records put (-v)", predicted.put(), real.put());
    firstDifference(why, "records kept (-u, sorted)", predicted.kept(), real.kept());
    problems.add(why.toString());
  }

  private static void firstDifference(StringBuilder why, String what, List<String> parser,
      List<String> makemap) {
    if (parser.equals(makemap)) {
      return;
    }
    int i = 0;
    while (i < parser.size() && i < makemap.size() && parser.get(i).equals(makemap.get(i))) {
      i++;
    }
    why.append("\n  ").append(what).append(" differ at #").append(i).append(" (parser ")
        .append(parser.size()).append(", makemap ").append(makemap.size()).append(")")
        .append("\n    parser:  ").append(i < parser.size() ? show(parser.get(i)) : "(none)")
        .append("\n    makemap: ").append(i < makemap.size() ? show(makemap.get(i)) : "(none)");
  }

  /** A failure report that says how to replay it; the input is saved under target/. */
  private static String describe(String where, String file, Flags flags, byte[] input, String why) {
    Path saved = FAILURES.resolve(file + ".txt");
    try {
      Files.createDirectories(FAILURES);
      Files.write(saved, input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = AccessGen.escape(input);
    return where + ": makemap " + flags + " hash MAP < " + saved + "\n" + why
        + "\n  input (" + input.length + " bytes):\n"
        + (text.length() > 3000 ? text.substring(0, 3000) + "…" : text);
  }

  private static String show(String latin1) {
    return AccessGen.escape(latin1.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static List<String> lines(String out) {
    if (out.isEmpty()) {
      return List.of();
    }
    String body = out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    return Arrays.asList(body.split("\n", -1));
  }
}
