package io.accessctl.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The top-level domains and public suffixes of the Public Suffix List's ICANN section, bundled as
 * {@code public-suffixes.txt} (refreshed by {@code scripts/refresh-public-suffixes.sh} from
 * Debian's {@code publicsuffix} package). Names are compared in lower case, in the ASCII (xn--)
 * form that access-map keys use. Read on first use: most runs never ask.
 *
 * <p>Every lint reads the list for {@link #mayBeSuffix}'s filters, which need only hashes: they
 * are made from the list's bytes, and the sets of names only for the first exact question, which
 * a map without a key that passes the filters never asks. The filters keep whole hashes: a bit
 * per hash in a table of 65,536 would pass about one name in twenty (numeric Connect keys such as
 * 10.0.16 among them), enough to make the sets on most large maps and to test hundreds of keys
 * against them.
 */
public final class PublicSuffixes {
  private static final String RESOURCE = "io/accessctl/catalog/public-suffixes.txt";
  private static final String WILDCARD = "*.";
  private static final String EXCEPTION = "!";

  /** The list as bundled, ASCII. */
  private final byte[] text;
  /** {@link #mayBeSuffix} hashes of the top-level domains. */
  private final Hashes topLevelHashes = new Hashes();
  /** Of the last two labels of every name of two labels or more that is or parents a suffix. */
  private final Hashes lastTwoHashes = new Hashes();
  /** Of the wildcard parents of one label ({@code *.ck}): every two-label name below is one. */
  private final Hashes wildcardTopHashes = new Hashes();

  private PublicSuffixes(byte[] text) {
    this.text = text;
  }

  private static final class Holder {
    static final PublicSuffixes LIST = load();
  }

  /** The list's names, made on the first exact question. */
  private static final class Exact {
    static final Exact SETS = new Exact(Holder.LIST.text);

    private final Set<String> rules = new HashSet<>();
    private final Set<String> wildcardParents = new HashSet<>();
    private final Set<String> exceptions = new HashSet<>();
    private final Set<String> topLevel = new HashSet<>();

    private Exact(byte[] text) {
      for (int start = 0; start < text.length; start = lineEnd(text, start) + 1) {
        int end = lineEnd(text, start);
        if (isRule(text, start, end)) {
          add(new String(text, start, end - start, StandardCharsets.US_ASCII));
        }
      }
    }

    private void add(String rule) {
      if (rule.startsWith(EXCEPTION)) {
        exceptions.add(rule.substring(EXCEPTION.length()));
        return;
      }
      String name = rule;
      if (rule.startsWith(WILDCARD)) {
        name = rule.substring(WILDCARD.length());
        wildcardParents.add(name);
      } else {
        rules.add(rule);
      }
      topLevel.add(name.substring(name.lastIndexOf('.') + 1));
    }
  }

  /** Reads the list now, for a caller that has a core to spare before the first question. */
  public static void prepare() {
    if (Holder.LIST == null) {
      throw new IllegalStateException("the public-suffix list was not read");
    }
  }

  /** Whether {@code name} is one label that the list knows as a top-level domain. */
  public static boolean isTopLevelDomain(String name) {
    return name.indexOf('.') < 0 && Exact.SETS.topLevel.contains(lower(name));
  }

  /**
   * Whether {@code name} is a public suffix of two labels or more (co.uk, kawasaki.jp's
   * children): a name under which registries hand out domains to the public. One label: see
   * {@link #isTopLevelDomain}.
   */
  public static boolean isPublicSuffix(String name) {
    String n = lower(name);
    int dot = n.indexOf('.');
    if (dot <= 0 || n.endsWith(".")) {
      return false;
    }
    Exact l = Exact.SETS;
    if (l.exceptions.contains(n)) {
      return false;
    }
    return l.rules.contains(n) || l.wildcardParents.contains(n.substring(dot + 1));
  }

  /**
   * False when the name from index {@code from} of {@code s} (in any case) is surely neither a
   * top-level domain nor a public suffix; true when it may be one. No string is made: lint asks
   * this of every host key of a map, and only a few keys are worth the full test.
   */
  public static boolean mayBeSuffix(CharSequence s, int from) {
    PublicSuffixes l = Holder.LIST;
    // One pass from the end to the second dot from the end: String.hashCode of the text after
    // each position is the hash after the next one plus this char times a power of 31.
    int hash = 0;
    int power = 1;
    int lastLabel = 0;
    boolean dot = false;
    for (int i = s.length() - 1; i >= from; i--) {
      char c = s.charAt(i);
      if (c >= NON_ASCII) {
        return true; // the full test decides what lower case means here
      }
      if (c == '.') {
        if (dot) {
          return l.lastTwoHashes.mayHold(hash);
        }
        dot = true;
        lastLabel = hash;
      }
      hash += (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) * power;
      power *= 31;
    }
    if (!dot) {
      return l.topLevelHashes.mayHold(hash);
    }
    return l.lastTwoHashes.mayHold(hash) || l.wildcardTopHashes.mayHold(lastLabel);
  }

  private static final char NON_ASCII = 0x80;

  /**
   * A set of string hashes: a filter in front of the exact sets, which may pass a name whose hash
   * is another's, never stop one whose hash it holds. Open addressing; 0 is kept aside, as it
   * marks a free slot.
   */
  private static final class Hashes {
    private static final int MIN_SLOTS = 64;
    private int[] slots = new int[MIN_SLOTS];
    private int size;
    private boolean zero;

    void add(int hash) {
      if (hash == 0) {
        zero = true;
        return;
      }
      if (insert(slots, hash) && ++size * 2 > slots.length) {
        int[] bigger = new int[slots.length * 2];
        for (int h : slots) {
          if (h != 0) {
            insert(bigger, h);
          }
        }
        slots = bigger;
      }
    }

    boolean mayHold(int hash) {
      if (hash == 0) {
        return zero;
      }
      int[] t = slots;
      int mask = t.length - 1;
      for (int i = index(hash) & mask; t[i] != 0; i = (i + 1) & mask) {
        if (t[i] == hash) {
          return true;
        }
      }
      return false;
    }

    /** Puts {@code hash} (not 0) in {@code t}; false when it was there. */
    private static boolean insert(int[] t, int hash) {
      int mask = t.length - 1;
      int i = index(hash) & mask;
      for (; t[i] != 0; i = (i + 1) & mask) {
        if (t[i] == hash) {
          return false;
        }
      }
      t[i] = hash;
      return true;
    }

    private static int index(int hash) {
      return hash ^ hash >>> 16;
    }
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static PublicSuffixes load() {
    byte[] text;
    // Through the module: Class.getResourceAsStream would ask the JDK's loaders first and so open
    // the JDK's module image, which a run whose classes come from the CDS archive never needs.
    try (InputStream in = PublicSuffixes.class.getModule().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      text = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PublicSuffixes l = new PublicSuffixes(text);
    // lines cut from the bytes, with no decoder, no reader and no string
    for (int start = 0; start < text.length; start = lineEnd(text, start) + 1) {
      int end = lineEnd(text, start);
      if (isRule(text, start, end)) {
        l.filter(start, end);
      }
    }
    return l;
  }

  /** Where the line from {@code start} ends: its LF, or the end of the text. */
  private static int lineEnd(byte[] text, int start) {
    int end = start;
    while (end < text.length && text[end] != '\n') {
      end++;
    }
    return end;
  }

  /** Whether the line from {@code start} to {@code end} is a rule: not empty, no comment. */
  private static boolean isRule(byte[] text, int start, int end) {
    return end > start && text[start] != '#';
  }

  /** Adds the rule from {@code start} to {@code end} of the text to the filters. */
  private void filter(int start, int end) {
    if (text[start] == EXCEPTION.charAt(0)) {
      return;
    }
    int name = start;
    if (end - start >= WILDCARD.length() && text[start] == '*' && text[start + 1] == '.') {
      name = start + WILDCARD.length();
    }
    int last = lastDot(name, end);
    if (last < 0 && name > start) {
      wildcardTopHashes.add(hash(name, end));
    }
    if (last >= 0) {
      int second = lastDot(name, last);
      lastTwoHashes.add(hash(second + 1 > name ? second + 1 : name, end));
    }
    topLevelHashes.add(hash(last + 1 > name ? last + 1 : name, end));
  }

  /** Index of the last dot in the text from {@code from} to {@code to}, or -1. */
  private int lastDot(int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (text[i] == '.') {
        return i;
      }
    }
    return -1;
  }

  /** {@link String#hashCode} of the text from {@code from} to {@code to} (ASCII). */
  private int hash(int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + text[i];
    }
    return h;
  }
}
