package io.accessctl.lint;

import io.accessctl.source.AccessSource;
import io.accessctl.source.SourceLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suppression comments. They go on their own comment line directly above the entry (a trailing
 * comment would become part of the value):
 *
 * <pre>
 * # accessctl: disable=AC203,untagged-entry
 * legacy.example REJECT
 * # accessctl: disable-file=AC109
 * </pre>
 *
 * A {@code disable} comment covers the next non-comment line; a block of comment lines directly
 * above an entry may hold several. {@code disable-file} covers the whole file. A suppression that
 * suppresses nothing is itself reported ({@link #UNUSED_RULE}).
 */
public final class Suppressions {
  public static final RuleInfo UNUSED_RULE = new RuleInfo("AC190", "unused-suppression",
      Severity.INFO, "a suppression comment that suppresses nothing",
      """
      A '# accessctl: disable=…' comment names a rule that does not fire on the line below it (or,
      for disable-file, anywhere in the file), or a rule that does not exist. Old suppressions hide
      the next real problem on that line; remove them.

      Wrong:
        # accessctl: disable=AC301
        Try_TLS:broken.example NO
      Right:
        Try_TLS:broken.example NO
      """);

  static final Rule UNUSED = new Rule() {
    @Override
    public RuleInfo info() {
      return UNUSED_RULE;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
      // Reported by the Linter, which alone knows what was suppressed.
    }
  };

  /** The directive's pattern, compiled only for a file with a comment that may hold one. */
  private static final class Directives {
    static final Pattern PATTERN = Pattern.compile(
        "^#\\s*accessctl:\\s*(disable-file|disable)\\s*=?\\s*([A-Za-z0-9_,\\- \\t]+?)\\s*$");
  }

  private static final String WORD = "accessctl";

  private record Directive(SourceLine line, boolean wholeFile, String word, int target) {}

  private final List<Directive> directives = new ArrayList<>();
  /** Marked from the Linter's threads at once. */
  private final Set<Directive> used = ConcurrentHashMap.newKeySet();

  public Suppressions(AccessSource source) {
    List<SourceLine> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      SourceLine l = lines.get(i);
      if (!l.isComment() || !l.containsIgnoreCase(0, WORD)) {
        continue; // the directive names accessctl; most comments do not, and keep no string
      }
      Matcher m = Directives.PATTERN.matcher(stripCr(l.text()));
      if (!m.matches()) {
        continue;
      }
      boolean file = m.group(1).equals("disable-file");
      int target = 0;
      if (!file) {
        int j = i + 1;
        while (j < lines.size() && lines.get(j).isComment()) {
          j++;
        }
        target = j < lines.size() ? lines.get(j).number() : -1;
      }
      for (String w : m.group(2).split("[,\\s]+")) {
        if (!w.isBlank()) {
          directives.add(new Directive(l, file, w.toLowerCase(Locale.ROOT), target));
        }
      }
    }
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  /** Whether the file has no suppression comment at all: then nothing is suppressed. */
  public boolean isEmpty() {
    return directives.isEmpty();
  }

  /** True (and remembered as used) when a directive covers this diagnostic. */
  public boolean suppresses(Diagnostic d) {
    return suppresses(d.rule(), d.line());
  }

  /** Whether a directive hides {@code rule}'s findings on line {@code line} (marking it used). */
  public boolean suppresses(RuleInfo rule, int line) {
    if (directives.isEmpty()) {
      return false;
    }
    boolean hit = false;
    for (Directive dir : directives) {
      boolean ruleMatches = dir.word.equals(rule.id().toLowerCase(Locale.ROOT))
          || dir.word.equals(rule.name());
      if (ruleMatches && (dir.wholeFile || dir.target == line)) {
        used.add(dir);
        hit = true;
      }
    }
    return hit;
  }

  /** Directives that suppressed nothing. */
  public void reportUnused(Findings out) {
    Map<SourceLine, List<String>> unused = new HashMap<>();
    for (Directive dir : directives) {
      if (!used.contains(dir)) {
        unused.computeIfAbsent(dir.line, k -> new ArrayList<>()).add(dir.word);
      }
    }
    unused.forEach((line, words) -> {
      List<String> unknown = words.stream().filter(w -> Rules.find(w).isEmpty()).toList();
      String msg = unknown.isEmpty()
          ? "suppression of " + String.join(", ", words) + " suppresses nothing; remove it"
          : "suppression names " + String.join(", ", unknown)
              + ", which is not an accessctl rule (see 'accessctl explain')";
      out.add(UNUSED_RULE, line, 1, msg);
    });
  }
}
