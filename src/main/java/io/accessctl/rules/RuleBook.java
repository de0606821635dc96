package io.accessctl.rules;

import io.accessctl.tokens.Prescan;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sendmail.cf compiled once for the engine: rulesets by number and name, classes, macros, maps
 * and the options that change rewriting. Immutable; any number of {@link Engine}s may share it.
 */
public final class RuleBook {
  /** MAXRWSETS: ruleset numbers are 0 to 199; named rulesets are numbered from 199 down. */
  static final int MAX_RULESETS = 200;

  final Path path;
  /** Rules by ruleset number; null where no S line defines the ruleset. */
  final List<Rule>[] rulesets;
  /**
   * The same rules in the engine's terms, numbered in {@link #symbols} (empty where no S line
   * defines the ruleset).
   */
  final RuleCode[][] code;
  /** The rules' tokens numbered: the start of every engine's table. */
  final Symbols symbols;
  /** The most bindings ({@code $1}…) a rule can make: the longest LHS. */
  final int maxBindings;
  /** The name sendmail prints for each ruleset number: its S-line name, else the number. */
  final String[] names;
  final Map<String, Integer> numbers;
  final Map<String, Set<String>> classes;
  final Map<String, String> macros;
  final MacroIds ids;
  /** Macro and class names by id, as {@link MacroIds#name} gives them, computed once. */
  private final String[] idNames;
  /** The words of each class by id; null for a class without words. */
  private final Set<String>[] classWords;
  final Map<String, MapClass> maps;
  final Prescan inputTokens;
  final Prescan valueTokens;
  /**
   * Macro values ({@code $&x}) and lookup defaults are read with the internal table: sendmail's
   * bytes are operators.
   */
  final Prescan macroTokens;
  final char blankSub;
  final int maxRecursion;
  final List<String> warnings;
  /** Maps whose class computes the answer (macro, arith, dequote, regex): no data is looked up. */
  final Set<String> computed;
  /** The maps whose answers a replayed subroutine call stands for ({@link CallPurity}). */
  final Set<String> answerable;
  /** By ruleset number: whether a call of it may be answered from memory ({@link CallPurity}). */
  final boolean[] memoisable;

  RuleBook(Path path, List<Rule>[] rulesets, String[] names, Map<String, Integer> numbers,
      Map<String, Set<String>> classes, Map<String, String> macros, MacroIds ids,
      Map<String, MapClass> maps, String operatorChars, char blankSub, int maxRecursion,
      List<String> warnings, Set<String> computed) {
    this.path = path;
    this.rulesets = rulesets;
    Rule[][] rules = new Rule[rulesets.length][];
    int most = 1;
    for (int i = 0; i < rulesets.length; i++) {
      rules[i] = rulesets[i] == null ? new Rule[0] : rulesets[i].toArray(Rule[]::new);
      for (Rule r : rules[i]) {
        most = Math.max(most, r.lhs().length);
      }
    }
    this.maxBindings = most;
    this.symbols = new Symbols();
    this.code = new RuleCode[rules.length][];
    for (int i = 0; i < rules.length; i++) {
      code[i] = new RuleCode[rules[i].length];
      for (int r = 0; r < rules[i].length; r++) {
        code[i][r] = new RuleCode(rules[i][r], symbols);
      }
    }
    symbols.literalBits(RuleCode.assignBits(code, symbols.foldCount()));
    this.names = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      this.names[i] = names[i] == null ? Integer.toString(i) : names[i];
    }
    this.numbers = numbers;
    this.classes = classes;
    this.macros = macros;
    this.ids = ids;
    this.idNames = new String[ids.limit()];
    @SuppressWarnings("unchecked")
    Set<String>[] words = new Set[ids.limit()];
    for (int id = 0; id < idNames.length; id++) {
      idNames[id] = ids.name(id);
      words[id] = classes.get(idNames[id]);
    }
    this.classWords = words;
    this.maps = maps;
    this.inputTokens = new Prescan(operatorChars, Prescan.Table.TEST_INPUT);
    this.valueTokens = new Prescan(operatorChars, Prescan.Table.MAP_VALUE).limited();
    StringBuilder metas = new StringBuilder();
    for (char c = 0x80; c < 0xa0; c++) {
      metas.append(c);
    }
    this.macroTokens = new Prescan(operatorChars + metas, Prescan.Table.MAP_VALUE).limited();
    this.blankSub = blankSub;
    this.maxRecursion = maxRecursion;
    this.warnings = List.copyOf(warnings);
    this.computed = Set.copyOf(computed);
    this.answerable = CallPurity.answerable(maps);
    this.memoisable = CallPurity.memoisable(code, symbols, answerable, maps, this::number);
  }

  /** A copy sharing everything with {@code of} but its maps. */
  private RuleBook(RuleBook of, Map<String, MapClass> maps) {
    this.path = of.path;
    this.rulesets = of.rulesets;
    this.code = of.code;
    this.symbols = of.symbols;
    this.maxBindings = of.maxBindings;
    this.names = of.names;
    this.numbers = of.numbers;
    this.classes = of.classes;
    this.macros = of.macros;
    this.ids = of.ids;
    this.idNames = of.idNames;
    this.classWords = of.classWords;
    this.maps = maps;
    this.inputTokens = of.inputTokens;
    this.valueTokens = of.valueTokens;
    this.macroTokens = of.macroTokens;
    this.blankSub = of.blankSub;
    this.maxRecursion = of.maxRecursion;
    this.warnings = of.warnings;
    this.computed = of.computed;
    // a twin's maps are of the classes of the book's (see twin)
    this.answerable = of.answerable;
    this.memoisable = of.memoisable;
  }

  /**
   * The same compiled cf for an engine on another thread, without compiling it again: the rules,
   * classes and macros are shared (nothing changes them), the maps that remember between lookups
   * are made anew as compiling made them (file maps, which remember the key forms found; text
   * maps; sequences, over the new maps). A file map reads the same records as this book's (a
   * map reader answers several threads at once), or those {@code storage} gives for its name.
   */
  public RuleBook twin(Map<String, MapStorage> storage) {
    Map<String, MapClass> own = new LinkedHashMap<>();
    maps.forEach((name, m) -> {
      MapClass t = m;
      if (m instanceof FileMap f) {
        t = storage.containsKey(name) ? f.twin(storage.get(name)) : f.twin();
      } else if (m instanceof TextMap text) {
        t = text.twin();
      }
      own.put(name, t);
    });
    own.replaceAll((name, m) -> m instanceof SequenceMap s ? s.over(own) : m);
    return new RuleBook(this, own);
  }

  public Path path() {
    return path;
  }

  /**
   * The number of a ruleset as strtorwset() finds it: digits are a number (below 100), else a
   * name an S line defined; -1 when there is none.
   */
  public int number(String name) {
    Integer named = numbers.get(name);
    if (named != null) {
      return named;
    }
    if (name.isEmpty()) {
      return -1;
    }
    long n = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = Math.min(n * 10 + (c - '0'), MAX_RULESETS);
    }
    return n < MAX_RULESETS / 2 ? (int) n : -1;
  }

  /** The name of a macro or class id inside compiled rules. */
  String idName(char id) {
    return id < idNames.length ? idNames[id] : ids.name(id);
  }

  /** The name sendmail prints for a ruleset: its S-line name, else its number. */
  String name(int ruleset) {
    return names[ruleset];
  }

  /** True when an S line defines the ruleset (by name or number). */
  public boolean defines(String name) {
    int n = number(name);
    return n >= 0 && (numbers.containsKey(name) || rulesets[n] != null);
  }

  /** Problems sendmail reports when it reads the cf (a rule it cannot use, a bad replacement). */
  public List<String> warnings() {
    return warnings;
  }

  /** True when the map looks keys up in data (a file, the network), not computes an answer. */
  public boolean holdsData(String map) {
    return !computed.contains(map);
  }

  boolean inClass(char classId, String word) {
    Set<String> words = classId < classWords.length ? classWords[classId]
        : classes.get(ids.name(classId));
    return words != null && words.contains(FileMap.lower(word));
  }
}
