package io.accessctl.rules;

import io.accessctl.cf.CfLines;
import io.accessctl.cf.KLine;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.tokens.Prescan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a cf as readcf.c reads it, line by line in file order: D lines define macros, C and F
 * lines fill classes, K lines declare maps, S lines open a ruleset, R lines are expanded (macros
 * as defined so far, conditionals) and tokenized into a rule of the open ruleset.
 */
public final class Compiler {
  /** MaxRuleRecursion's default: how deep {@code $>} calls may nest. */
  static final int MAX_RULE_RECURSION = 50;

  /** A byte no rule text uses (sendmail reserves 0x80-0x9F), standing in for an operator. */
  private static final char PLACEHOLDER = 0x80;

  private final Settings settings;
  private final MacroIds ids = new MacroIds();
  private final Map<String, String> macros = new HashMap<>();
  private final Map<String, Set<String>> classes = new HashMap<>();
  private final Map<String, MapClass> maps = new LinkedHashMap<>();
  @SuppressWarnings("unchecked")
  private final List<Rule>[] rulesets = new List[RuleBook.MAX_RULESETS];
  private final String[] names = new String[RuleBook.MAX_RULESETS];
  private final Map<String, Integer> numbers = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final Set<String> computed = new HashSet<>();
  private int nextRuleset = RuleBook.MAX_RULESETS;
  private int current = -1;
  private Prescan ruleTokens;
  private Path path;

  private Compiler(Settings settings) {
    this.settings = settings;
  }

  /** Compiles a cf file. */
  public static RuleBook compile(Path cf, Settings settings) throws IOException, CfException {
    return compile(CfLines.read(cf), settings);
  }

  public static RuleBook compile(CfLines cf, Settings settings) throws CfException {
    return new Compiler(settings).run(cf);
  }

  private RuleBook run(CfLines cf) throws CfException {
    path = cf.path();
    settings.macros().forEach((k, v) -> macros.put(MacroIds.canonical(k), v));
    settings.classes().forEach((k, v) -> words(MacroIds.canonical(k)).addAll(lower(v)));
    String operatorChars = Prescan.M4_OPERATOR_CHARS;
    String blankSub = " ";
    int maxRecursion = MAX_RULE_RECURSION;
    for (CfLines.Line l : cf.lines()) {
      String o = option(l, "OperatorChars");
      if (o != null) {
        operatorChars = o;
      } else if (l.text().startsWith("Do")) {
        operatorChars = l.text().substring(2).strip();
      }
      String b = option(l, "BlankSub");
      if (b != null && !b.isEmpty()) {
        blankSub = b;
      }
      String r = option(l, "MaxRuleRecursion");
      if (r != null && r.matches("\\d+")) {
        maxRecursion = Integer.parseInt(r);
      }
    }
    ruleTokens = new Prescan(operatorChars + PLACEHOLDER, Prescan.Table.TEST_INPUT);
    for (CfLines.Line l : cf.lines()) {
      line(l);
    }
    maps.putIfAbsent("host", settings.maps().getOrDefault("host", PureMaps.unknowable("host")));
    return new RuleBook(path, rulesets, names, numbers, classes, macros, ids, maps,
        operatorChars, blankSub.charAt(0), maxRecursion, warnings, computed);
  }

  /** The value of {@code O Name=value} on this line, or null. */
  private static String option(CfLines.Line l, String name) {
    String t = l.text();
    if (t.length() < 2 || t.charAt(0) != 'O' || (t.charAt(1) != ' ' && t.charAt(1) != '\t')) {
      return null;
    }
    String body = t.substring(1).strip();
    int eq = body.indexOf('=');
    String n = (eq < 0 ? body : body.substring(0, eq)).strip();
    return n.equalsIgnoreCase(name) ? (eq < 0 ? "" : body.substring(eq + 1).strip()) : null;
  }

  private void line(CfLines.Line l) throws CfException {
    String text = MacroText.translate(l.text(), ids);
    if (text.isEmpty()) {
      return;
    }
    String body = text.substring(1);
    switch (text.charAt(0)) {
      case 'D' -> define(body);
      case 'C' -> classLine(body);
      case 'F' -> fileClass(l, body);
      case 'S' -> ruleset(l, body);
      case 'R' -> rule(l, body);
      case 'K' -> KLine.parse(l.text()).ifPresent(this::map);
      default -> { }
    }
  }

  private void define(String body) {
    int[] end = new int[1];
    String name = nameAt(body, end);
    macros.put(name, munch(body.substring(end[0])));
  }

  /** The macro or class name at the start of a D, C or F line's body (already translated). */
  private String nameAt(String body, int[] end) {
    return MacroText.name(body, end, 0);
  }

  /** munchstring(): double quotes dropped, a backslash keeps the next character. */
  private static String munch(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        sb.append(s.charAt(++i));
      } else if (c != '"') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private void classLine(String body) {
    int[] end = new int[1];
    String name = nameAt(body, end);
    String words = expand(body.substring(end[0]));
    for (String w : words.strip().split("[ \t\n]+")) {
      if (!w.isEmpty()) {
        words(name).add(FileMap.lower(w));
      }
    }
  }

  /** {@code F}: the words of a file ({@code -o}: a missing file is no error), or of a pattern. */
  private void fileClass(CfLines.Line l, String body) {
    int[] end = new int[1];
    String name = nameAt(body, end);
    String rest = body.substring(end[0]).strip();
    if (rest.startsWith("-o")) {
      rest = rest.substring(2).strip();
    }
    if (rest.startsWith("|")) {
      warnings.add(where(l) + "F line runs a program; its class is left empty");
      return;
    }
    String[] fileAndPattern = rest.split("[ \t]+", 2);
    String stop = null;
    if (fileAndPattern.length > 1) {
      String p = fileAndPattern[1];
      int open = p.indexOf("%[^");
      if (open >= 0 && p.indexOf(']', open + 3) > 0) {
        stop = p.substring(open + 3, p.indexOf(']', open + 3)).replace("\\", "");
      }
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of(fileAndPattern[0]), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return;
    }
    for (String line : lines) {
      String part = line;
      if (stop != null) {
        int cut = 0;
        while (cut < part.length() && stop.indexOf(part.charAt(cut)) < 0) {
          cut++;
        }
        part = part.substring(0, cut);
        for (String w : part.strip().split("[ \t]+")) {
          if (!w.isEmpty()) {
            words(name).add(FileMap.lower(w));
          }
        }
      } else {
        String[] w = part.strip().split("[ \t]+");
        if (!w[0].isEmpty()) {
          words(name).add(FileMap.lower(w[0]));
        }
      }
    }
  }

  private Set<String> words(String classname) {
    return classes.computeIfAbsent(classname, k -> new HashSet<>());
  }

  private static List<String> lower(Set<String> words) {
    return words.stream().map(FileMap::lower).toList();
  }

  private void ruleset(CfLines.Line l, String body) throws CfException {
    String b = body.strip();
    int eq = b.indexOf('=');
    String name = (eq < 0 ? b : b.substring(0, eq)).strip();
    String num = eq < 0 ? null : b.substring(eq + 1).strip();
    if (name.isEmpty()) {
      throw new CfException(where(l) + "S line without a ruleset name or number");
    }
    int n;
    if (name.chars().allMatch(Character::isDigit)) {
      n = parseNumber(l, name);
    } else if (num != null) {
      n = parseNumber(l, num);
      numbers.put(name, n);
      names[n] = name;
    } else if (numbers.containsKey(name)) {
      n = numbers.get(name);
    } else {
      do {
        n = --nextRuleset;
      } while (n >= RuleBook.MAX_RULESETS / 2 && rulesets[n] != null);
      if (n < RuleBook.MAX_RULESETS / 2) {
        warnings.add(where(l) + name + ": too many named rulesets ("
            + RuleBook.MAX_RULESETS / 2 + " max)");
        current = -1;
        return;
      }
      numbers.put(name, n);
      names[n] = name;
    }
    if (rulesets[n] == null) {
      rulesets[n] = new ArrayList<>();
    }
    current = n;
  }

  private int parseNumber(CfLines.Line l, String s) throws CfException {
    try {
      int n = Integer.parseInt(s);
      if (n >= 0 && n < RuleBook.MAX_RULESETS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CfException(where(l) + "bad ruleset number " + s);
  }

  private void rule(CfLines.Line l, String body) throws CfException {
    if (current < 0) {
      warnings.add(where(l) + "missing valid ruleset for this R line");
      return;
    }
    int tab = body.indexOf('\t');
    if (tab < 0) {
      throw new CfException(where(l) + "invalid rewrite line (tab expected)");
    }
    int from = tab;
    while (from < body.length() && body.charAt(from) == '\t') {
      from++;
    }
    int next = body.indexOf('\t', from);
    String[] lhs = tokens(expand(body.substring(0, tab)));
    String[] rhs = tokens(expand(next < 0 ? body.substring(from) : body.substring(from, next)));
    int fuzzy = 0;
    for (String t : lhs) {
      switch (Meta.kind(t)) {
        case Meta.MATCHZANY, Meta.MATCHANY, Meta.MATCHONE, Meta.MATCHCLASS, Meta.MATCHNCLASS ->
            fuzzy++;
        case Meta.MATCHREPL, Meta.CANONUSER, Meta.CALLSUBR, Meta.CONDELSE, Meta.HOSTBEGIN,
            Meta.HOSTEND, Meta.LOOKUPBEGIN, Meta.LOOKUPEND ->
            warnings.add(where(l) + "inappropriate use of an RHS operator on the LHS");
        default -> { }
      }
    }
    for (String t : rhs) {
      if (Meta.kind(t) == Meta.MATCHREPL
          && (t.length() < 2 || t.charAt(1) <= '0' || t.charAt(1) > '0' + fuzzy)) {
        warnings.add(where(l) + "replacement $" + (t.length() < 2 ? "" : t.charAt(1))
            + " out of bounds");
      }
    }
    rulesets[current].add(Rule.of(lhs, rhs, l.number()));
  }

  private String expand(String s) {
    return MacroText.expand(s, id -> macros.get(ids.name(id)), 0);
  }

  /**
   * prescan() of an expanded rule side in one pass, as readcf.c does: each operator (with the
   * macro, class or digit that belongs to it) stands in as one placeholder byte that the
   * tokenizer treats as an operator character, so angle brackets and quotes pair up across it.
   */
  private String[] tokens(String s) {
    List<String> operators = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Meta.isMeta(c)) {
        text.append(c);
        continue;
      }
      boolean withId = c == Meta.MATCHCLASS || c == Meta.MATCHNCLASS || c == Meta.MACRODEXPAND
          || c == Meta.MATCHREPL;
      operators.add(withId && i + 1 < s.length() ? s.substring(i, (++i) + 1) : String.valueOf(c));
      text.append(PLACEHOLDER);
    }
    // one instance per text across the cf's rules: the matcher compares a literal with a token a
    // rule wrote by identity before it compares the letters
    List<String> out = new ArrayList<>();
    int next = 0;
    for (String t : ruleTokens.texts(text.toString())) {
      if (t.indexOf(PLACEHOLDER) < 0) {
        out.add(t.intern());
        continue;
      }
      StringBuilder sb = new StringBuilder();
      for (char c : t.toCharArray()) {
        if (c == PLACEHOLDER && next < operators.size()) {
          sb.append(operators.get(next++));
        } else {
          sb.append(c);
        }
      }
      out.add(sb.toString().intern());
    }
    return out.toArray(String[]::new);
  }

  private void map(KLine k) {
    String name = k.name();
    MapClass given = settings.maps().get(name);
    if (given != null) {
      maps.put(name, given);
      return;
    }
    MapOptions o = MapOptions.parse(k.args());
    MapStorage records = settings.storage().get(name);
    if (records != null) {
      maps.put(name, FileMap.of(records, o));
      return;
    }
    String cls = k.mapClass().toLowerCase(Locale.ROOT);
    MapClass m = switch (cls) {
      case "hash", "btree", "cdb" -> {
        MapFormat f = MapFormat.parse(cls);
        yield FileMap.of(f, FileMap.fileOf(f, lastWord(o.rest())), o);
      }
      case "text" -> new TextMap(Path.of(lastWord(o.rest())), o);
      case "macro" -> PureMaps.macro();
      case "arith" -> PureMaps.arith();
      case "dequote" -> PureMaps.dequote(o);
      case "regex" -> PureMaps.regex(o);
      case "sequence" -> new SequenceMap(o.rest().split("[ \t]+"), maps);
      case "null" -> PureMaps.empty();
      default -> PureMaps.unknowable(cls);
    };
    maps.put(name, m);
    if (Set.of("macro", "arith", "dequote", "regex").contains(cls)) {
      computed.add(name);
    }
  }

  private static String lastWord(String s) {
    String[] w = s.strip().split("[ \t]+");
    return w[w.length - 1];
  }

  private String where(CfLines.Line l) {
    return path + ":" + l.number() + ": ";
  }
}
