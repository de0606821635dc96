package io.accessctl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.AccessGen;
import io.accessctl.testutil.RuleGen;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subroutine calls answered from memory ({@link CallMemo}) answer exactly as the calls run:
 * random rules with the memo on and off, and one case for each reason a call must run again or
 * is never kept (the recursion depth, the room for the workspace, the work limit, a macro read
 * with another value — by the call itself or a callee, changed by the rules between two calls
 * —, the macro map, a call the data names, an error, the key forms a file map tries).
 */
class CallMemoTest {
  private static final int CFS = 9;
  private static final int POOL = 6;
  private static final int ASKED_PER_GROUP = 30;
  private static final long SLOW_STEPS = 200_000L;

  @TempDir Path dir;

  @Test
  void randomRulesAnswerAlikeWithTheMemoOnAndOff() throws Exception {
    long seed = AccessGen.seed();
    System.out.println("CallMemoTest seed " + seed + " (" + AccessGen.replayHint(seed) + ")");
    Map<String, String> records = new LinkedHashMap<>();
    for (int i = 0; i < RuleGen.MAPPED.size(); i++) {
      String[] kv = RuleGen.MAPPED.get(i).split("\t", 2);
      // some keys stored with their NUL: which form a map tries then depends on what it found
      records.put(i % 3 == 2 ? kv[0] + "\0" : kv[0], kv[1]);
    }
    Settings settings = Settings.NONE.withStorage("access", MemoTwins.storage(records));
    long hits = 0;
    long misses = 0;
    long readingHits = 0;
    int asked = 0;
    for (int c = 0; c < CFS; c++) {
      Random rnd = new Random(AccessGen.caseSeed(seed, c));
      Path cf = dir.resolve("random" + c + ".cf");
      String text = RuleGen.cf(rnd, c, dir.resolve("none"));
      if (c % 3 == 1) {
        // most random rulesets read a macro or set one: here they read words and do sums
        text = text.replace("$&{d1}", "$M").replace("$&{d2}", "$X").replace("$(macro", "$(arith");
      } else if (c % 3 == 2) {
        // here they read the question's macros and set none: calls are kept by their values
        text = text.replace("$(macro", "$(arith");
      }
      Files.writeString(cf, text, StandardCharsets.ISO_8859_1);
      MemoTwins twins = new MemoTwins(cf, settings, SLOW_STEPS);
      for (int g = 0; g < RuleGen.GROUPS; g++) {
        List<RuleGen.Question> pool = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
          pool.add(RuleGen.question(rnd, g));
        }
        for (int k = 0; k < ASKED_PER_GROUP; k++) {
          RuleGen.Question q = pool.get(rnd.nextInt(POOL));
          // the same question again, at times with other macro values
          String d1 = rnd.nextInt(3) == 0 ? RuleGen.phrase(rnd, 3) : q.d1();
          String d2 = rnd.nextInt(3) == 0 ? RuleGen.phrase(rnd, 2) : q.d2();
          if (rnd.nextInt(10) == 0) {
            twins.tries("access", FileMap.WITHOUT_NUL | FileMap.WITH_NUL);
            twins.forgetFound("access");
          }
          twins.ask(q.rulesets(), q.address(), Map.of("{d1}", d1, "{d2}", d2),
              rnd.nextBoolean());
          asked++;
        }
      }
      hits += twins.hits();
      misses += twins.memo.memoCounts()[1];
      readingHits += twins.memo.memoCounts()[2];
    }
    System.out.println("CallMemoTest: " + asked + " questions on " + CFS + " random cfs, "
        + hits + " calls answered from memory (" + readingHits + " of them read macros; "
        + misses + " not), all as run");
    assertThat(hits).as("calls answered from memory (seed %d)", seed).isPositive();
    assertThat(readingHits).as("calls that read macros answered from memory (seed %d)", seed)
        .isPositive();
  }

  @Test
  void debiansClientChecksAnswerAlikeWithTheMemoOnAndOff() throws Exception {
    long seed = AccessGen.seed();
    System.out.println("CallMemoTest Debian seed " + seed + " (" + AccessGen.replayHint(seed)
        + ")");
    Random rnd = new Random(seed);
    // every name exists, as lookup's DNS maps answer
    MapClass.Pure exists = (key, args, macros) -> MapClass.Result.found(key + ".");
    Settings settings = new Settings(Map.of("j", "mx.example.net", "w", "mx"),
        Map.of("w", Set.of("mx.example.net", "localhost")), Map.of("host", exists,
            "resolve", exists))
        .withStorage("access", MemoTwins.storage(Map.of("Connect:spammer.example.biz", "REJECT",
            "Connect:192.0.2", "RELAY", "Spam:abuse@", "FRIEND", "ClientRate:192.0.2.7", "2",
            "TLS_Clt:client.example.com", "VERIFY", "From:bad.example.org", "REJECT",
            "To:example.net", "RELAY", "ClientConn:198.51.100", "1")));
    MemoTwins twins = new MemoTwins(Path.of("src/test/resources/sendmail/debian-8.17.1.9.cf"),
        settings);
    List<String> names = List.of("a.spammer.example.biz", "mail.client.example.com",
        "x.unknown.example.org", "");
    List<String> addrs = List.of("192.0.2.7", "198.51.100.4", "203.0.113.9");
    List<String> rcpts = List.of("postmaster", "<user@example.net>", "<abuse@example.net>",
        "<u@elsewhere.example>");
    List<String> senders = List.of("<>", "<a@bad.example.org>", "<b@example.com>");
    for (int i = 0; i < 120; i++) {
      String name = names.get(rnd.nextInt(names.size()));
      String addr = addrs.get(rnd.nextInt(addrs.size()));
      String sender = senders.get(rnd.nextInt(senders.size()));
      Map<String, String> macros = new LinkedHashMap<>();
      macros.put("{client_name}", name);
      macros.put("{client_addr}", addr);
      macros.put("{client_ptr}", name);
      macros.put("{client_resolve}", name.isEmpty() ? "FAIL" : "OK");
      macros.put("{mail_from}", sender);
      macros.put("f", sender);
      macros.put("{verify}", rnd.nextInt(4) == 0 ? "OK" : "");
      boolean steps = rnd.nextInt(4) == 0;
      twins.ask("check_relay", Workspace.of(twins.plain, List.of(name, addr)), macros, steps);
      twins.ask("check_rcpt", Workspace.of(twins.plain,
          List.of(rcpts.get(rnd.nextInt(rcpts.size())))), macros, steps);
    }
    assertThat(twins.memo.memoCounts()[2]).as("replayed calls that read macros (seed %d)", seed)
        .isPositive();
  }

  @Test
  void callsKeptBeforeTheEngineForgetsItsQuestionTextsNeverReplayForOtherTexts()
      throws Exception {
    long seed = AccessGen.seed();
    System.out.println("CallMemoTest forgetting seed " + seed + " (" + AccessGen.replayHint(seed)
        + ")");
    Random rnd = new Random(seed);
    MemoTwins twins = new MemoTwins(Path.of("src/test/resources/sendmail/debian-8.17.1.9.cf"),
        Settings.NONE.withStorage("access", MemoTwins.storage(Map.of(
            "Connect:spammer.example.biz", "REJECT", "Connect:192.0.2", "RELAY",
            "Connect:host7.example.org", "OK"))));
    // a few new texts forgotten every few questions: a number kept in the memory then stands
    // for another host's text
    twins.memo.forgettingAfter(6);
    long forgotten = 0;
    for (int i = 0; i < 300; i++) {
      String name = rnd.nextBoolean() ? "a.spammer.example.biz"
          : "mx.host" + rnd.nextInt(12) + ".example." + (rnd.nextBoolean() ? "org" : "biz");
      String addr = "192.0." + rnd.nextInt(3) + "." + rnd.nextInt(4);
      int generation = twins.memoSymbolsGeneration();
      twins.ask("Basic_check_relay", Workspace.of(twins.plain, List.of(name, addr)),
          Map.of(), rnd.nextInt(4) == 0);
      forgotten += twins.memoSymbolsGeneration() - generation;
    }
    assertThat(forgotten).as("times the memo engine forgot its question texts (seed %d)", seed)
        .isGreaterThan(10);
    assertThat(twins.hits()).as("calls answered from memory (seed %d)", seed).isPositive();
  }

  @Test
  void aCallReplaysOnlyWhereItsNestedCallsStayWithinMaxRuleRecursion() throws Exception {
    // down goes a level deeper for each x, then deep a level for each token but the last
    MemoTwins twins = twins("O MaxRuleRecursion=5",
        "Sdown", "R x $*\t$@ $>down $1", "R$*\t$@ $>deep $1",
        "Sdeep", "R$- $+\t$@ $>deep $2", "R$-\t$@ done $1");
    for (int i = 0; i < 3; i++) {
      assertThat(twins.ask("down", "a b c", Map.of(), false)).contains("[done, c]");
    }
    assertThat(twins.hits()).isPositive();
    long before = twins.hits();
    String deeper = twins.ask("down", "x x x a b c", Map.of(), true);
    assertThat(deeper).contains("excessive recursion");
    assertThat(twins.ask("down", "x x a b c", Map.of(), true)).contains("[done, c]")
        .doesNotContain("excessive recursion");
    assertThat(twins.ask("down", "a b c", Map.of(), false)).contains("[done, c]");
    assertThat(twins.hits()).isGreaterThan(before);
  }

  @Test
  void aCallReplaysOnlyWhereItsWorkspaceHasTheRoomItHad() throws Exception {
    // wide makes five copies of what follows the ';', after as many tokens as precede it
    MemoTwins twins = twins("", "Spad", "R$* ; $*\t$: $1 $>wide $2",
        "Swide", "R$+\t$@ $1 $1 $1 $1 $1");
    List<String> call = Collections.nCopies(150, "w");
    for (int i = 0; i < 3; i++) {
      assertThat(twins.ask("pad", tokens(List.of(), call), Map.of(), false))
          .doesNotContain("too long");
    }
    assertThat(twins.hits()).isPositive();
    // 400 tokens before the call leave room for 600: 750 do not fit
    String crowded = twins.ask("pad", tokens(Collections.nCopies(400, "p"), call), Map.of(),
        true);
    assertThat(crowded).contains("rewrite: expansion too long");
    assertThat(twins.ask("pad", tokens(Collections.nCopies(200, "p"), call), Map.of(), true))
        .doesNotContain("too long");
  }

  @Test
  void aReplayThatWouldPassTheWorkLimitRunsAndStopsWhereTheCallStops() throws Exception {
    Path cf = cf("", "Sspend", "R$* ; $*\t$: $1 $>deep $2",
        "Sdeep", "R$- $+\t$@ $>deep $2", "R$-\t$@ done $1");
    List<String> call = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    List<String> cheap = tokens(List.of(), call);
    List<String> dear = tokens(Collections.nCopies(40, "p"), call);
    int stopped = 0;
    int finished = 0;
    for (long limit = 20; limit <= 400; limit++) {
      MemoTwins twins = new MemoTwins(cf, Settings.NONE, limit);
      for (int i = 0; i < 3; i++) {
        twins.ask("spend", cheap, Map.of(), false);
      }
      String answer = twins.ask("spend", dear, Map.of(), false);
      if (answer.contains("too much work")) {
        stopped++;
      } else {
        finished++;
      }
    }
    assertThat(stopped).isPositive();
    assertThat(finished).isPositive();
  }

  @Test
  void aRulesetThatReadsAMacroIsAnsweredFromMemoryOnlyWithTheValuesItRead() throws Exception {
    MemoTwins twins = twins("", "Sask", "R$*\t$: $>greet $1", "Sgreet",
        "R$*\t$@ hello $&{who} $1");
    assertThat(twins.memoBook.memoisable[twins.memoBook.number("greet")]).isTrue();
    for (String who : List.of("a", "b", "a", "b", "c", "a", "c", "b")) {
      assertThat(twins.ask("ask", "x", Map.of("{who}", who), false))
          .contains("[hello, " + who + ", x]");
    }
    assertThat(twins.hits()).isPositive();
    assertThat(twins.memo.memoCounts()[2]).isEqualTo(twins.hits());
  }

  @Test
  void aMacroTheRulesChangeBetweenTwoCallsMakesTheSecondAnswerAnew() throws Exception {
    // the same call twice in one question, {who} set by the macro map in between
    MemoTwins twins = twins("Kmacro macro", "Sask", "R$*\t$: $1 ; $>greet $1",
        "R$* ; $*\t$: $(macro {who} $@ b $) $1 : $>greet $1",
        "Sgreet", "R$*\t$@ hello $&{who} $1");
    for (int i = 0; i < 4; i++) {
      assertThat(twins.ask("ask", "x", Map.of("{who}", "a"), false))
          .contains("[x, :, hello, b, x]");
    }
    assertThat(twins.hits()).isPositive();
    // kept with a and with b, the call runs again where {who} is c
    assertThat(twins.ask("ask", "x", Map.of("{who}", "c"), false))
        .contains("[x, :, hello, b, x]");
  }

  @Test
  void aCallIsKeyedOnTheMacrosItsCalleesRead() throws Exception {
    // outer reads no macro itself; inner matches {who} on its LHS, on some inputs only
    MemoTwins twins = twins("", "Sask", "R$*\t$: $>outer $1",
        "Souter", "R$*\t$@ $>inner $1 done",
        "Sinner", "R no $*\t$@ skipped $1", "R$&{who} $*\t$@ same $1", "R$*\t$@ other $1");
    assertThat(twins.memoBook.memoisable[twins.memoBook.number("outer")]).isTrue();
    for (String who : List.of("a", "b", "a", "b", "a", "c")) {
      String answer = twins.ask("ask", "a x", Map.of("{who}", who), false);
      assertThat(answer).contains(who.equals("a") ? "[same, x, done]" : "[other, a, x, done]");
      assertThat(twins.ask("ask", "no x", Map.of("{who}", who), false))
          .contains("[skipped, x, done]");
    }
    assertThat(twins.hits()).isPositive();
  }

  @Test
  void aRulesetThatSetsAMacroIsNeverAnsweredFromMemory() throws Exception {
    MemoTwins twins = twins("Kmacro macro", "Suse", "R$*\t$: $>set $1", "R$*\t$@ $&{who} $1",
        "Sset", "R$*\t$: $(macro {who} $@ $1 $) $1");
    assertThat(twins.memoBook.memoisable[twins.memoBook.number("set")]).isFalse();
    for (String v : List.of("a", "b", "a", "a", "b")) {
      assertThat(twins.ask("use", v, Map.of(), false)).contains("[" + v + ", " + v + "]");
    }
    assertThat(twins.hits()).isZero();
  }

  @Test
  void aCallTheDataNamesIsKeptWithTheMacrosWhatItCalledRead() throws Exception {
    MemoTwins twins = twins("Kmacro macro", "Sask", "R$*\t$: $>pick $1",
        "Spick", "R$- $*\t$@ $>$1 $2",
        "Sgreet", "R$*\t$@ hello $&{who} $1", "Splain", "R$*\t$@ plain $1",
        "Sset", "R$*\t$@ $(macro {who} $@ $1 $) set $&{who}");
    assertThat(twins.memoBook.memoisable[twins.memoBook.number("pick")]).isTrue();
    for (String who : List.of("a", "b", "a", "b", "c", "a")) {
      assertThat(twins.ask("ask", "greet x", Map.of("{who}", who), false))
          .contains("[hello, " + who + ", x]");
    }
    assertThat(twins.hits()).isPositive();
    long before = twins.hits();
    // a call the data names that sets a macro is never kept (the RHS read {who} before the
    // lookup set it)
    for (String v : List.of("p", "q", "p", "q")) {
      assertThat(twins.ask("ask", "set " + v, Map.of("{who}", "a"), false))
          .contains("[set, a]");
    }
    assertThat(twins.hits()).isEqualTo(before);
    for (int i = 0; i < 3; i++) {
      assertThat(twins.ask("ask", "plain x", Map.of("{who}", "a"), false))
          .contains("[plain, x]");
    }
    assertThat(twins.hits()).isGreaterThan(before);
  }

  @Test
  void aCallThatReportsAnErrorIsNeverAnsweredFromMemory() throws Exception {
    MemoTwins twins = twins("", "Sask", "R$*\t$: $>spin $1", "Sspin", "R$*\t$1");
    assertThat(twins.memoBook.memoisable[twins.memoBook.number("spin")]).isTrue();
    for (int i = 0; i < 4; i++) {
      assertThat(twins.ask("ask", "x", Map.of(), false)).contains("Infinite loop in ruleset spin");
    }
    assertThat(twins.hits()).isZero();
  }

  @Test
  void aReplayLeavesTheFileMapTryingAndHavingFoundTheKeyFormsTheCallLeft() throws Exception {
    Path cf = cf("Kaccess hash -T<TMPF> " + dir.resolve("none"), "Sask", "R$*\t$: $>look $1",
        "Slook", "R$*\t$@ $(access $1 $: none $)");
    Settings settings = Settings.NONE.withStorage("access",
        MemoTwins.storage(Map.of("plain", "OK", "nul\0", "REJECT")));
    MemoTwins twins = new MemoTwins(cf, settings);
    int both = FileMap.WITHOUT_NUL | FileMap.WITH_NUL;
    for (String key : List.of("nul", "nul", "nul", "nul", "plain", "plain")) {
      twins.ask("ask", key, Map.of(), false);
    }
    for (int i = 0; i < 4; i++) {
      twins.tries("access", both);
      twins.forgetFound("access");
      assertThat(twins.ask("ask", "nul", Map.of(), false))
          .contains("map access tries " + FileMap.WITH_NUL + " found " + FileMap.WITH_NUL);
      assertThat(twins.ask("ask", "plain", Map.of(), false)).contains("[none]");
    }
    for (int i = 0; i < 3; i++) {
      twins.tries("access", both);
      assertThat(twins.ask("ask", "plain", Map.of(), false)).contains("[OK]")
          .contains("map access tries " + FileMap.WITHOUT_NUL);
    }
    assertThat(twins.hits()).isPositive();
  }

  @Test
  void aTraceThatReadsTheStepsGetsThemFromAReplayToo() throws Exception {
    MemoTwins twins = twins("", "Sask", "R$*\t$: $>one $1", "Sone", "R$*\t$: $>two $1 one",
        "Stwo", "R$*\t$@ $1 two");
    for (int i = 0; i < 3; i++) {
      twins.ask("ask", "x", Map.of(), false);
    }
    long hits = twins.hits();
    assertThat(hits).isPositive();
    String steps = twins.ask("ask", "x", Map.of(), true);
    assertThat(steps).contains("two input: [x, one]", "two returns: [x, one, two]",
        "one returns: [x, one, two]");
    twins.ask("ask", "x", Map.of(), true);
    assertThat(twins.hits()).isGreaterThan(hits);
  }

  @Test
  void onlyRulesetsAskingMapsWhoseAnswersReplayAreMemoisable() throws Exception {
    Files.writeString(dir.resolve("words"), "k v\n");
    MemoTwins twins = twins(String.join("\n", "Kaccess hash -o " + dir.resolve("none"),
        "Kwords text " + dir.resolve("words"), "Kboth sequence access words", "Karith arith",
        "Kdequote dequote", "Kre regex ^a", "Kmacro macro"),
        "Sfile", "R$*\t$@ $(access $1 $)", "Ssum", "R$*\t$@ $(arith + $@ 1 $@ 2 $)",
        "Sunquote", "R$*\t$@ $(dequote $1 $)", "Smatch", "R$*\t$@ $(re $1 $)",
        "Stext", "R$*\t$@ $(words $1 $)", "Sseq", "R$*\t$@ $(both $1 $)",
        "Sset", "R$*\t$@ $(macro x $@ $1 $)", "Sundeclared", "R$*\t$@ $(nomap $1 $)",
        "Scaller", "R$*\t$@ $>file $>text $1");
    RuleBook book = twins.memoBook;
    for (String pure : List.of("file", "sum", "unquote", "match")) {
      assertThat(book.memoisable[book.number(pure)]).as(pure).isTrue();
    }
    for (String not : List.of("text", "seq", "set", "undeclared", "caller")) {
      assertThat(book.memoisable[book.number(not)]).as(not).isFalse();
    }
  }

  private MemoTwins twins(String head, String... rules) throws IOException, CfException {
    return new MemoTwins(cf(head, rules), Settings.NONE);
  }

  private Path cf(String head, String... rules) throws IOException {
    Path cf = dir.resolve("t.cf");
    Files.writeString(cf, "V10/Berkeley\n" + (head.isEmpty() ? "" : head + "\n")
        + String.join("\n", rules) + "\n", StandardCharsets.ISO_8859_1);
    return cf;
  }

  /** {@code before ; call}. */
  private static List<String> tokens(List<String> before, List<String> call) {
    List<String> t = new ArrayList<>(before);
    t.add(";");
    t.addAll(call);
    return t;
  }
}
