package io.accessctl.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.AccessGen;
import io.accessctl.testutil.Oracle;
import io.accessctl.tokens.Prescan.Token;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomized differential test of {@link Prescan} against the real {@code sendmail -bt} (Debian's
 * sendmail.cf, m4 OperatorChars), token for token. Seeded: the seed is printed, and
 * {@code -Daccessctl.seed=N} replays a run.
 *
 * <p>Strings reach sendmail's prescan() by two ways, and each proves something else; a third test
 * proves how the tokens become a map key again:
 *
 * <ul>
 *   <li><b>A map value</b> ({@link #mapValuesTokenizeAsSendmailReadsThem}): each random string is
 *       stored as the value of its own key with db5.3_load (not makemap, whose line syntax would
 *       keep NUL, newline and leading blanks out), and a ruleset added to the cf, {@code R$* $:
 *       $(access $1 $)}, looks the key up; sendmail tokenizes what the map returns with its map
 *       table (ExtTokenTab). This channel carries every byte: NUL (the value ends there, even
 *       inside an unclosed quote or comment), 0x80-0xFF (0xFF is read as 0x7F), quotes,
 *       backslashes, comments, angle brackets and {@code %} (map_rewrite(), {@link MapValue},
 *       runs first), and one in twenty values is long, near MAXNAME and PSBUFSIZE. {@code
 *       -d84.1} makes -bt print every byte that is not printable ASCII as {@code " 0xNN "}, so
 *       the printed tokens are exact; a value without any token stops the
 *       ruleset ({@code status 65}), which must be exactly the values {@link Prescan} finds no
 *       token in (an empty value, by contrast, is returned as no tokens). A second run without
 *       {@code -d84.1} proves {@link TokenText#print}: the form -bt shows to users, {@code M-x}
 *       for bytes above 0x7F and {@code $x} for sendmail's own meta bytes. Byte 0x99 is left out:
 *       inside sendmail it is {@code $>}, and a token starting with it makes the rule engine call
 *       a ruleset after the lookup, which is not the tokenizer's doing.
 *   <li><b>The -bt input line</b> ({@link #testModeInputTokenizesAsSendmailReadsIt}): -bt reads
 *       the address after the ruleset name with the table without comments (TokTypeNoC), where
 *       parentheses are operators. Bytes above 0x7F are refused there
 *       ("8-bit character in mailbox address"), a comma separates addresses and a newline ends
 *       the line, so the strings are 7-bit without those two; a NUL ends the line's text.
 *   <li><b>A map key</b> ({@link #mapKeysAreJoinedAsCataddrJoinsThem}): a ruleset looks the tokens
 *       of a random map value up again, and {@code -d38.20} prints the key sendmail hands to the
 *       map: {@link TokenText#join} (a blank only between two atoms, bytes 0x80-0x9F and 0xFF no
 *       atoms) and {@link TokenText#stripQuotes}. Values whose tokens hold a byte that acts in a
 *       rule's right-hand side ({@code $1}, {@code $(}, …) are left out, as are newlines (printed
 *       raw, they would end the line).
 * </ul>
 */
@Tag("oracle")
class PrescanOracleTest {
  private static final int MAP_CASES = 2500;
  private static final int INPUT_CASES = 1000;
  private static final int MAX_FRAGMENTS = 12;
  /** One map value in this many is long, near prescan()'s limits. */
  private static final int LONG_EVERY = 20;
  /** Pieces the strings are glued from; no letter of "returns" or "input", to keep parsing safe. */
  private static final String[] COMMON = {"\"", "\"", "\\", "\\", "(", ")", "<", ">", ".", ":",
      "@", "!", "^", "/", "[", "]", "+", ";", " ", " ", "\t", "a", "B", "0", "ab", "\\!", "\\\"",
      "\\(", "\\)", "\\\\", "\"x y\"", "(c)", "\r", "\u000b", "\f", "=", "-", "*", "$", "#", "{",
      "?", "|", "&", "'", "\u0001", "\u001b", "\u007f", "\0"};
  private static final String[] MAP_ONLY = {",", "\n", "\u0080", "\u0081", "\u0082", "\u0095",
      "\u009f", "\u00a0", "\u00e9", "\u00fe", "\u00ff", "\u00ff", "%%", "%0", "%1", "%z", "HIGH"};
  private static final String RULESET = "tok";
  private static final char CALLSUBR = 0x99;
  /** Looks its input up, then looks up the tokens it found, as a key. */
  private static final String RULESET_TWICE = "tokkey";
  private static final String LOOKUP = "db_map_lookup(access, ";
  private static final int KEY_CASES = 1000;
  /** A lookup between two cases, to split -bt's output. */
  private static final String MARKER = "/map access marker-";

  @TempDir Path dir;

  @Test
  void mapValuesTokenizeAsSendmailReadsThem() throws IOException {
    Oracle.require(Oracle.SENDMAIL, Oracle.DB_LOAD, Oracle.STOCK_CF);
    long seed = AccessGen.seed();
    Random rnd = new Random(seed);
    List<String> values = new ArrayList<>();
    while (values.size() < MAP_CASES) {
      values.add(values.size() % LONG_EVERY == 0 ? longString(rnd) : randomString(rnd, true));
    }
    loadMap(values);
    String in = lookups(RULESET, values.size());
    Path cf = cfWithTokRuleset();

    long start = System.nanoTime();
    List<String> exact = results(Oracle.sendmailBt(cf, in, "-d84.1"), values.size());
    List<String> shown = results(Oracle.sendmailBt(cf, in), values.size());
    long ms = (System.nanoTime() - start) / 1_000_000;

    List<String> wrong = new ArrayList<>();
    int printCompared = 0;
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      String rewritten = MapValue.rewrite(v, key(i));
      List<String> tokens = Prescan.texts(Prescan.mapValues().scan(rewritten));
      // an empty value is returned as no tokens; a value without tokens stops the ruleset
      String expected = rewritten.isEmpty() ? "" : tokens.isEmpty() ? null : debugForm(tokens);
      if (!Objects.equals(expected, exact.get(i))) {
        wrong.add(describe(v, exact.get(i), expected));
      }
      if (!tokens.isEmpty() && printsAsSendmailDoes(tokens)) {
        printCompared++;
        String printed = TokenText.print(tokens);
        if (!printed.equals(shown.get(i))) {
          wrong.add("print form of " + describe(v, shown.get(i), printed));
        }
      }
    }
    System.out.println("prescan differential (map values): " + values.size() + " strings, "
        + printCompared + " also in -bt's print form, sendmail " + ms + " ms, "
        + AccessGen.replayHint(seed));
    assertThat(wrong).as(AccessGen.replayHint(seed)).isEmpty();
  }

  @Test
  void testModeInputTokenizesAsSendmailReadsIt() throws IOException {
    Oracle.require(Oracle.SENDMAIL, Oracle.STOCK_CF);
    long seed = AccessGen.seed();
    Random rnd = new Random(seed);
    Prescan testInput = new Prescan(Prescan.M4_OPERATOR_CHARS, Prescan.Table.TEST_INPUT);
    List<String> inputs = new ArrayList<>();
    StringBuilder in = new StringBuilder();
    while (inputs.size() < INPUT_CASES) {
      String s = randomString(rnd, false);
      in.append(RULESET).append(' ').append(s).append('\n').append(MARKER).append(inputs.size())
          .append('\n');
      inputs.add(s);
    }
    Path cf = cfWithTokRuleset();
    long start = System.nanoTime();
    Oracle.Result r = Oracle.sendmailBt(cf, in.toString(), "-d84.1");
    long ms = (System.nanoTime() - start) / 1_000_000;
    String[] parts = cases(r, inputs.size());
    Pattern input = Pattern.compile("(?m)" + RULESET + " +input: (.*)$");
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Matcher m = input.matcher(parts[i]);
      String seen = m.find() ? m.group(1) : null;
      List<Token> tokens = testInput.scan(inputs.get(i));
      String expected = tokens.isEmpty() ? null : debugForm(Prescan.texts(tokens));
      if (!Objects.equals(expected, seen)) {
        wrong.add(describe(inputs.get(i), seen, expected));
      }
    }
    System.out.println("prescan differential (-bt input): " + inputs.size() + " strings, sendmail "
        + ms + " ms, " + AccessGen.replayHint(seed));
    assertThat(wrong).as(AccessGen.replayHint(seed)).isEmpty();
  }

  @Test
  void mapKeysAreJoinedAsCataddrJoinsThem() throws IOException {
    Oracle.require(Oracle.SENDMAIL, Oracle.DB_LOAD, Oracle.STOCK_CF);
    long seed = AccessGen.seed();
    Random rnd = new Random(seed);
    List<String> values = new ArrayList<>();
    while (values.size() < KEY_CASES) {
      String v = randomString(rnd, true);
      List<String> tokens = Prescan.texts(Prescan.mapValues().scan(MapValue.rewrite(v, "")));
      if (!tokens.isEmpty() && tokens.stream().noneMatch(PrescanOracleTest::meansSomethingInARule)
          && v.indexOf('\n') < 0) {
        values.add(v);
      }
    }
    loadMap(values);
    String[] parts = cases(Oracle.sendmailBt(cfWithTokRuleset(), lookups(RULESET_TWICE,
        values.size()), "-d38.20"), values.size());
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      List<String> keys = new ArrayList<>();
      for (String line : parts[i].split("\n")) {
        int at = line.indexOf(LOOKUP);
        if (at >= 0) {
          keys.add(line.substring(at + LOOKUP.length(), line.lastIndexOf(')')));
        }
      }
      List<String> tokens = Prescan.texts(Prescan.mapValues().scan(
          MapValue.rewrite(values.get(i), key(i))));
      String expected = TokenText.stripQuotes(TokenText.join(tokens));
      String seen = keys.size() == 2 ? keys.get(1) : keys.toString();
      if (!expected.equals(seen)) {
        wrong.add(describe(values.get(i), seen, expected));
      }
    }
    System.out.println("cataddr differential (map keys): " + values.size() + " strings, "
        + AccessGen.replayHint(seed));
    assertThat(wrong).as(AccessGen.replayHint(seed)).isEmpty();
  }

  /**
   * A token with a byte sendmail uses inside rules ({@code $1}, {@code $(}, {@code $#}, …): put
   * into a rule's right-hand side, it acts instead of being looked up.
   */
  private static boolean meansSomethingInARule(String token) {
    for (char c : token.toCharArray()) {
      if (c == 0x81 || c == 0x82 || c == 0x85 || c == 0x86 || (c >= 0x90 && c <= 0x9e)) {
        return true;
      }
    }
    return false;
  }

  private void loadMap(List<String> values) {
    StringBuilder dump = new StringBuilder("VERSION=3\nformat=bytevalue\ntype=hash\nHEADER=END\n");
    HexFormat hex = HexFormat.of();
    for (int i = 0; i < values.size(); i++) {
      dump.append(' ').append(hex.formatHex(latin1(key(i)))).append('\n');
      dump.append(' ').append(hex.formatHex(latin1(values.get(i)))).append('\n');
    }
    dump.append("DATA=END\n");
    Oracle.Result loaded = Oracle.run(List.of(Oracle.DB_LOAD, dir.resolve("access.db").toString()),
        latin1(dump.toString()));
    assertThat(loaded.exit()).as("db5.3_load: %s", loaded.stderr()).isZero();
  }

  /** The stock cf with a ruleset that returns the tokens the access map has for its input. */
  private Path cfWithTokRuleset() throws IOException {
    Path cf = Oracle.testCf(dir, "hash", dir.resolve("access").toString());
    String lookup = "R$*\t\t$: $(access $1 $: NOTFOUND $)\n";
    Files.writeString(cf, "\nS" + RULESET + "\n" + lookup + "\nS" + RULESET_TWICE + "\n" + lookup
        + lookup, StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
    return cf;
  }

  /** -bt input that runs {@code ruleset} on each key in turn, a marker lookup after each. */
  private static String lookups(String ruleset, int count) {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < count; i++) {
      in.append(ruleset).append(' ').append(key(i)).append('\n').append(MARKER).append(i)
          .append('\n');
    }
    return in.toString();
  }

  private static String key(int i) {
    return "k" + i;
  }

  /** The output of each case: the -bt output split at the marker lookups between cases. */
  private static String[] cases(Oracle.Result r, int count) {
    String[] parts = r.stdout().split("map_lookup: access \\(marker-\\d+\\)[^\n]*");
    assertThat(parts).as("sendmail: %s", r.stderr()).hasSize(count + 1);
    return parts;
  }

  /**
   * One result per case, in order: the tokens the ruleset returned, or null where it stopped
   * ({@code == Ruleset tok (N) status 65}: prescan() found no token in the map's value).
   */
  private static List<String> results(Oracle.Result r, int count) {
    Pattern line = Pattern.compile("(?md)^(?:> )?(?:" + RULESET + " +returns:(.*)|== Ruleset "
        + RULESET + " \\(\\d+\\) status 65)$");
    List<String> out = new ArrayList<>();
    String[] parts = cases(r, count);
    for (int i = 0; i < count; i++) {
      Matcher m = line.matcher(parts[i]);
      assertThat(m.find()).as("no result for case %d: %s", i, parts[i]).isTrue();
      out.add(m.group(1) == null ? null : m.group(1).isEmpty() ? "" : m.group(1).substring(1));
    }
    return out;
  }

  /**
   * Tokens as {@code sendmail -bt -d84.1} prints them: separated by one blank, printable ASCII as
   * is, {@code \t \n \r} escaped, every other byte as {@code " 0xNN "} (C's {@code " %#x "}).
   */
  private static String debugForm(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    for (String t : tokens) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      for (char c : t.toCharArray()) {
        if (c >= ' ' && c < 0x7f) {
          sb.append(c);
        } else if (c == '\t' || c == '\n' || c == '\r') {
          sb.append(c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r");
        } else {
          sb.append(String.format(" %#x ", (int) c));
        }
      }
    }
    return sb.toString();
  }

  /**
   * False where -bt's print form depends on more than the tokens: a macro or class id above 0x7F
   * after {@code $x}, {@code $&x}, {@code $=} or {@code $~} (only the running cf's macro table
   * names it), {@code $x} or {@code $&x} at the very end of a token (-bt reads on past the token)
   * and a newline right after one of them (-bt prints it as it is, which ends the line).
   */
  private static boolean printsAsSendmailDoes(List<String> tokens) {
    for (String t : tokens) {
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        boolean macro = c == 0x81 || c == 0x82;
        if (!macro && c != 0x93 && c != 0x94) {
          continue;
        }
        int id = i + 1;
        if (macro && id < t.length() && "=~&?".indexOf(t.charAt(id)) >= 0) {
          id++;
        }
        if (macro && id >= t.length()) {
          return false;
        }
        if (id < t.length() && (t.charAt(id) >= 0x80 || t.charAt(id) == '\n')) {
          return false;
        }
      }
    }
    return true;
  }

  private static String randomString(Random rnd, boolean mapValue) {
    StringBuilder sb = new StringBuilder();
    int parts = 1 + rnd.nextInt(MAX_FRAGMENTS);
    for (int p = 0; p < parts; p++) {
      int pick = rnd.nextInt(COMMON.length + (mapValue ? MAP_ONLY.length : 0));
      String f = pick < COMMON.length ? COMMON[pick] : MAP_ONLY[pick - COMMON.length];
      sb.append(f.equals("HIGH") ? String.valueOf(highByte(rnd)) : f);
    }
    return sb.toString();
  }

  /**
   * A string near prescan()'s limits: one word of about MAXNAME bytes, or short tokens that fill
   * about PSBUFSIZE bytes with their NULs.
   */
  private static String longString(Random rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> "a".repeat(Limits.MAXNAME - 3 + rnd.nextInt(7));
      case 1 -> "\"" + "a".repeat(Limits.MAXNAME - 5 + rnd.nextInt(7)) + "\"";
      case 2 -> "a.".repeat(Limits.PSBUFSIZE / 4 - 3 + rnd.nextInt(7));
      default -> "ab.".repeat(Limits.PSBUFSIZE / 5 - 3 + rnd.nextInt(7)) + "a\\b";
    };
  }

  /**
   * A byte from 0x80 to 0xFF but 0x99: that is {@code $>} inside sendmail, and a token starting
   * with it makes the rule engine call the ruleset the next tokens name (callsubr() after the
   * lookup, not prescan()).
   */
  private static char highByte(Random rnd) {
    char c = (char) (0x80 + rnd.nextInt(0x80));
    return c == CALLSUBR ? 0xff : c;
  }

  private static String describe(String s, String sendmail, String ours) {
    return AccessGen.escape(latin1(s)) + " -> sendmail [" + sendmail + "], accessctl [" + ours
        + "]";
  }

  private static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
