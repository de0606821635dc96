package io.accessctl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.CfLines;
import io.accessctl.testutil.AccessGen;
import io.accessctl.testutil.Oracle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of the {@code text}, {@code regex} and {@code sequence} map classes against
 * {@code sendmail -bt}: K lines of each class with their options (columns and delimiter of a text
 * map, case, {@code -a}, {@code -n}, {@code -s} groups and {@code -d} of a regex, a sequence of a
 * text, a regex and a hash map), looked up by rules with arguments and defaults, on seeded random
 * keys. Every ruleset's input and result must be sendmail's. Seeded: the seed is printed, {@code
 * -Daccessctl.seed=N} replays it.
 */
@Tag("oracle")
class MapClassesOracleTest {
  private static final int QUESTIONS = 400;
  private static final String[] WORDS = {"alpha", "ALPHA", "Beta", "beta", "gamma", "x1", "y",
    "mx.example.com", "MX.Example.COM", "a.b.example.com", "bob@example.org", "x@y", "abc",
    "ABC", "zeta", "\"quoted\"", "delta", "c.d", "nothing"};

  @TempDir Path dir;

  @Test
  void textRegexAndSequenceMapsAnswerAsSendmailDoes() throws Exception {
    Oracle.require(Oracle.SENDMAIL, Oracle.MAKEMAP);
    long seed = AccessGen.seed();
    System.out.println("MapClassesOracleTest seed " + seed + " (" + AccessGen.replayHint(seed)
        + ")");
    Files.writeString(dir.resolve("colon.txt"), String.join("\n",
        "# key:value, the first line for a key wins",
        "alpha:first %1",
        "ALPHA:second",
        "beta:b value",
        "mx.example.com:MX",
        "x1:", "gamma:g:extra", ""), StandardCharsets.ISO_8859_1);
    Files.writeString(dir.resolve("cols.txt"), String.join("\n",
        "v1 beta  other",
        "v2\tgamma",
        "#v3 zeta",
        "v4 Delta", ""), StandardCharsets.ISO_8859_1);
    Oracle.Result mm = Oracle.makemap(dir, List.of(), "hash", dir.resolve("h").toString(),
        "zeta\tfrom hash\nalpha\thash alpha\nc.d\tcd\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(mm.exit()).as(mm.stderr()).isZero();
    String[] maps = {
      "Kcolon text -z: " + dir.resolve("colon.txt"),
      "Kcols text -k1 -v0 " + dir.resolve("cols.txt"),
      "Kcase text -f -z: " + dir.resolve("colon.txt"),
      "Kdom regex -a.FOUND ^[a-z]+\\.example\\.com$",
      "Knot regex -n -a<no> ^[a-z]+$",
      "Kicase regex -f ^abc$",
      "Kparts regex -s1,2 -d+ ^([a-z]+)@([a-z.]+)$",
      "Kpart2 regex -s2 ^([a-z]+)@([a-z.]+)$",
      "Khash hash -o " + dir.resolve("h"),
      "Kseq sequence cols dom hash",
      "Kseq2 sequence nosuch colon",
    };
    StringBuilder cf = new StringBuilder("V10/Berkeley\nO OperatorChars=.:%@!^/[]+\n"
        + "O DontBlameSendmail=TrustStickyBit,GroupWritableDirPathSafe,MapInUnsafeDirPath\n");
    List<String> rulesets = new ArrayList<>();
    for (String k : maps) {
      cf.append(k).append('\n');
      String name = k.substring(1, k.indexOf(' '));
      rulesets.add("L" + name);
      cf.append("SL").append(name).append('\n');
      // regex -s with $@ arguments answers otherwise (not modelled): -s maps get none
      String args = k.contains(" -s") ? "" : " $@ arg";
      cf.append("R$*\t$: < $(").append(name).append(" $1").append(args)
          .append(" $: none $) > $1\n");
    }
    Path cfPath = dir.resolve("maps.cf");
    Files.writeString(cfPath, cf, StandardCharsets.ISO_8859_1);

    RuleBook book = Compiler.compile(CfLines.read(cfPath), Settings.NONE);
    Engine engine = new Engine(book);
    BtTranscript mine = new BtTranscript();
    StringBuilder input = new StringBuilder();
    Random rnd = new Random(seed);
    for (int q = 0; q < QUESTIONS; q++) {
      String ruleset = rulesets.get(rnd.nextInt(rulesets.size()));
      String word = WORDS[rnd.nextInt(WORDS.length)];
      input.append(ruleset).append(' ').append(word).append('\n');
      mine.prompt();
      engine.run(ruleset, engine.inputTokens(word), Map.of(), mine);
    }
    mine.prompt(); // where sendmail reads the end of its input
    Oracle.Result bt = Oracle.sendmailBt(cfPath, input.toString());
    List<String> theirs = BtTranscript.ofSendmail(bt.stdout());
    List<String> ours = new ArrayList<>();
    for (String l : mine.lines) {
      ours.add(l.stripTrailing());
    }
    List<String> in = List.of(input.toString().split("\n"));
    int prompt = -1;
    for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
      if (ours.get(i).equals(BtTranscript.PROMPT)) {
        prompt++;
      }
      String question = prompt >= 0 && prompt < in.size() ? in.get(prompt) : "";
      assertThat(ours.get(i)).as("seed %d, question %s (%s)\nsendmail: %s", seed, prompt,
          question, bt.stderr()).isEqualTo(theirs.get(i));
    }
    assertThat(ours).as("seed %d: every line", seed).hasSameSizeAs(theirs);
    System.out.println("MapClassesOracleTest: " + QUESTIONS + " lookups through "
        + maps.length + " maps agreed with sendmail -bt");
  }
}
