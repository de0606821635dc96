package io.accessctl.lint.rules;

import io.accessctl.catalog.TlsRequirement;
import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.EntryView;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.EntryVisitor;
import io.accessctl.lint.Needs;
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
public final class KeywordCase extends EntryVisitor {
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

  /**
   * The first keyword not in upper case in this walk of the file, and how many there are. The
   * {@link io.accessctl.lint.Linter} may hand entries to two threads at once: the first is the
   * one earliest in the file, whichever thread sees it first.
   */
  private static final class Seen {
    private String first;
    private Entry entry;
    private int column;
    private int count;

    synchronized void see(String word, Entry e, int col) {
      if (entry == null || e.index() < entry.index()
          || (e.index() == entry.index() && col < column)) {
        first = word;
        entry = e;
        column = col;
      }
      count++;
    }
  }

  private static final String MEMO = "keyword-case-seen";

  @Override
  public Needs needs() {
    // A keyword may be any tag's SKIP; an unknown tag's value has no keywords.
    // a keyword not in upper case has a lower-case letter
    return Needs.knownTags().andUntagged().withTokens()
        .valueHolding(ByteClasses.LOWER | ByteClasses.NON_ASCII);
  }

  @Override
  public void visit(EntryView ev, LintContext ctx, Findings out) {
    ValueRule.Value v = ev.get(ValueRule.MEANT, ctx);
    if (v == null) {
      return;
    }
    List<Token> keywords = keywords(v);
    for (int i = 0; i < keywords.size(); i++) { // by index: under C1 a for-each allocates an iterator
      Token t = keywords.get(i);
      if (!isConventional(t.text())) {
        ctx.memo(MEMO, Seen::new).see(t.text(), ev.entry(), v.columnOf(t));
      }
    }
  }

  @Override
  public void finish(LintContext ctx, Findings out) {
    Seen seen = (Seen) ctx.memo().remove(MEMO);
    if (seen == null) {
      return;
    }
    String more = seen.count == 1 ? "" : " (and " + (seen.count - 1) + " more in this file)";
    out.add(INFO, seen.entry, seen.column, "keyword " + Values.quote(seen.first)
        + " is not in upper case" + more + "; sendmail does not mind, but write "
        + canonical(seen.first) + " like the rest of the world");
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
      ActionValue a = v.action();
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
