package io.accessctl.lint.rules;

import io.accessctl.catalog.Catalog;
import io.accessctl.catalog.Tag;
import io.accessctl.catalog.ValueKind;
import io.accessctl.cf.Feature;
import io.accessctl.lint.EntryView;
import io.accessctl.lint.EntryVisitor;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Bytes;
import io.accessctl.source.Entry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Base of the AC2xx rules: every entry's key split into tag and subject the way sendmail's
 * rulesets build it, plus the shapes of subjects (addresses, networks, names) those rules judge.
 *
 * <p>A key is tagged when the text before its first colon is a tag-like word. {@code IPv6:…} and
 * {@code [IPv6:…]} keys and bare IPv6 literals ({@code 2001:db8::1}) are untagged addresses,
 * not the unknown tags {@code IPv6} or {@code 2001}.
 */
abstract class KeyRule extends EntryVisitor {

  /**
   * One key as the AC2xx rules see it. As a {@link CharSequence} it reads as its subject, from
   * the line's bytes: most keys are judged by a byte or two of it, and the subject's string, cut
   * only when a rule asks for it, was a good part of what the walk allocated per entry.
   */
  static final class Key implements CharSequence {
    private static final int NAMES = 1;
    private static final int ADDRESSES = 2;
    private static final int MAIL_ADDRESSES = 4;

    private final Entry entry;
    private final String tagText;
    private final Tag tag;
    /** Index in the key where the subject starts: after the tag's colon, 0 when untagged. */
    private final int subjectStart;
    /**
     * What the tag's lookup asks for, as bits ({@link #looksUp}), each below a bit that says it
     * is known: one int, so that a key read by two threads at once is never half updated.
     */
    private int lookup;
    private String subject;

    /**
     * @param entry the entry
     * @param tagText the tag as written, "" when untagged
     * @param tag the catalogue's tag (stock tags plus this file's CITag tags), null when untagged
     *     or unknown
     */
    Key(Entry entry, String tagText, Tag tag) {
      this.entry = entry;
      this.tagText = tagText;
      this.tag = tag;
      this.subjectStart = tagText.isEmpty() ? 0 : tagText.length() + 1;
    }

    /**
     * Whether the tag's lookup asks for {@code kind} ({@link #NAMES}, ...), read from the tag's
     * list of steps once per key and kind: every key rule asks, reading the list each time cost
     * more than the rules' own checks, and most keys are asked one kind only.
     */
    private boolean looksUp(int kind) {
      int bits = lookup;
      int known = kind << KNOWN;
      if ((bits & known) == 0) {
        boolean yes = tag != null && switch (kind) {
          case NAMES -> tag.looksUpNames();
          case ADDRESSES -> tag.looksUpAddresses();
          default -> tag.looksUpMailAddresses();
        };
        bits |= known | (yes ? kind : 0);
        lookup = bits;
      }
      return (bits & kind) != 0;
    }

    /** Where the bits that say a kind is known start. */
    private static final int KNOWN = 8;

    Entry entry() {
      return entry;
    }

    /** The tag as written, "" when untagged. */
    String tagText() {
      return tagText;
    }

    /** The catalogue's tag, null when untagged or unknown. */
    Tag tag() {
      return tag;
    }

    /** What follows the tag and its colon; the whole key when untagged. */
    String subject() {
      if (subject == null) {
        subject = subjectStart == 0 ? entry.key() : entry.subject();
      }
      return subject;
    }

    /** 1-based byte column of the subject. */
    int subjectColumn() {
      return entry.keyColumn() + subjectStart;
    }

    /** The subject's length in bytes. */
    @Override
    public int length() {
      return entry.keyLength() - subjectStart;
    }

    /** The subject's byte at {@code index}, as a char (ISO-8859-1). */
    @Override
    public char charAt(int index) {
      return (char) entry.byteAt(subjectStart + index); // the key starts the line
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return subject().subSequence(start, end);
    }

    /** The subject. */
    @Override
    public String toString() {
      return subject();
    }

    boolean tagged() {
      return !tagText.isEmpty();
    }

    /** {@code Tag:} alone: the bare default. */
    boolean bare() {
      return tagged() && length() == 0;
    }

    /** Untagged keys serve Connect, From and To, so names and addresses are both looked up. */
    boolean untagged() {
      return !tagged();
    }

    /** True when host or domain names are looked up for this key (untagged keys included). */
    boolean names() {
      return untagged() || looksUp(NAMES);
    }

    /** True when IP addresses are looked up for this key (untagged keys included). */
    boolean addresses() {
      return untagged() || looksUp(ADDRESSES);
    }

    /** True when the tag looks up e-mail addresses (untagged keys not included). */
    boolean mailAddresses() {
      return looksUp(MAIL_ADDRESSES);
    }

    /** True when the tag is the catalogue's {@code name} (any case). */
    boolean is(String name) {
      return tag != null && tag.name().equalsIgnoreCase(name);
    }

    /** The key with {@code subject} in place of this one's, for "write … instead". */
    String with(String newSubject) {
      return tagged() ? tagText + ":" + newSubject : newSubject;
    }

    String shown() {
      return Values.quote(entry.key());
    }

    /** Byte column of {@code index} in the key. */
    int column(int index) {
      return entry.keyColumn() + index;
    }
  }

  /** The entry's key split with the file's catalogue, once for all key rules. */
  static final EntryView.Derived<Key> KEY = EntryView.Derived.of((v, ctx) -> key(v, v.tag()));

  @Override
  public final void visit(EntryView v, LintContext ctx, Findings out) {
    check(v.get(KEY, ctx), ctx, out);
  }

  /** Checks one key. */
  abstract void check(Key k, LintContext ctx, Findings out);

  // ---- keys ----------------------------------------------------------------------------------

  private static final Pattern CITAG = Pattern.compile("(?i)(?:^|\\+)\\s*CITag\\s*:\\s*([^\\s+\"]+)");

  /** The catalogue plus the CITag tags this file's TLS requirements name (once per file). */
  static Catalog catalog(LintContext ctx) {
    return ctx.memo("key-rule-catalog", () -> ctx.catalog().withCiTags(ciTags(ctx.source())));
  }

  /** Tags named by {@code …+CITag:Name} in TLS requirement values of the file. */
  static Set<String> ciTags(AccessSource source) {
    Set<String> out = new LinkedHashSet<>();
    for (Entry e : source.entries()) {
      if (!e.line().containsIgnoreCase(e.valueColumn() - 1, "citag")) {
        continue; // the regex below needs the word; most values lack it
      }
      Matcher m = CITAG.matcher(e.value());
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /** The view's key split, with {@code tag} for its catalogue tag. */
  static Key key(EntryView v, Tag tag) {
    Entry e = v.entry();
    return v.tagged() ? new Key(e, v.tagText(), tag) : new Key(e, "", null);
  }

  static Key key(Entry e, Catalog catalog) {
    String k = e.key();
    int colon = k.indexOf(':');
    if (colon < 0 || !KeySplit.isTag(k.substring(0, colon)) || isIpv6Literal(k)) {
      return new Key(e, "", null);
    }
    String tagText = k.substring(0, colon);
    return new Key(e, tagText, catalog.find(tagText).orElse(null));
  }

  // ---- addresses -----------------------------------------------------------------------------

  static final String IPV6 = "IPv6";
  private static final Pattern IPV6_LITERAL = Pattern.compile(
      "(?i)[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}(:\\d{1,3}(\\.\\d{1,3}){3})?");
  private static final Pattern HEX_GROUP = Pattern.compile("(?i)[0-9a-f]{1,4}");
  private static final int GROUPS = 8;

  /** An IPv4 address or octet prefix as sendmail's address walk produces it: 1, 1.2, 1.2.3, 1.2.3.4. */
  static boolean isIpv4(String s) {
    // one to four runs of one to three digits, dots between, each at most 255; read by hand, as
    // several rules ask it of every key
    int n = s.length();
    int i = 0;
    for (int octets = 1; octets <= IPV4_OCTETS; octets++) {
      int start = i;
      int value = 0;
      while (i < n && Ascii.isDigit(s.charAt(i)) && i - start < IPV4_DIGITS) {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start || value > IPV4_OCTET_MAX) {
        return false;
      }
      if (i == n) {
        return true;
      }
      if (s.charAt(i) != '.') {
        return false;
      }
      i++;
    }
    return false;
  }

  private static final int IPV4_OCTETS = 4;
  private static final int IPV4_DIGITS = 3;
  private static final int IPV4_OCTET_MAX = 255;

  /** {@code IPv6} or {@code IPv6:…} (any case): the way sendmail writes IPv6 addresses. */
  static boolean isIpv6Key(String s) {
    return s.regionMatches(true, 0, IPV6, 0, IPV6.length())
        && (s.length() == IPV6.length() || s.charAt(IPV6.length()) == ':');
  }

  /** The groups after {@code IPv6:} ("" for {@code IPv6} alone), or null for other subjects. */
  static String ipv6Groups(String s) {
    if (!isIpv6Key(s)) {
      return null;
    }
    return s.length() == IPV6.length() ? "" : s.substring(IPV6.length() + 1);
  }

  /**
   * False when {@code subject}, bracketed or not, cannot start with {@code IPv6}: what the IPv6 key
   * rules ask before they take a subject apart.
   */
  static boolean mayBeIpv6Key(String subject) {
    if (subject.isEmpty()) {
      return false;
    }
    char c = subject.charAt(0);
    return c == 'I' || c == 'i' || c == '[';
  }

  /** An address key: an IPv4 octet prefix or an {@code IPv6:} group prefix. */
  static boolean isAddress(String s) {
    return isIpv4(s) || isIpv6Key(s);
  }

  /**
   * {@link #isAddress(String)} of the key's subject, cut out only when its first byte may start
   * an address (a digit, or the I of IPv6): most keys are names, judged by that byte alone.
   */
  static boolean isAddress(Key k) {
    if (k.length() == 0) {
      return false;
    }
    char c = k.charAt(0);
    return (Ascii.isDigit(c) || c == 'I' || c == 'i') && isAddress(k.subject());
  }

  /** Hex groups with colons ({@code 2001:db8::1}, {@code fe80::1}): an IPv6 literal without prefix. */
  static boolean isIpv6Literal(String s) {
    return Ascii.mayBeIpv6Literal(s) && IPV6_LITERAL.matcher(s).matches()
        && s.chars().anyMatch(c -> Character.digit(c, 16) >= 0);
  }

  /**
   * The subject without surrounding brackets ({@code [IPv6:…]} is judged like {@code IPv6:…}).
   *
   * @param text the subject, brackets removed
   * @param offset index of {@code text} in the key
   * @param bracketed true when the subject was bracketed
   */
  record Bare(String text, int offset, boolean bracketed) {
    /** The subject for "write … instead", brackets kept when the original had them. */
    String rewrap(String inner) {
      return bracketed ? "[" + inner + "]" : inner;
    }
  }

  static Bare unbracketed(Key k) {
    int start = k.subjectColumn() - k.entry().keyColumn();
    String inside = insideBrackets(k.subject());
    return inside == null ? new Bare(k.subject(), start, false) : new Bare(inside, start + 1, true);
  }

  /** The text inside {@code [ ]}, or null when {@code s} is not bracketed. */
  static String insideBrackets(String s) {
    return s.length() >= 2 && s.startsWith("[") && s.endsWith("]")
        ? s.substring(1, s.length() - 1) : null;
  }

  /**
   * IPv6 groups as sendmail writes them: lower case, no leading zeros, eight groups with
   * {@code ::} expanded (or, when {@code compressed}, the inet_ntop form with the longest run of
   * two or more zero groups as {@code ::}). A prefix without {@code ::} keeps its length (it is a
   * network key). Null when the text is no IPv6 address or prefix.
   */
  static String canonicalIpv6(String groups, boolean compressed) {
    List<Integer> g = parseIpv6(groups);
    if (g == null) {
      return null;
    }
    if (g.size() == GROUPS && compressed) {
      return compress(g);
    }
    List<String> hex = new ArrayList<>();
    for (int v : g) {
      hex.add(Integer.toHexString(v));
    }
    return String.join(":", hex);
  }

  /** The 16-bit groups of an IPv6 address or prefix, {@code ::} expanded to eight groups. */
  static List<Integer> parseIpv6(String text) {
    int dc = text.indexOf("::");
    if (dc >= 0 && text.indexOf("::", dc + 1) >= 0) {
      return null;
    }
    List<Integer> left = groups(dc < 0 ? text : text.substring(0, dc));
    List<Integer> right = dc < 0 ? List.of() : groups(text.substring(dc + 2));
    if (left == null || right == null) {
      return null;
    }
    List<Integer> all = new ArrayList<>(left);
    if (dc >= 0) {
      int zeros = GROUPS - left.size() - right.size();
      if (zeros < 1) {
        return null;
      }
      for (int i = 0; i < zeros; i++) {
        all.add(0);
      }
      all.addAll(right);
    }
    return all.isEmpty() || all.size() > GROUPS ? null : all;
  }

  private static List<Integer> groups(String text) {
    List<Integer> out = new ArrayList<>();
    if (text.isEmpty()) {
      return out;
    }
    String[] parts = text.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (i == parts.length - 1 && p.indexOf('.') >= 0 && isIpv4(p) && p.split("\\.").length == 4) {
        String[] o = p.split("\\.");
        out.add(Integer.parseInt(o[0]) << 8 | Integer.parseInt(o[1]));
        out.add(Integer.parseInt(o[2]) << 8 | Integer.parseInt(o[3]));
      } else if (HEX_GROUP.matcher(p).matches()) {
        out.add(Integer.parseInt(p, 16));
      } else {
        return null;
      }
    }
    return out;
  }

  private static String compress(List<Integer> g) {
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < g.size(); ) {
      if (g.get(i) != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < g.size() && g.get(j) == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    if (bestLen < 2) {
      bestStart = -1;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < g.size(); i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g.get(i)));
    }
    return sb.toString();
  }

  /**
   * An address as sendmail writes it in a key: IPv4 unchanged, IPv6 (with or without its
   * {@code IPv6:} prefix) as {@code IPv6:} and the groups in the form the cf makes sendmail use.
   * Other text is returned unchanged.
   */
  static String addressKey(String address, LintContext ctx) {
    String groups = isIpv6Literal(address) ? address : ipv6Groups(address);
    if (groups == null || groups.isEmpty()) {
      return address;
    }
    String canonical = canonicalIpv6(groups, compressedIpv6(ctx));
    return IPV6 + ":" + (canonical == null ? groups : canonical);
  }

  /** True when the cf makes sendmail write IPv6 addresses in {@code ::} form. */
  static boolean compressedIpv6(LintContext ctx) {
    return ctx.cf().map(cf -> cf.has(Feature.COMPRESSED_IPV6)).orElse(false);
  }

  // ---- names ---------------------------------------------------------------------------------

  private static final Pattern HOST_NAME = Pattern.compile(
      "\\.?[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+\\.?|\\.[A-Za-z0-9_-]+");

  /** A dotted host or domain name ({@code mx.example.com}, {@code .example.com}). */
  static boolean isDottedName(String s) {
    return HOST_NAME.matcher(s).matches() && s.chars().anyMatch(Character::isLetter);
  }

  /** The key shown for people, e.g. in "write … instead". */
  static String plain(String latin1) {
    return Bytes.display(latin1);
  }

  /** The value as meant, first word upper-cased ("" when empty). */
  static String firstWordUpper(String value) {
    return Values.firstWord(Values.intended(value)).toUpperCase(Locale.ROOT);
  }

  /** True for the value kinds whose tags hold certificate DNs or issuer lists. */
  static boolean isCertificateKey(Key k) {
    return k.tag() != null && (k.tag().value() == ValueKind.CERT_RELAY
        || k.tag().value() == ValueKind.CITAG);
  }

  /** True when {@code a} is the same or a later sendmail version than {@code b} (8.17.2 ≥ 8.17.1.9). */
  static boolean versionAtLeast(String a, String b) {
    return io.accessctl.cf.SendmailVersion.compare(a, b) >= 0;
  }
}
