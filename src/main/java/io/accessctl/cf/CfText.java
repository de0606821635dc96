package io.accessctl.cf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A sendmail.cf read the way {@code readcf.c} reads it: CRLF as LF, a line that starts with a
 * space or tab continues the one before (fgetfolded keeps the newline), a line that then starts
 * with {@code #} is a comment, blank lines are ignored. Only the commands accessctl needs are kept.
 */
final class CfText {

  /** One rewriting rule: {@code R<lhs> TAB <rhs> [TAB comment]}, white space collapsed. */
  record Rule(int line, String ruleset, String lhs, String rhs) {}

  /** A logical line: its first physical line number and its text, continuations joined. */
  record Line(int number, String text) {}

  final List<Line> lines = new ArrayList<>();
  /** {@code O Name=value} in file order; names keep their spelling. */
  final List<Map.Entry<String, String>> options = new ArrayList<>();
  /** Ruleset name to its rules, in file order; a ruleset without rules is present and empty. */
  final Map<String, List<Rule>> rulesets = new LinkedHashMap<>();
  final List<Rule> rules = new ArrayList<>();
  final List<String> queueGroups = new ArrayList<>();
  /** Map name to its K line; a later line for the same name replaces the earlier. */
  final Map<String, KLine> mapLines = new LinkedHashMap<>();
  String version;
  boolean hasConfigLevel;

  static CfText parse(String text) {
    CfText cf = new CfText();
    cf.fold(text.replace("\r\n", "\n"));
    String ruleset = "";
    for (Line l : cf.lines) {
      String t = l.text();
      if (t.isEmpty() || t.charAt(0) == '#') {
        continue;
      }
      switch (t.charAt(0)) {
        case 'V' -> cf.hasConfigLevel |= t.substring(1).strip().matches("\\d.*");
        case 'D' -> {
          if (t.startsWith("DZ")) {
            String v = t.substring(2).strip();
            int slash = v.indexOf('/');
            cf.version = slash < 0 ? v : v.substring(0, slash);
          }
        }
        case 'O' -> cf.addOption(t);
        case 'Q' -> {
          String name = firstWord(t.substring(1).strip(), ",");
          if (!name.isEmpty()) {
            cf.queueGroups.add(name);
          }
        }
        case 'K' -> cf.addMap(t);
        case 'S' -> {
          ruleset = firstWord(t.substring(1).strip(), "=");
          cf.rulesets.putIfAbsent(ruleset, new ArrayList<>());
        }
        case 'R' -> cf.rule(l.number(), ruleset, t.substring(1));
        default -> { }
      }
    }
    return cf;
  }

  /**
   * Joins continuation lines. A logical line is one stretch of the text (its continuations follow
   * it, newline and all), so it is cut out once instead of built up line by line.
   */
  private void fold(String text) {
    int number = 0;
    int pos = 0;
    int curStart = -1;
    int curEnd = -1;
    int curNumber = 0;
    while (true) {
      int nl = text.indexOf('\n', pos);
      int end = nl < 0 ? text.length() : nl;
      number++;
      boolean continuation = curStart >= 0 && end > pos
          && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t');
      if (continuation) {
        curEnd = end;
      } else {
        if (curStart >= 0) {
          lines.add(new Line(curNumber, text.substring(curStart, curEnd)));
        }
        curStart = pos;
        curEnd = end;
        curNumber = number;
      }
      if (nl < 0) {
        break;
      }
      pos = nl + 1;
    }
    if (curEnd > curStart) {
      lines.add(new Line(curNumber, text.substring(curStart, curEnd)));
    }
  }

  /** {@code O Name=value} (long form); the old one-letter form {@code Oxvalue} is kept as "x". */
  private void addOption(String t) {
    String body = t.substring(1);
    if (body.isEmpty()) {
      return;
    }
    if (body.charAt(0) != ' ' && body.charAt(0) != '\t') {
      options.add(Map.entry(body.substring(0, 1), body.substring(1).strip()));
      return;
    }
    body = body.strip();
    int end = 0;
    while (end < body.length() && body.charAt(end) != '=' && !Character.isWhitespace(body.charAt(end))) {
      end++;
    }
    String name = body.substring(0, end);
    String value = body.substring(end).strip();
    if (value.startsWith("=")) {
      value = value.substring(1).strip();
    }
    options.add(Map.entry(name, value));
  }

  /** LHS and RHS are separated by tabs (readcf.c); the comment after the next tab is dropped. */
  private void rule(int number, String ruleset, String body) {
    String[] parts = lhsAndRhs(body);
    String lhs = normalize(parts[0]);
    String rhs = normalize(parts[1]);
    Rule r = new Rule(number, ruleset, lhs, rhs);
    rules.add(r);
    // get and put, not computeIfAbsent with a lambda: see addMap
    List<Rule> in = rulesets.get(ruleset);
    if (in == null) {
      in = new ArrayList<>();
      rulesets.put(ruleset, in);
    }
    in.add(r);
  }

  /**
   * A K line. No lambda here or in {@link #rule}: the cf is read on a thread of its own at the
   * start of a run, and each lambda the JDK links there costs the run CPU.
   */
  private void addMap(String t) {
    Optional<KLine> k = KLine.parse(t);
    if (k.isPresent()) {
      mapLines.put(k.get().name(), k.get());
    }
  }

  /**
   * {@code s.split("[" + stop + "\\s]", 2)[0]}: the text before the first white space or stop
   * character, without compiling a regex for each S and Q line.
   */
  static String firstWord(String s, String stop) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (stop.indexOf(c) >= 0 || isRegexSpace(c)) {
        return s.substring(0, i);
      }
    }
    return s;
  }

  /**
   * The first two fields of {@code body.split("\t+", 3)} ("" when there is no second), split by
   * hand: a regex split compiles its pattern on every call, and a cf has some 1,700 rules (that
   * was 40 ms of lint's start with a cf).
   */
  static String[] lhsAndRhs(String body) {
    int tab = body.indexOf('\t');
    if (tab < 0) {
      return new String[] {body, ""};
    }
    int from = tab;
    while (from < body.length() && body.charAt(from) == '\t') {
      from++;
    }
    int next = body.indexOf('\t', from);
    return new String[] {body.substring(0, tab),
        next < 0 ? body.substring(from) : body.substring(from, next)};
  }

  /** White space collapsed to one blank and double quotes removed, for signature matching. */
  static String normalize(String s) {
    // replace("\"", "").replaceAll("\\s+", " ").strip(), without a regex compiled per call
    StringBuilder sb = new StringBuilder(s.length());
    boolean blank = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        continue;
      }
      if (isRegexSpace(c)) {
        blank = true;
        continue;
      }
      if (blank) {
        sb.append(' ');
        blank = false;
      }
      sb.append(c);
    }
    if (blank) {
      sb.append(' ');
    }
    return sb.toString().strip();
  }

  /** The regex class {@code \\s}: SP, HT, LF, VT, FF, CR. */
  static boolean isRegexSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }


  /** The last value of an option, compared without regard to case as sendmail does. */
  String option(String name) {
    String found = null;
    for (Map.Entry<String, String> o : options) {
      if (o.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        found = o.getValue();
      }
    }
    return found;
  }

  List<Rule> ruleset(String name) {
    return rulesets.getOrDefault(name, List.of());
  }
}
