package io.accessctl.testutil;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of random sendmail rulesets and of questions for them, for the engine's
 * differential tests: random LHS over {@code $* $+ $- $@ $=X $~X $&x} and literals (words in
 * either case, operator characters), random RHS over {@code $n}, literals, {@code $: $@ $# $>
 * $&x}, lookups in the access map (with {@code $@} arguments and {@code $:} defaults), {@code
 * macro}, {@code arith} and {@code dequote}, rules that loop and rules that double their
 * workspace, and a ruleset {@code rec} that recurses past MaxRuleRecursion. Draws only from the
 * {@link Random} given, so a seed reproduces a cf and its questions.
 */
public final class RuleGen {
  private RuleGen() {}

  /** 19 groups and rec: sendmail numbers at most 100 named rulesets. */
  public static final int GROUPS = 19;
  /** The rulesets of group g are gGr0 to gGr4; a ruleset calls only later ones of its group. */
  public static final int RULESETS_PER_GROUP = 5;
  public static final String[] WORDS = {"a", "b", "c", "foo", "bar", "OK", "x1", "tag", "A"};
  private static final String[] OPS = {".", "@", ":", "!", "%", "/"};
  /** The access map's entries the rules look up, {@code key<TAB>value}, keys in lower case. */
  public static final List<String> MAPPED = List.of(
      "a\tOK", "foo\tREJECT", "b\t%0 is %1", "tag:a\tRELAY", "x1\t<x1> ok", "bar\t%%2 %2",
      "a.b\terror:550 no", "c@foo\tDISCARD", "tag:b\t\"quoted value\"", "foo.bar\t(comment) word");

  /**
   * A question for the rulesets of one group: the rulesets to run (one, or two in a comma
   * list), the input line, and the values of the macros {@code {d1}} and {@code {d2}} the rules
   * read.
   */
  public record Question(String rulesets, String address, String d1, String d2) {}

  public static Question question(Random rnd, int group) {
    String d1 = phrase(rnd, 3);
    String d2 = phrase(rnd, 2);
    String rulesets = "g" + group + "r" + rnd.nextInt(RULESETS_PER_GROUP);
    if (rnd.nextInt(6) == 0) {
      rulesets += ",g" + group + "r" + rnd.nextInt(RULESETS_PER_GROUP);
    }
    String address = WORDS[rnd.nextInt(WORDS.length)] + " " + phrase(rnd, 5);
    if (rnd.nextInt(3) == 0) {
      address = "<" + address + ">";
    }
    return new Question(rulesets, address, d1, d2);
  }

  /**
   * A cf of {@link #GROUPS} groups of random rulesets (BlankSub {@code .} when {@code index} is
   * odd), its access map the hash file {@code access} (optional: -o).
   */
  public static String cf(Random rnd, int index, Path access) {
    StringBuilder cf = new StringBuilder();
    cf.append("V10/Berkeley\n");
    cf.append("O OperatorChars=.:%@!^/[]+\n");
    cf.append("O DontBlameSendmail=TrustStickyBit,GroupWritableDirPathSafe\n");
    if (index % 2 == 1) {
      cf.append("O BlankSub=.\n");
    }
    cf.append("Kaccess hash -T<TMPF> -o ").append(access).append('\n');
    cf.append("Kmacro macro\nKarith arith\nKdequote dequote\n");
    cf.append("C{A}a foo\nCB b bar.x OK\nD{M}m1 word\nDXx1\n");
    cf.append("Srec\nR$*\t$: $>rec $1\n");
    for (int g = 0; g < GROUPS; g++) {
      for (int r = 0; r < RULESETS_PER_GROUP; r++) {
        cf.append("Sg").append(g).append('r').append(r).append('\n');
        int rules = 1 + rnd.nextInt(5);
        int calls = 0;
        for (int k = 0; k < rules; k++) {
          String rule = rule(rnd, g, r, calls < 2);
          if (rule.contains("$>")) {
            calls++;
          }
          cf.append('R').append(rule).append('\n');
        }
      }
    }
    return cf.toString();
  }

  /** Up to {@code max} words, joined by blanks or operator characters. */
  public static String phrase(Random rnd, int max) {
    StringBuilder sb = new StringBuilder();
    int n = rnd.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      if (i > 0 && rnd.nextInt(3) == 0) {
        sb.append(OPS[rnd.nextInt(OPS.length)]);
      } else if (i > 0) {
        sb.append(' ');
      }
      sb.append(WORDS[rnd.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  /** One R line's text after the R: LHS, RHS and a comment, tab-separated. */
  public static String rule(Random rnd, int group, int ruleset, boolean mayCall) {
    List<String> lhs = new ArrayList<>();
    int fuzzy = 0;
    int n = rnd.nextInt(5);
    for (int i = 0; i < n; i++) {
      // more than two $* or $+ make backtracking cubic on long workspaces, for both engines
      int kind = rnd.nextInt(12);
      if (kind <= 2 && lhs.stream().filter(t -> t.equals("$*") || t.equals("$+")).count() >= 2) {
        kind = 3;
      }
      switch (kind) {
        case 0, 1 -> {
          lhs.add("$*");
          fuzzy++;
        }
        case 2 -> {
          lhs.add("$+");
          fuzzy++;
        }
        case 3 -> {
          lhs.add("$-");
          fuzzy++;
        }
        case 4 -> lhs.add("$@");
        case 5 -> {
          lhs.add(lhs.contains("$=B") || rnd.nextBoolean() ? "$={A}" : "$=B");
          fuzzy++;
        }
        case 6 -> {
          lhs.add("$~B");
          fuzzy++;
        }
        case 7 -> lhs.add("$&{d1}");
        case 8, 9 -> lhs.add(OPS[rnd.nextInt(OPS.length)]);
        default -> lhs.add(WORDS[rnd.nextInt(WORDS.length)]);
      }
    }
    if (lhs.isEmpty() || (rnd.nextInt(3) == 0 && !lhs.contains("$*"))) {
      lhs.add("$*");
      fuzzy++;
    }
    List<String> rhs = new ArrayList<>();
    boolean call = mayCall && ruleset + 1 < RULESETS_PER_GROUP && rnd.nextInt(4) == 0;
    boolean recurse = mayCall && rnd.nextInt(40) == 0;
    boolean lookup = rnd.nextInt(3) == 0;
    int prefix = rnd.nextInt(10);
    if (call || recurse || prefix < 4) {
      rhs.add(rnd.nextBoolean() ? "$:" : "$@");
    } else if (prefix == 4) {
      rhs.add("$#");
    }
    // a rule without $: or $@ may apply 100 times: let it grow by a token a time at most
    boolean mayLoop = rhs.isEmpty();
    int m = mayLoop ? 1 + rnd.nextInt(2) : 1 + rnd.nextInt(4);
    List<Integer> used = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      int what = rnd.nextInt(10);
      int ref = fuzzy > 0 ? 1 + rnd.nextInt(fuzzy) : 0;
      if (what < 4 && fuzzy > 0 && !(mayLoop && used.contains(ref))) {
        used.add(ref);
        rhs.add("$" + ref);
      } else if (what == 4) {
        rhs.add("$&{d" + (1 + rnd.nextInt(2)) + "}");
      } else if (what == 5) {
        rhs.add("$M");
      } else {
        rhs.add(rnd.nextBoolean() ? WORDS[rnd.nextInt(WORDS.length)] : OPS[rnd.nextInt(OPS.length)]);
      }
    }
    if (lookup) {
      String arg = fuzzy > 0 ? "$" + (1 + rnd.nextInt(fuzzy)) : "a";
      rhs.add(rnd.nextInt(rhs.size() + 1), switch (rnd.nextInt(7)) {
        case 0 -> "$(access " + arg + " $)";
        case 1 -> "$(access tag:" + arg + " $: none $)";
        case 2 -> "$(access " + arg + " $@ one $@ two words $: <" + arg + "> $)";
        case 3 -> "$(macro {d2} $@ " + arg + " $)";
        case 4 -> "$(arith " + (rnd.nextBoolean() ? "+" : "l") + " $@ 3 $@ " + rnd.nextInt(9)
            + " $)";
        case 5 -> "$(dequote \"" + WORDS[rnd.nextInt(WORDS.length)] + "\" $)";
        default -> "$(access " + arg + " $: $&{d1} $)";
      });
    }
    if (call) {
      int target = ruleset + 1 + rnd.nextInt(RULESETS_PER_GROUP - ruleset - 1);
      rhs.add(1 + rnd.nextInt(rhs.size()), "$>g" + group + "r" + target);
    } else if (recurse) {
      rhs.add(1, "$>rec");
    }
    if (!call && !recurse && prefix == 9 && fuzzy > 0) {
      rhs.clear();
      rhs.add("$1");
      rhs.add("$1");
    }
    return String.join(" ", lhs) + "\t" + String.join(" ", rhs) + "\tcomment";
  }
}
