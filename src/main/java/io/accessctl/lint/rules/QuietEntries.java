package io.accessctl.lint.rules;

import io.accessctl.catalog.Catalog;
import io.accessctl.catalog.Flag;
import io.accessctl.catalog.Tag;
import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.EntriesByTag;
import io.accessctl.lint.LintContext;
import io.accessctl.source.Entry;
import io.accessctl.source.SourceLine;
import io.accessctl.tokens.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tells the entries that no per-entry rule can report, so that the {@link io.accessctl.lint.Linter}
 * does not hand them to the fifty-odd rules that would each find nothing.
 *
 * <p>Why: a large map is almost all entries like {@code Connect:192.0.2 REJECT} or {@code
 * Try_TLS:mx.example.com NO}, and judging each one in full (key split, sendmail's tokens, every
 * rule in turn) made lint of 100,000 entries several times slower than makemap building them.
 * The grammar below is deliberately narrow and only ever errs towards "not quiet": whatever it
 * does not accept goes through every rule as before. {@code QuietEntriesTest} holds it to that on
 * generated maps and sendmail.cf variants: an entry it calls quiet draws nothing from any
 * per-entry rule, and the linter's report is the same with and without the shortcut.
 *
 * <pre>
 * entry   := TAG ":" subject  value          TAG: a stock tag below, any case
 * subject := name                            when the tag looks up names
 *          | ipv4                            when the tag looks up addresses (not Clt_Features)
 *          | local "@" [name]                when the tag looks up e-mail addresses
 * name    := label ("." label)+, a letter somewhere, not a public suffix (AC220)
 * label   := [A-Za-z0-9] ([A-Za-z0-9-]* [A-Za-z0-9])?
 * ipv4    := octet ("." octet){0,3}           octet: 0-255 without leading zeros
 * local   := [A-Za-z0-9_-]+ ("." [A-Za-z0-9_-]+)*
 * value   := OK | RELAY | REJECT | DISCARD | error          Connect, From, To (To: only RELAY
 *                                                           when the cf lacks blocklist_recipients)
 *          | NO                                             Try_TLS
 *          | letter (" " letter)*                           Srv_Features, Clt_Features: letters
 *                                                           this build knows and op.txt documents
 *          | FRIEND | HATER                                 Spam, as the cf's delay_checks reads
 * error   := "ERROR:" [dsn ":"] '"' code " " [dsn " "] text '"'   code [45]dd; a dsn (at
 *                                                           most one) of the code's class
 * text    := a letter, then letters, digits, blanks and . , ! ? ' - _ / : ; no blank at the end
 * </pre>
 * The key is at most 256 bytes (AC204). A keyword may be in any case: sendmail does not mind,
 * and the entries whose keyword is not in upper case are handed to AC322 alone, which counts
 * them ({@link #keywordCaseOnly()}).
 */
public final class QuietEntries {
  private static final String[] TAGS = {"Connect", "From", "To", "Spam", "Try_TLS", "Srv_Features",
      "Clt_Features"};
  private static final String[] ACTIONS = {"OK", "RELAY", "REJECT", "DISCARD"};
  private static final String ERROR = "ERROR:";
  private static final String TEXT_PUNCTUATION = " .,!?'-_/:";
  static final String MEMO = "quiet-entries";
  /** An entry per-entry rules must judge. */
  private static final int JUDGE = 0;
  /** An entry no per-entry rule can report. */
  private static final int QUIET = 1;
  /** The same, but its keyword is not in upper case, which AC322 (a whole-file rule) counts. */
  private static final int QUIET_BUT_CASE = 2;

  private final boolean enabled;
  private final List<Entry> entries;
  private final EntriesByTag byTag;
  /** The quiet grammar's tag for each of the file's tags (EntriesByTag's groups), else null. */
  private final Tag[] tagOfGroup;
  private final boolean toRelayOnly;
  private final boolean friendQuiet;
  private final boolean hatterQuiet;
  private final SendmailBuild build;
  private final Tag srvFeatures;
  private final Tag cltFeatures;
  /** The quiet letters of Srv_Features and Clt_Features, made when a value first needs them. */
  private boolean[] srvLetters;
  private boolean[] cltLetters;
  /** {@link #judged()} and {@link #keywordCaseOnly()}, found together on first use. */
  private List<Entry> judged;
  private List<Entry> keywordCaseOnly;

  private QuietEntries(LintContext ctx, boolean enabled) {
    this.enabled = enabled;
    this.entries = ctx.source().entries();
    // The stock tags: CITag tags a file declares (KeyRule.catalog) never replace a stock tag.
    Catalog catalog = ctx.catalog();
    byTag = EntriesByTag.of(ctx);
    tagOfGroup = new Tag[byTag.groups()];
    for (int g = 0; g < tagOfGroup.length; g++) {
      for (String t : TAGS) {
        if (t.equalsIgnoreCase(byTag.tag(g))) {
          tagOfGroup[g] = catalog.find(t).orElseThrow();
        }
      }
    }
    toRelayOnly = ToRejectWithoutBlocklist.applies(ctx);
    friendQuiet = !SpamValue.ignoredByMode("FRIEND", ctx);
    hatterQuiet = !SpamValue.ignoredByMode("HATER", ctx);
    build = SendmailBuild.of(ctx);
    srvFeatures = catalog.find("Srv_Features").orElseThrow();
    cltFeatures = catalog.find("Clt_Features").orElseThrow();
  }

  /** The classifier for this file and cf, made once per file. */
  public static QuietEntries of(LintContext ctx) {
    return ctx.memo(MEMO, () -> new QuietEntries(ctx, true));
  }

  /**
   * Makes {@code ctx}'s linter judge every entry in full, as before the shortcut: what tests
   * compare the shortcut with. Call before linting.
   */
  static void disable(LintContext ctx) {
    ctx.memo().put(MEMO, new QuietEntries(ctx, false));
  }

  /** Letters that draw nothing from AC302–AC305: known to this build, and documented. */
  private static boolean[] letters(Tag tag, SendmailBuild build) {
    boolean[] quiet = new boolean[128];
    for (Flag f : tag.flags()) {
      char upper = Character.toUpperCase(f.letter());
      for (char c : new char[] {upper, Character.toLowerCase(upper)}) {
        quiet[c] = f.documented()
            && FeatureLetters.status(tag, c, build) == FeatureLetters.Status.KNOWN;
      }
    }
    return quiet;
  }

  /** True when no per-entry rule can report anything about {@code e}. */
  public boolean test(Entry e) {
    return verdict(e) != JUDGE;
  }

  /**
   * The entries of the file that per-entry rules must judge, in file order, found once per file;
   * the quiet ones whose keyword is not in upper case are kept aside for AC322
   * ({@link #keywordCaseOnly()}).
   */
  public List<Entry> judged() {
    if (judged == null) {
      judged = new ArrayList<>();
      keywordCaseOnly = new ArrayList<>();
      for (Entry e : entries) {
        int v = verdict(e);
        if (v == JUDGE) {
          judged.add(e);
        } else if (v == QUIET_BUT_CASE) {
          keywordCaseOnly.add(e);
        }
      }
    }
    return judged;
  }

  /**
   * The quiet entries whose value is a keyword not written in upper case ({@code reject}, {@code
   * No}), in file order: no per-entry rule reports them, but AC322 counts them.
   */
  public List<Entry> keywordCaseOnly() {
    judged();
    return keywordCaseOnly;
  }

  /** {@link #QUIET}, {@link #QUIET_BUT_CASE} or {@link #JUDGE}. */
  private int verdict(Entry e) {
    if (!enabled) {
      return JUDGE;
    }
    // The line's bytes: neither the key nor the value is cut out of it.
    SourceLine line = e.line();
    int keyEnd = e.keyLength();
    int colon = e.tagEnd();
    if (keyEnd > Limits.MAXNAME || colon <= 0) {
      return JUDGE;
    }
    int group = byTag.groupOf(e);
    Tag tag = group == EntriesByTag.UNTAGGED ? null : tagOfGroup[group];
    if (tag == null || !subject(tag, line, colon + 1, keyEnd)) {
      return JUDGE;
    }
    return value(tag, e);
  }

  // ---- subjects ------------------------------------------------------------------------------

  private static boolean subject(Tag tag, SourceLine s, int from, int to) {
    if (from >= to) {
      return false; // the bare default: several rules judge it
    }
    int at = indexOf(s, '@', from, to);
    if (at >= 0) {
      return tag.looksUpMailAddresses() && isLocalPart(s, from, at)
          && (at + 1 == to || isName(s, at + 1, to, false));
    }
    if (isIpv4(s, from, to)) {
      return tag.looksUpAddresses() && !tag.name().equals("Clt_Features");
    }
    return tag.looksUpNames() && isName(s, from, to, true);
  }

  private static int indexOf(SourceLine s, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.byteAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** {@code [A-Za-z0-9_-]+ ("." [A-Za-z0-9_-]+)*} between {@code from} and {@code to}. */
  private static boolean isLocalPart(SourceLine s, int from, int to) {
    boolean atStart = true;
    for (int i = from; i < to; i++) {
      char c = (char) s.byteAt(i);
      if (c == '.') {
        if (atStart) {
          return false;
        }
        atStart = true;
      } else if (Ascii.isLetter(c) || Ascii.isDigit(c) || c == '_' || c == '-') {
        atStart = false;
      } else {
        return false;
      }
    }
    return !atStart;
  }

  /**
   * Two labels or more, with a letter somewhere; when {@code walked}, not a public suffix such as
   * {@code co.uk} (AC220 judges the whole subject, which for e-mail keys includes the local part).
   */
  private static boolean isName(SourceLine s, int from, int to, boolean walked) {
    int labels = 0;
    int labelStart = from;
    boolean letter = false;
    for (int i = from; i <= to; i++) {
      char c = i < to ? (char) s.byteAt(i) : '.';
      if (c == '.') {
        if (i == labelStart || s.byteAt(i - 1) == '-' || s.byteAt(labelStart) == '-') {
          return false;
        }
        labels++;
        labelStart = i + 1;
      } else if (Ascii.isLetter(c)) {
        letter = true;
      } else if (!Ascii.isDigit(c) && c != '-') {
        return false;
      }
    }
    if (labels < 2 || !letter) {
      return false;
    }
    // Only two labels ending in two letters can be a public suffix (co.uk); no dotted name is a
    // top-level domain.
    if (walked && labels == 2 && to - from >= 4 && s.byteAt(to - 3) == '.'
        && Ascii.isLetter((char) s.byteAt(to - 1)) && Ascii.isLetter((char) s.byteAt(to - 2))) {
      String name = s.text().substring(from, to).toLowerCase(Locale.ROOT);
      return !TldWideKey.isPublicSuffix(name) && !TldWideKey.isTld(name);
    }
    return true;
  }

  /** One to four octets 0–255 without leading zeros, as sendmail's address walk writes them. */
  private static boolean isIpv4(SourceLine s, int from, int to) {
    int octets = 0;
    int value = -1;
    int digits = 0;
    for (int i = from; i <= to; i++) {
      char c = i < to ? (char) s.byteAt(i) : '.';
      if (c == '.') {
        if (digits == 0 || value > 255 || ++octets > 4) {
          return false;
        }
        value = -1;
        digits = 0;
      } else if (Ascii.isDigit(c)) {
        if (digits > 0 && value == 0) {
          return false; // a leading zero
        }
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        digits++;
        if (digits > 3) {
          return false;
        }
      } else {
        return false;
      }
    }
    return true;
  }

  // ---- values --------------------------------------------------------------------------------

  /** The verdict on the entry's value. */
  private int value(Tag tag, Entry e) {
    SourceLine s = e.line();
    int from = e.valueColumn() - 1;
    switch (tag.value()) {
      case ACTION -> {
        if (toRelayOnly && tag.name().equals("To")) {
          return keyword(e, "RELAY");
        }
        for (String a : ACTIONS) {
          int v = keyword(e, a);
          if (v != JUDGE) {
            return v;
          }
        }
        return isError(s, from) ? QUIET : JUDGE;
      }
      case TRY_TLS -> {
        return keyword(e, "NO");
      }
      case SPAM -> {
        int friend = friendQuiet ? keyword(e, "FRIEND") : JUDGE;
        return friend != JUDGE ? friend : hatterQuiet ? keyword(e, "HATER") : JUDGE;
      }
      case FEATURE_FLAGS -> {
        if (srvLetters == null) {
          srvLetters = letters(srvFeatures, build);
          cltLetters = letters(cltFeatures, build);
        }
        return isLetters(s, from, tag == cltFeatures ? cltLetters : srvLetters) ? QUIET : JUDGE;
      }
      default -> {
        return JUDGE;
      }
    }
  }

  /**
   * Whether the entry's value is the keyword {@code word}: {@link #QUIET} as written
   * in upper case, {@link #QUIET_BUT_CASE} in another case (sendmail compares keywords without
   * regard to case; only AC322 minds), else {@link #JUDGE}.
   */
  private static int keyword(Entry e, String word) {
    if (!e.valueIs(word)) {
      return JUDGE;
    }
    return startsWith(e.line(), e.valueColumn() - 1, word) ? QUIET : QUIET_BUT_CASE;
  }

  private static boolean startsWith(SourceLine s, int from, String word) {
    if (s.length() - from < word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (s.byteAt(from + i) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** {@code letter (" " letter)*}, every letter quiet. */
  private static boolean isLetters(SourceLine s, int from, boolean[] quiet) {
    int n = s.length() - from;
    if (n == 0 || n % 2 == 0) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      int c = s.byteAt(from + i);
      if (i % 2 == 1 ? c != ' ' : c >= quiet.length || !quiet[c]) {
        return false;
      }
    }
    return true;
  }

  /** The {@code error} production of the grammar in the class comment. */
  private static boolean isError(SourceLine v, int from) {
    if (!startsWith(v, from, ERROR)) {
      return false;
    }
    int i = from + ERROR.length();
    int n = v.length();
    int dsnClass = 0;
    if (i < n && v.byteAt(i) != '"') {
      dsnClass = v.byteAt(i);
      int end = dsnEnd(v, i);
      if (end < 0 || end >= n || v.byteAt(end) != ':') {
        return false;
      }
      i = end + 1;
    }
    // '"' code ' ' [dsn ' '] letter ... '"'
    if (n - i < 7 || v.byteAt(i) != '"' || v.byteAt(n - 1) != '"') {
      return false;
    }
    int cls = v.byteAt(i + 1);
    if ((cls != '4' && cls != '5') || !Ascii.isDigit((char) v.byteAt(i + 2))
        || !Ascii.isDigit((char) v.byteAt(i + 3)) || v.byteAt(i + 4) != ' '
        || (dsnClass != 0 && dsnClass != cls)) {
      return false;
    }
    int text = i + 5;
    if (dsnClass == 0 && v.byteAt(text) == cls) {
      // a DSN in the text ("550 5.7.1 go away"), of the code's class; not beside ERROR:d.s.n:,
      // where two DSNs that differ are AC311's
      int end = dsnEnd(v, text);
      if (end < 0 || end >= n - 2 || v.byteAt(end) != ' ') {
        return false;
      }
      text = end + 1;
    }
    if (!Ascii.isLetter((char) v.byteAt(text))) {
      return false;
    }
    for (int j = text + 1; j < n - 1; j++) {
      char c = (char) v.byteAt(j);
      if (!Ascii.isLetter(c) && !Ascii.isDigit(c) && TEXT_PUNCTUATION.indexOf(c) < 0) {
        return false;
      }
    }
    return v.byteAt(n - 2) != ' ';
  }

  /** The end of {@code [45].d{1,3}.d{1,3}} at {@code from}, or -1. */
  private static int dsnEnd(SourceLine v, int from) {
    int c = v.byteAt(from);
    if ((c != '4' && c != '5') || from + 1 >= v.length() || v.byteAt(from + 1) != '.') {
      return -1;
    }
    int i = digits(v, from + 2);
    if (i < 0 || i >= v.length() || v.byteAt(i) != '.') {
      return -1;
    }
    return digits(v, i + 1);
  }

  private static int digits(SourceLine v, int from) {
    int i = from;
    while (i < v.length() && i - from < 4 && Ascii.isDigit((char) v.byteAt(i))) {
      i++;
    }
    return i == from || i - from > 3 ? -1 : i;
  }
}
