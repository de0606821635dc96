package io.accessctl.lint.rules;

import io.accessctl.lint.Needs;
import io.accessctl.catalog.Tag;
import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.EntriesByTag;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Bytes;
import io.accessctl.source.Entry;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.Prescan.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * AC301: a Try_TLS value other than NO. try_tls turns STARTTLS off only for a value that is the
 * single token NO ({@code R<NO>$*}); everything else found stops the walk and STARTTLS is used.
 */
public final class TryTlsNotNo extends ValueRule {
  static final RuleInfo INFO = new RuleInfo("AC301", "try-tls-not-no", Severity.ERROR,
      "a Try_TLS value that is not NO, so sendmail still uses STARTTLS",
      """
      try_tls turns STARTTLS off for a server only when the value found is exactly the word NO
      (any case, nothing else: no quotes, no second word, no comment). Any other value — YES, OFF,
      "NO", NO YES, NOPE, REJECT — is found, ends the lookup, and STARTTLS is used as if there were
      no entry. Such an entry does nothing, unless a broader key (a parent domain, a shorter
      address, the bare Try_TLS:) says NO: then a more specific YES is how to keep STARTTLS for
      one host, and that is fine. A YES that overrides nothing is reported as info.

      Wrong:
        Try_TLS:broken.example "NO"
        Try_TLS:broken.example OFF
      Right:
        Try_TLS:broken.example NO
        Try_TLS:example.com NO
        Try_TLS:good.example.com YES
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(t -> t.value() == ValueKind.TRY_TLS).withTokens();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** A value that is the word NO alone, as most Try_TLS values are, turns STARTTLS off. */
  @Override
  protected boolean silentOn(Entry e) {
    return e.valueIs("NO");
  }

  @Override
  protected void check(Value v, LintContext ctx, Findings out) {
    if (!v.is(ValueKind.TRY_TLS) || v.singleWord().equals("NO")) {
      return;
    }
    String host = v.subject("every server");
    Optional<Entry> broader = broaderNo(v.entry(), v.tag(), ctx, false);
    boolean yes = v.singleWord().equals("YES");
    if (looksLikeNo(v.tokens())) {
      out.add(INFO, v.entry(), v.column(), "value " + v.quoted() + " is not the single word NO, "
          + "so sendmail still uses STARTTLS with " + host + "; write NO");
    } else if (broader.isPresent()) {
      if (!yes) {
        out.add(INFO, Severity.WARNING, v.entry(), v.column(), "value " + v.quoted()
            + " is not NO: it ends the lookup, so sendmail uses STARTTLS with " + host
            + " despite " + describe(broader.get()) + "; write YES to say so", false);
      }
    } else if (!yes) {
      out.add(INFO, v.entry(), v.column(), "value " + v.quoted() + " does nothing: only NO turns "
          + "STARTTLS off for " + host + "; write NO or delete the entry");
    } else if (broaderNo(v.entry(), v.tag(), ctx, true).isEmpty()) {
      out.add(INFO, Severity.INFO, v.entry(), v.column(), "value \"YES\" does nothing: "
          + "STARTTLS is used with " + host + " anyway (only NO turns it off, and no broader "
          + "Try_TLS entry says NO); delete the entry, or write NO if STARTTLS fails there",
          false);
    }
  }

  /** A value that was meant as NO: a NO token, or NO in quotes. */
  private static boolean looksLikeNo(List<Token> tokens) {
    for (Token t : tokens) {
      String s = t.text().replace("\"", "").strip().toUpperCase(Locale.ROOT);
      if (s.equals("NO") || s.startsWith("NO ")) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Entry e) {
    return "line " + e.lineNumber() + " (" + Bytes.display(e.key()) + " NO)";
  }

  /**
   * A Try_TLS entry whose value sendmail reads as NO and that the lookup reaches for every server
   * this entry matches, if this entry were not there: a parent domain of a host name, a shorter
   * address or bracketed prefix, or the bare {@code Try_TLS:}.
   *
   * @param maybe also count entries the lookup reaches for some of these servers: any address key
   *     for a host name or bracketed key (try_tls walks the server's address after its name)
   */
  static Optional<Entry> broaderNo(Entry self, Tag tag, LintContext ctx, boolean maybe) {
    String mine = Bytes.foldAscii(self.subject());
    if (mine.isEmpty()) {
      return Optional.empty();
    }
    NoEntries no = ctx.memo("try-tls-no:" + tag.name(), () -> NoEntries.of(tag, ctx));
    for (String candidate : broaderCandidates(mine)) {
      Entry other = no.bySubject.get(candidate);
      if (other != null && other != self && covers(candidate, mine)) {
        return Optional.of(other);
      }
    }
    if (maybe && !isAddress(mine) && no.firstAddress != null && no.firstAddress != self) {
      return Optional.of(no.firstAddress);
    }
    return Optional.empty();
  }

  /** The entries of a tag whose value sendmail reads as NO, by folded subject (first one wins). */
  private record NoEntries(Map<String, Entry> bySubject, Entry firstAddress) {
    static NoEntries of(Tag tag, LintContext ctx) {
      Map<String, Entry> by = new HashMap<>();
      Entry firstAddress = null;
      for (Entry e : EntriesByTag.of(ctx).tagged(tag.name())) {
        if (Values.isOnly(e, "NO")) { // a trailing CR is a blank to the tokenizer
          String subject = Bytes.foldAscii(e.subject());
          by.putIfAbsent(subject, e);
          if (firstAddress == null && isAddress(subject)) {
            firstAddress = e;
          }
        }
      }
      return new NoEntries(by, firstAddress);
    }
  }

  /**
   * Every key that {@link #covers} could accept as broader than {@code key}: the bare default,
   * each suffix after or from a dot, each prefix before a dot or colon, bracketed or not.
   */
  private static List<String> broaderCandidates(String key) {
    List<String> out = new ArrayList<>();
    out.add("");
    boolean bracketed = key.startsWith("[") && key.endsWith("]") && key.length() >= 2;
    String inner = bracketed ? key.substring(1, key.length() - 1) : key;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '.' || c == ':') {
        out.add(bracketed ? "[" + inner.substring(0, i) + "]" : inner.substring(0, i));
      }
      if (c == '.' && !bracketed) {
        out.add(key.substring(i + 1));
        out.add(key.substring(i));
      }
    }
    return out;
  }

  /**
   * True when the lookup for every server that {@code key} matches would reach {@code broader}
   * without it: the bare default, a parent domain of a name, a shorter address or bracketed
   * address. Keys are folded.
   */
  static boolean covers(String broader, String key) {
    if (broader.isEmpty()) {
      return true;
    }
    if (broader.equals(key)) {
      return false;
    }
    boolean keyIsAddress = isAddress(key);
    boolean broaderIsAddress = isAddress(broader);
    if (key.startsWith("[") && key.endsWith("]")) {
      return broader.startsWith("[") && broader.endsWith("]")
          && isPrefix(unbracket(broader), unbracket(key));
    }
    if (keyIsAddress || broaderIsAddress) {
      return keyIsAddress && broaderIsAddress && isPrefix(broader, key);
    }
    return key.endsWith("." + broader) || (broader.startsWith(".") && key.endsWith(broader));
  }

  private static String unbracket(String s) {
    return s.substring(1, s.length() - 1);
  }

  private static boolean isPrefix(String shorter, String longer) {
    return longer.startsWith(shorter + ".") || longer.startsWith(shorter + ":");
  }

  static boolean isAddress(String s) {
    // By hand, not s.toLowerCase().matches("[0-9]+(\\.[0-9]+)*") || "ipv6" || "ipv6:…": the regex
    // was compiled for each of a large map's Try_TLS NO entries.
    if (KeyRule.isIpv6Key(s)) {
      return true;
    }
    boolean digit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Ascii.isDigit(c)) {
        digit = true;
      } else if (c == '.' && digit) {
        digit = false;
      } else {
        return false;
      }
    }
    return digit;
  }
}
