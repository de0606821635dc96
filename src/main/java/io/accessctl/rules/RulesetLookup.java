package io.accessctl.rules;

import io.accessctl.tokens.TokenText;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code lookup --ruleset}: what {@code sendmail -bt} answers for {@code RULESET[,RULESET…]
 * INPUT} with a cf, without sendmail: the result as -bt prints it, the keys handed to the cf's
 * file maps, or the error that stopped the ruleset. The cf is compiled once for any number of
 * questions.
 */
public final class RulesetLookup {
  private final RuleBook book;
  private final Engine engine;
  private final Map<String, String> defines;

  /**
   * One answer.
   *
   * @param result the tokens joined by single blanks as -bt prints them; null when the ruleset
   *     stopped with an error or is not defined
   * @param error what stopped it, or what went wrong on the way (a subroutine's error), else null
   */
  public record Reply(String ruleset, String input, String result, List<String> tried,
      String error) {}

  private RulesetLookup(RuleBook book, Map<String, String> defines) {
    this.book = book;
    this.engine = new Engine(book);
    this.defines = Map.copyOf(defines);
  }

  /**
   * Compiles the cf with this host's names ({@code $w}, {@code $j}, {@code $m}, class {@code w})
   * as sendmail would find them; {@code defines} ({@code x} or {@code {name}}) are the question's
   * macros and override those.
   */
  public static RulesetLookup open(Path cf, Map<String, String> defines)
      throws IOException, CfException {
    return open(cf, defines, Map.of());
  }

  /**
   * {@link #open(Path, Map)} with maps read from other storage than the files their K lines
   * name, by map name; each K line's options still apply.
   */
  public static RulesetLookup open(Path cf, Map<String, String> defines,
      Map<String, MapStorage> storage) throws IOException, CfException {
    Settings settings = hostSettings();
    for (Map.Entry<String, MapStorage> e : storage.entrySet()) {
      settings = settings.withStorage(e.getKey(), e.getValue());
    }
    return new RulesetLookup(Compiler.compile(cf, settings), defines);
  }

  /**
   * This host's names as sendmail finds them at start: {@code $w}, {@code $j}, {@code $m} and
   * class {@code w}.
   */
  public static Settings hostSettings() {
    String fq;
    try {
      fq = InetAddress.getLocalHost().getCanonicalHostName();
    } catch (IOException e) {
      fq = "localhost";
    }
    int dot = fq.indexOf('.');
    String shortName = dot < 0 ? fq : fq.substring(0, dot);
    Map<String, String> macros = new HashMap<>();
    macros.put("w", shortName);
    macros.put("j", fq);
    if (dot >= 0) {
      macros.put("m", fq.substring(dot + 1));
    }
    Set<String> w = new java.util.HashSet<>(List.of(shortName, fq, "localhost", "[127.0.0.1]"));
    return new Settings(macros, Map.of("w", w), Map.of());
  }

  /**
   * The same questions for another thread, with the cf as compiled here ({@link
   * RuleBook#twin}): maps named in {@code storage} read that instead.
   */
  public RulesetLookup twin(Map<String, MapStorage> storage) {
    return new RulesetLookup(book.twin(storage), defines);
  }

  /** The compiled cf: what a batch on two threads compares between questions. */
  public RuleBook book() {
    return book;
  }

  /** Runs the comma-separated rulesets on the input, as one {@code -bt} line does. */
  public Reply ask(String rulesets, String input) {
    List<String> tried = new ArrayList<>();
    List<String> tokens = Workspace.ofAddresses(engine, Engine.addresses(input));
    Trace trace = new Trace() {
      @Override
      public boolean steps() {
        return false;
      }

      private String lastMap;
      private boolean holdsData;

      @Override
      public void lookup(String map, String key, MapClass.Result result) {
        // a question looks its keys up in one or two maps, by the same name again and again
        if (!map.equals(lastMap)) {
          lastMap = map;
          holdsData = book.holdsData(map);
        }
        if (holdsData) {
          tried.add(key);
        }
      }
    };
    List<Engine.Answer> answers;
    try {
      answers = engine.run(rulesets, tokens, defines, trace);
    } catch (Engine.TooMuchWork e) {
      return new Reply(rulesets, input, null, tried, e.getMessage());
    }
    Engine.Answer last = answers.get(answers.size() - 1);
    String error = null;
    for (Engine.Answer a : answers) {
      if (!a.errors().isEmpty()) {
        error = String.join("; ", a.errors());
      }
    }
    String result = last.result() == null ? null : TokenText.print(last.result());
    return new Reply(rulesets, input, result, tried, error);
  }
}
