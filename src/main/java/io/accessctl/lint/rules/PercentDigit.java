package io.accessctl.lint.rules;

import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.Needs;
import io.accessctl.lint.EntryView;
import io.accessctl.lint.EntryVisitor;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * AC317: {@code %0}–{@code %9} in a value. map.c map_rewrite() replaces {@code %0} with the lookup
 * key (as the ruleset built it: tag and original case) and {@code %1}–{@code %9} with nothing,
 * since access lookups pass no arguments; {@code %%} is a single {@code %}. A {@code %} that ends
 * the value makes map_rewrite() read past the value's end.
 */
public final class PercentDigit extends EntryVisitor {
  static final RuleInfo INFO = new RuleInfo("AC317", "percent-digit", Severity.WARNING,
      "%0 to %9 in a value, which sendmail replaces",
      """
      sendmail rewrites every value it finds: %0 becomes the key that was looked up, as the ruleset
      built it (with its tag, e.g. Connect:192.0.2), %1 to %9 become nothing, and %% becomes %. So
      "50%1 off" arrives as "50 off". %0 is reported as info only: it works, but shows the tag and
      the matching prefix, not the client. Write %% for a literal percent sign. A value that
      ends in a single % is worse: map_rewrite() reads on past its end, and the result may end in
      bytes that follow the value in the map file (seen with sendmail -bt on a makemap hash map).

      Wrong:
        From:shop.example ERROR:"550 5.7.1 50%1 off is spam"
      Right:
        From:shop.example ERROR:"550 5.7.1 50%%1 off is spam"
      """);

  @Override
  public Needs needs() {
    return Needs.everyEntry().withTokens().valueHolding(ByteClasses.PERCENT);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /**
   * Index of a {@code %} that ends the value without a character to pair with, or -1.
   * map_rewrite() takes {@code %} and the character after it as a pair; for a last {@code %} its
   * unsigned length counter wraps below zero (8.17 map.c), so it copies on past the value.
   */
  static int danglingPercent(String value) {
    for (int i = value.indexOf('%'); i >= 0 && i < value.length(); i++) {
      if (value.charAt(i) == '%') {
        if (i == value.length() - 1) {
          return i;
        }
        i++;
      }
    }
    return -1;
  }

  @Override
  public void visit(EntryView e, LintContext ctx, Findings out) {
    // The raw value: map_rewrite() runs before sendmail tokenizes anything, so a last % reads
    // past the value even where the value has no token at all (an unclosed comment).
    int dangling = danglingPercent(e.entry().value());
    if (dangling >= 0) {
      out.add(INFO, e.entry(), e.entry().valueColumn() + dangling, "the value ends in a single %:"
          + " sendmail's map_rewrite() then reads on past the end of the value, so what it returns"
          + " may end in whatever bytes follow the value in the map file (unless the map is built"
          + " with makemap -N); write %% for the character %");
    }
    ValueRule.Value v = e.get(ValueRule.MEANT, ctx);
    if (v != null) {
      percentDigits(v, out);
    }
  }

  /** %0 to %9 in the value as meant (SKIP and values without a token have none). */
  private static void percentDigits(ValueRule.Value v, Findings out) {
    String s = v.text();
    int first = s.indexOf('%');
    if (first < 0) {
      return;
    }
    List<Integer> at = new ArrayList<>();
    for (int i = first; i + 1 < s.length(); i++) {
      if (s.charAt(i) == '%') {
        char next = s.charAt(i + 1);
        if (next >= '0' && next <= '9') {
          at.add(i);
        }
        i++;
      }
    }
    for (int i : at) {
      char d = s.charAt(i + 1);
      if (d == '0') {
        out.add(INFO, Severity.INFO, v.entry(), v.column() + i, "%0 is replaced by the "
            + "key sendmail looked up (with its tag, e.g. " + v.entry().key() + "); write %%0 for "
            + "the characters %0", false);
      } else {
        out.add(INFO, v.entry(), v.column() + i, "%" + d + " is replaced by nothing (access "
            + "lookups pass no arguments), so it vanishes from the value; write %%" + d
            + " for the characters %" + d);
      }
    }
  }
}
