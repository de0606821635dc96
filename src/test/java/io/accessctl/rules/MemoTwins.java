package io.accessctl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.CfLines;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One cf compiled twice, run by an engine that answers subroutine calls from memory and by one
 * that runs every call: each question is asked of both, and everything either reports must be
 * the same — the answers, every trace event in order (each ruleset's input and result when the
 * trace reads them, errors, each map lookup with what the map read), a question given up for
 * too much work, and the key forms each file map tries and found afterwards.
 */
final class MemoTwins {
  final RuleBook memoBook;
  final RuleBook plainBook;
  final Engine memo;
  final Engine plain;

  MemoTwins(Path cf, Settings settings, long workLimit) throws IOException, CfException {
    memoBook = Compiler.compile(CfLines.read(cf), settings);
    plainBook = Compiler.compile(CfLines.read(cf), settings);
    memo = new Engine(memoBook).withWorkLimit(workLimit);
    plain = new Engine(plainBook).withoutMemo().withWorkLimit(workLimit);
  }

  MemoTwins(Path cf, Settings settings) throws IOException, CfException {
    this(cf, settings, Engine.WORK_LIMIT);
  }

  /** Asks both engines; fails when they differ; returns what the memo engine reported. */
  String ask(String rulesets, List<String> tokens, Map<String, String> defines, boolean steps) {
    String withMemo = run(memo, memoBook, rulesets, tokens, defines, steps);
    String without = run(plain, plainBook, rulesets, tokens, defines, steps);
    assertThat(withMemo).as("%s on %s with %s", rulesets, tokens, defines).isEqualTo(without);
    return withMemo;
  }

  /** {@link #ask} of the tokens of a -bt input line. */
  String ask(String rulesets, String input, Map<String, String> defines, boolean steps) {
    return ask(rulesets, plain.inputTokens(input), defines, steps);
  }

  /** Sets the key forms a file map of both books tries, as a batch on two threads does. */
  void tries(String map, int forms) {
    FileMap.in(memoBook).get(map).tries(forms);
    FileMap.in(plainBook).get(map).tries(forms);
  }

  void forgetFound(String map) {
    FileMap.in(memoBook).get(map).forgetFound();
    FileMap.in(plainBook).get(map).forgetFound();
  }

  /** How many times the memo engine forgot its question texts ({@link Symbols#generation}). */
  int memoSymbolsGeneration() {
    return memo.symbolsGeneration();
  }

  /** Subroutine calls the memo engine answered from memory. */
  long hits() {
    return memo.memoCounts()[0];
  }

  private static String run(Engine engine, RuleBook book, String rulesets, List<String> tokens,
      Map<String, String> defines, boolean steps) {
    Log log = new Log(steps);
    try {
      for (Engine.Answer a : engine.run(rulesets, tokens, defines, log)) {
        log.lines.add("answer " + a);
      }
    } catch (Engine.TooMuchWork e) {
      log.lines.add("too much work: " + e.getMessage());
    }
    FileMap.in(book).forEach((name, m) -> log.lines.add("map " + name + " tries " + m.tries()
        + " found " + m.found()));
    return String.join("\n", log.lines);
  }

  /** Every trace event, as text. */
  private static final class Log implements Trace {
    private final boolean steps;
    final List<String> lines = new ArrayList<>();

    Log(boolean steps) {
      this.steps = steps;
    }

    @Override
    public boolean steps() {
      return steps;
    }

    @Override
    public void input(String ruleset, List<String> tokens) {
      lines.add(ruleset + " input: " + tokens);
    }

    @Override
    public void returns(String ruleset, List<String> tokens) {
      lines.add(ruleset + " returns: " + tokens);
    }

    @Override
    public void error(String message) {
      lines.add("error: " + message);
    }

    @Override
    public void lookup(String map, String key, MapClass.Result result) {
      lines.add("lookup " + map + " " + key + ": " + result);
    }
  }

  /** Records by key, as a file map's storage; a key given with a trailing NUL is stored so. */
  static MapStorage storage(Map<String, String> records) {
    Map<ByteBuffer, byte[]> bytes = new HashMap<>();
    records.forEach((k, v) -> bytes.put(ByteBuffer.wrap(k.getBytes(StandardCharsets.ISO_8859_1)),
        v.getBytes(StandardCharsets.ISO_8859_1)));
    return key -> Optional.ofNullable(bytes.get(ByteBuffer.wrap(key)));
  }
}
