package io.accessctl.lint.rules;

import io.accessctl.catalog.TlsRequirement;
import io.accessctl.lint.EntryView;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Rule;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.Prescan.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * AC322: keywords not written in upper case. Pure style — sendmail compares keywords without
 * regard to case — so it is reported once per file, at the first such value, with a count.
 */
public final class KeywordCase implements Rule {
  static final RuleInfo INFO = new RuleInfo("AC322", "keyword-case", Severity.INFO,
      "keywords written in lower or mixed case (reported once per file)",
      """
      sendmail compares the keywords of values without regard to case: ok, Relay, reject, no,
      error:, verify and friend work like OK, RELAY, REJECT, NO, ERROR:, VERIFY and FRIEND. The
      documentation, Debian's stock file and most tools write them in upper case, which keeps them
      apart from message text and host names at a glance. This is style only, so accessctl
      reports it once per file; feature letters (Srv_Features, Clt_Features, Flags=) are not
      keywords: there the case is the meaning.

      Wrong:
        Connect:192.0.2 relay
      Right:
        Connect:192.0.2 RELAY
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx, Findings out) {
    String first = null;
    Entry firstEntry = null;
    int firstColumn = 0;
    int count = 0;
    // The entries judged in full, and the quiet ones whose whole value is a keyword not in upper
    // case (QuietEntries), merged in file order.
    List<EntryView> judged = EntryView.judged(ctx);
    List<Entry> caseOnly = QuietEntries.of(ctx).keywordCaseOnly();
    int j = 0;
    int c = 0;
    while (j < judged.size() || c < caseOnly.size()) {
      boolean fromJudged = c == caseOnly.size()
          || (j < judged.size() && judged.get(j).index() < caseOnly.get(c).index());
      if (!fromJudged) {
        Entry e = caseOnly.get(c++);
        if (firstEntry == null) {
          first = e.value();
          firstEntry = e;
          firstColumn = e.valueColumn();
        }
        count++;
        continue;
      }
      EntryView ev = judged.get(j++);
      ValueRule.Value v = ev.get(ValueRule.MEANT, ctx);
      if (v == null) {
        continue;
      }
      for (Token t : keywords(v)) {
        if (!isConventional(t.text())) {
          if (firstEntry == null) {
            first = t.text();
            firstEntry = ev.entry();
            firstColumn = v.columnOf(t);
          }
          count++;
        }
      }
    }
    if (firstEntry == null) {
      return;
    }
    String more = count == 1 ? "" : " (and " + (count - 1) + " more in this file)";
    out.add(INFO, firstEntry, firstColumn, "keyword " + Values.quote(first)
        + " is not in upper case" + more + "; sendmail does not mind, but write "
        + canonical(first) + " like the rest of the world");
  }

  private static boolean isConventional(String word) {
    return word.equals(canonical(word)) || word.equals("CITAG");
  }

  private static String canonical(String word) {
    return word.equalsIgnoreCase("CITag") ? "CITag" : word.toUpperCase(Locale.ROOT);
  }

  /** The tokens of a value that are keywords, when the value is valid with them. */
  static List<Token> keywords(ValueRule.Value v) {
    List<Token> t = v.tokens();
    if (v.isAction()) {
      ActionValue a = ActionValue.parse(t);
      return a.kind() == ActionValue.Kind.TEXT ? List.of() : List.of(t.get(0));
    }
    if (v.tag() == null) {
      return List.of();
    }
    return switch (v.tag().value()) {
      case TRY_TLS -> v.singleWord().equals("NO") ? List.of(t.get(0)) : List.of();
      case SPAM -> v.singleWord().equals("FRIEND") || v.singleWord().equals("HATER")
          ? List.of(t.get(0)) : List.of();
      case CERT_RELAY, CITAG -> v.singleWord().matches("RELAY|SUBJECT|OK")
          ? List.of(t.get(0)) : List.of();
      case COMPAT -> t.get(0).is("DISCARD") || ((t.get(0).is("TEMP") || t.get(0).is("ERROR"))
          && t.size() > 1 && t.get(1).is(":")) ? List.of(t.get(0)) : List.of();
      case TLS_REQUIREMENT -> requirementKeywords(t);
      default -> v.singleWord().equals("SKIP") ? List.of(t.get(0)) : List.of();
    };
  }

  private static List<Token> requirementKeywords(List<Token> t) {
    TlsRequirement r = TlsRequirement.parse(t);
    if (!r.isRequirement()) {
      return List.of();
    }
    List<Token> out = new ArrayList<>();
    int level = r.prefix().isEmpty() ? 0 : 2;
    if (level == 2) {
      out.add(t.get(0));
    }
    out.add(t.get(level));
    for (List<Token> ext : r.extensions()) {
      if (TlsRequirement.isExtension(ext)) {
        out.add(ext.get(0));
      }
    }
    return out;
  }
}
