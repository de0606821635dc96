package io.accessctl.rules;

import io.accessctl.tokens.Prescan;
import java.nio.file.Path;
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
  final String[] names;
  final Map<String, Integer> numbers;
  final Map<String, Set<String>> classes;
  final Map<String, String> macros;
  final MacroIds ids;
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

  RuleBook(Path path, List<Rule>[] rulesets, String[] names, Map<String, Integer> numbers,
      Map<String, Set<String>> classes, Map<String, String> macros, MacroIds ids,
      Map<String, MapClass> maps, String operatorChars, char blankSub, int maxRecursion,
      List<String> warnings, Set<String> computed) {
    this.path = path;
    this.rulesets = rulesets;
    this.names = names;
    this.numbers = numbers;
    this.classes = classes;
    this.macros = macros;
    this.ids = ids;
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
  }

  public Path path() {
    return path;
  }

  /**
   * The number of a ruleset as strtorwset() finds it: digits are a number (below 100), else a
   * name an S line defined; -1 when there is none.
   */
  public int number(String name) {
    if (!name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        int n = Integer.parseInt(name);
        return n < MAX_RULESETS / 2 ? n : -1;
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    Integer n = numbers.get(name);
    return n == null ? -1 : n;
  }

  /** The name sendmail prints for a ruleset: its S-line name, else its number. */
  String name(int ruleset) {
    String n = names[ruleset];
    return n == null ? Integer.toString(ruleset) : n;
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
    Set<String> words = classes.get(ids.name(classId));
    return words != null && words.contains(FileMap.lower(word));
  }
}
